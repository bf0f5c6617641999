// Everything resolution reads, in one round trip, taking its locks in the fixed order
// records → blocking keys → shared identifiers (Email, Phone, Address, Identifier, Device) →
// customers (each set sorted), so parallel requests never deadlock in a cycle and a second request
// touching the same person waits for the first to commit. The write that follows creates its links
// to nodes already held here; only dropping a changed record's old links, or a review task pointing at
// a candidate's record, can still lock out of this order (a deadlock there is retried).
//   $recordLocks  [{key, system, sourceId, stub}] sorted by key: the batch's records and the records
//                 they name (relationships, referrer); one named but not seen yet is created as a stub.
//   $records      [{key, contentHash, keys, network}]: the batch's records, their blocking keys and
//                 what they contribute to the network (see link-record-network).
// Returns one row: the records' states (a record seen for the first time is created empty here and
// filled by upsert-source-records), the locked candidate and previous customers with all their
// records, and the candidates read again once those locks are held (a concurrent split or merge has
// finished by then); the caller locks any it does not hold yet and follows merge redirects.
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
  key: r.key, contentHash: r.contentHash, customerId: c.id,
  unchanged: c IS NOT NULL AND coalesce(r.contentHash = rec.contentHash, false), keys: rec.keys, network: rec.network,
  cannotLink: [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key],
  mustLink: [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key]
}) AS states
WITH states, [s IN states WHERE NOT s.unchanged] AS changed
WITH [s IN states | s {.key, .contentHash, .customerId, .unchanged, .cannotLink, .mustLink}] AS states, changed,
     [s IN changed WHERE s.customerId IS NOT NULL | s.customerId] AS previous
// Only the keys of records that need resolving are locked; an unchanged re-send locks nothing more.
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.keys AS key
  WITH DISTINCT key
  ORDER BY key
  MERGE (k:BlockingKey {key: key})
  SET k.locked = true
  WITH collect(k) AS locked
  // Generic keys (held by more records than the cutoff) give no candidates; the rest are kept
  // for the second read below.
  WITH [k IN locked WHERE COUNT { (k)<-[:HAS_KEY]-() } <= $genericCutoff] AS candidateKeys
  CALL (candidateKeys) {
    UNWIND candidateKeys AS k
    MATCH (k)<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
    WITH DISTINCT c LIMIT $maxCandidates
    RETURN collect(c.id) AS firstCandidates
  }
  RETURN candidateKeys, firstCandidates
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.network.emails AS value
  WITH DISTINCT value
  ORDER BY value
  MERGE (n:Email {value: value})
  SET n.locked = true
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.network.phones AS value
  WITH DISTINCT value
  ORDER BY value
  MERGE (n:Phone {value: value})
  SET n.locked = true
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.network.addresses AS address
  WITH address.value AS value, head(collect(address)) AS address
  ORDER BY value
  MERGE (n:Address {value: value})
  ON CREATE SET n.postcode = address.postcode, n.number = address.number, n.street = address.street,
                n.locality = address.locality, n.country = address.country
  SET n.locked = true
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.network.identifiers AS value
  WITH DISTINCT value
  ORDER BY value
  MERGE (n:Identifier {value: value})
  SET n.locked = true
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.network.devices AS value
  WITH DISTINCT value
  ORDER BY value
  MERGE (n:Device {value: value})
  SET n.locked = true
}
CALL (firstCandidates, previous) {
  UNWIND firstCandidates + previous AS id
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
          key: r.key, system: r.system, sourceId: r.sourceId, normalised: r.normalised, payload: r.payload,
          observedAt: toString(r.observedAt), trust: r.trust,
          cannotLink: [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key],
          mustLink: [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key]
        } END) WHERE x IS NOT NULL] AS records
  RETURN collect({customerId: c.id, status: c.status, mergedInto: c.mergedInto, createdAt: toString(c.createdAt), records: records}) AS customers
}
CALL (candidateKeys) {
  UNWIND candidateKeys AS k
  MATCH (k)<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
  WITH DISTINCT c LIMIT $maxCandidates
  RETURN collect(c.id) AS recheckedCandidates
}
RETURN states, customers, recheckedCandidates
