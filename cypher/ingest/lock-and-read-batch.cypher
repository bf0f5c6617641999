// Everything resolution reads before deciding, in one round trip, taking its locks in the fixed
// order records → blocking keys → customers (each set sorted), then, in store-records, the shared
// identifiers (Email, Phone, Address, Identifier, Device), so parallel requests touching the same
// person wait for each other rather than deadlock in a cycle. It links each changed record to its
// blocking keys while it holds them; store-records, sent next, stores the rest of what does not
// depend on the decision while the engine decides, so the write after the decision (links,
// customers, merges, golden records) never looks records up again. Out of this order: the
// candidates' neighbours (lock-and-read-neighbours, sent before store-records), dropping a changed
// record's old links, and a review task pointing at a candidate's record (a deadlock there is
// retried).
// A node is locked by setting `locked = true` on it. Nodes are created with the property, so a later
// lock writes an unchanged value: it takes the lock without adding to what the commit writes (added
// at a node's first lock, the property cost ~4,300 property additions per 2,000-record chunk at 500k).
// Candidates are read once, under the key locks: whatever moves a record to another customer holds
// that record's keys (ingest locks the keys of the records it resolves; link-records locks the keys
// of a record it moves, for splits, retractions and the rebuild), and a merge leaves a redirect
// that the caller follows, so a customer found here is the record's customer once it is locked.
//   $recordLocks  [{key, system, sourceId, stub}] sorted by key: the batch's records and the records
//                 they name (relationships, referrer); one named but not seen yet is created as a stub.
//   $records      [{key, contentHash, keys}]: the batch's records and their blocking keys.
// Returns a row per record of the batch (`state`: as stored before this batch), then a row per
// locked customer (`customer`: the candidates and the previous customers, each with all its
// records, each record with its generic keys; the caller follows merge redirects); the first row
// also has `genericKeys`: the batch's keys held by more records than the cutoff once the batch
// holds them. The candidates' neighbours are read next, while the engine runs
// (lock-and-read-neighbours).
// Small rows rather than one row of everything: the driver reads a message larger than a Bolt
// chunk (64 KiB) byte by byte across its chunks, which cost ~290 ms a chunk at 950k records.
CALL () {
  UNWIND $recordLocks AS lock
  MERGE (x:SourceRecord {key: lock.key})
  ON CREATE SET x.system = lock.system, x.sourceId = lock.sourceId, x.stub = lock.stub
  SET x.locked = true
}
UNWIND $records AS rec
MATCH (r:SourceRecord {key: rec.key})
USING INDEX SEEK r:SourceRecord(key)
WITH r, rec
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
WITH collect({
  node: r, rec: rec, stored: r.contentHash IS NOT NULL,
  key: r.key, contentHash: r.contentHash, customerId: c.id,
  unchanged: c IS NOT NULL AND coalesce(r.contentHash = rec.contentHash, false),
  cannotLink: CASE WHEN r:Constrained THEN [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key] ELSE [] END,
  mustLink: CASE WHEN r:Constrained THEN [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key] ELSE [] END
}) AS states
WITH states, [s IN states WHERE NOT s.unchanged] AS changed
WITH [s IN states | s {.key, .contentHash, .customerId, .unchanged, .cannotLink, .mustLink}] AS states, changed,
     [s IN changed WHERE s.customerId IS NOT NULL | s.customerId] AS previous
// Only the keys of records that need resolving are locked; an unchanged re-send locks nothing more.
// Each key is counted before the batch's own records are linked to it (a record never stored
// before cannot hold the link yet, so it is created without a look).
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.keys AS key
  WITH key, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY key
  MERGE (k:BlockingKey {key: key})
  SET k.locked = true
  WITH k, storedHolders, newHolders, COUNT { (k)<-[:HAS_KEY]-() } AS held
  CALL (k, storedHolders, newHolders) {
    FOREACH (r IN storedHolders | MERGE (r)-[:HAS_KEY]->(k))
    FOREACH (r IN newHolders | CREATE (r)-[:HAS_KEY]->(k))
  }
  // Generic keys (held by more records than the cutoff) give no candidates. The engine is told the
  // batch's keys generic once the batch holds them too: the rebuild, counting every record, compares
  // no records through them, so the engine must not either among the few records it resolves.
  WITH k, held, held + size(storedHolders) + size(newHolders) AS atMost
  WITH k, held, CASE WHEN atMost > $genericCutoff THEN COUNT { (k)<-[:HAS_KEY]-() } ELSE atMost END AS holders
  WITH collect(CASE WHEN held <= $genericCutoff THEN k END) AS candidateKeys,
       collect(CASE WHEN holders > $genericCutoff THEN k.key END) AS genericKeys
  CALL (candidateKeys) {
    UNWIND candidateKeys AS k
    MATCH (k)<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
    WITH DISTINCT c LIMIT $maxCandidates
    RETURN collect(c.id) AS candidates
  }
  RETURN candidates, genericKeys
}
WITH states, candidates, previous, genericKeys
CALL (candidates, previous) {
  UNWIND candidates + previous AS id
  WITH DISTINCT id
  ORDER BY id
  MATCH (c:Customer {id: id})
  USING INDEX SEEK c:Customer(id)
  SET c.locked = true
  WITH c
  OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
  WITH c, r
  ORDER BY r.key
  WITH c, [x IN collect(CASE WHEN r IS NULL THEN null ELSE {
          key: r.key, normalised: r.normalised, payload: r.payload,
          observedAt: toString(r.observedAt), trust: r.trust,
          generic: [(r)-[:HAS_KEY]->(k:BlockingKey) WHERE COUNT { (k)<-[:HAS_KEY]-() } > $genericCutoff | k.key],
          cannotLink: CASE WHEN r:Constrained THEN [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key] ELSE [] END,
          mustLink: CASE WHEN r:Constrained THEN [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key] ELSE [] END
        } END) WHERE x IS NOT NULL] AS records
  RETURN collect({customerId: c.id, status: c.status, mergedInto: c.mergedInto, createdAt: toString(c.createdAt), records: records}) AS customers
}
UNWIND range(0, size(states) + size(customers) - 1) AS i
RETURN CASE WHEN i < size(states) THEN states[i] END AS state,
       CASE WHEN i >= size(states) THEN customers[i - size(states)] END AS customer,
       CASE WHEN i = 0 THEN genericKeys END AS genericKeys
