// The neighbours of a resolution's customers: customers sharing a non-generic blocking key with
// their records other than the keys the batch's own records hold (lock-and-read-batch followed
// those). A customer grown by the batch is scored against them, as the rebuild would: without them
// it never meets a customer it now matches through its older records. Sent right after
// lock-and-read-batch (store-records follows it), so the database finds and reads them while the
// engine resolves the batch without them; the engine takes them in only when one reaches the link band
// (see ResolutionPipeline). They are locked here, after the customers of lock-and-read-batch and so
// out of one sorted order: two resolutions that each hold the other's neighbour deadlock, and
// Neo4j aborts one, which is retried (the keys themselves are not locked: a record arriving
// concurrently with one of them finds this batch's customer through it and waits for it).
//   $customerIds  the customers the resolution holds (candidates, previous customers, survivors of merges)
//   $batchKeys    the blocking keys of the batch's changed records
// Returns a row per neighbour, as lock-and-read-customers but without the records as received
// (`payload`): few neighbours are taken in, and read-record-payloads reads theirs. A generated
// record's payload is ~330 bytes of JSON against ~430 for its normalised form, so about two fifths
// of what ~3,700 neighbour records a chunk at 950k carried, read while the engine waited for them.
// Each record's `generic` keys (held by more records than the cutoff) bring no candidates in the
// engine either.
// The walks start from the customers and keys in hand: each is a pattern comprehension, and the
// property tests come after it, on the nodes it returned. Planned as MATCH ... WHERE NOT k.key IN
// $batchKeys, the test drove a scan of every blocking key and customer on the index, joined by hash
// (6.5M db hits, 15 s for one chunk, loading 10k records after bench:ingest deleted its warm-up load).
CALL () {
  UNWIND $customerIds AS id
  MATCH (c:Customer {id: id})
  USING INDEX SEEK c:Customer(id)
  UNWIND [(c)<-[:RESOLVED_TO]-()-[:HAS_KEY]->(k) | k] AS k
  WITH DISTINCT k
  WHERE NOT k.key IN $batchKeys AND COUNT { (k)<-[:HAS_KEY]-() } <= $genericCutoff
  UNWIND [(k)<-[:HAS_KEY]-()-[:RESOLVED_TO]->(n) | n] AS n
  WITH DISTINCT n
  WHERE NOT n.id IN $customerIds
  WITH n LIMIT $maxNeighbours
  RETURN collect(n.id) AS neighbours
}
UNWIND neighbours AS id
WITH id
ORDER BY id
MATCH (c:Customer {id: id})
USING INDEX SEEK c:Customer(id)
SET c.locked = true
WITH c
OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
WITH c, r
ORDER BY r.key
RETURN c.id AS customerId, c.status AS status, c.mergedInto AS mergedInto, toString(c.createdAt) AS createdAt,
       [x IN collect(CASE WHEN r IS NULL THEN null ELSE {
          key: r.key, normalised: r.normalised,
          observedAt: toString(r.observedAt), trust: r.trust,
          generic: [(r)-[:HAS_KEY]->(k:BlockingKey) WHERE COUNT { (k)<-[:HAS_KEY]-() } > $genericCutoff | k.key],
          cannotLink: CASE WHEN r:Constrained THEN [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key] ELSE [] END,
          mustLink: CASE WHEN r:Constrained THEN [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key] ELSE [] END
        } END) WHERE x IS NOT NULL] AS records
