// Everything resolution reads, in one round trip, taking its locks in the fixed order
// records → blocking keys → shared identifiers (Email, Phone, Address, Identifier, Device) →
// customers (each set sorted), so parallel requests never deadlock in a cycle and a second request
// touching the same person waits for the first to commit. It also stores what does not depend on
// the decision — each changed record's content, its blocking keys and its shared identifiers —
// while it holds those nodes, so the write after the decision (links, customers, merges, golden
// records) never looks them up again. Only dropping a changed record's old links, or a review task
// pointing at a candidate's record, can still lock out of this order (a deadlock there is retried).
// A node is locked by setting a property on it; one this statement creates is held by its creation
// (ON MATCH only), so the store gains no property for it.
// Candidates are read once, under the key locks: whatever moves a record to another customer holds
// that record's keys (ingest locks the keys of the records it resolves; link-records locks the keys
// of a record it moves, for splits, retractions and the rebuild), and a merge leaves a redirect
// that the caller follows, so a customer found here is the record's customer once it is locked.
//   $recordLocks  [{key, system, sourceId, stub}] sorted by key: the batch's records and the records
//                 they name (relationships, referrer); one named but not seen yet is created as a stub.
//   $records      [{key, contentHash, keys, network, content}]: the batch's records, their blocking
//                 keys, what they contribute to the network and what is stored of them
//                 (content: {system, sourceId, type, payload, normalised, trust, observedAt}).
// Returns one row: the records' states (read before this statement stores anything), the locked
// candidate customers, their neighbours and the previous customers, with all their records (the
// caller follows merge redirects), and which of them are only neighbours.
CALL () {
  UNWIND $recordLocks AS lock
  MERGE (x:SourceRecord {key: lock.key})
  ON CREATE SET x.system = lock.system, x.sourceId = lock.sourceId, x.stub = lock.stub
  ON MATCH SET x.locked = true
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
  cannotLink: [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key],
  mustLink: [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key]
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
  ON MATCH SET k.locked = true
  WITH k, storedHolders, newHolders, COUNT { (k)<-[:HAS_KEY]-() } AS held
  CALL (k, storedHolders, newHolders) {
    FOREACH (r IN storedHolders | MERGE (r)-[:HAS_KEY]->(k))
    FOREACH (r IN newHolders | CREATE (r)-[:HAS_KEY]->(k))
  }
  // Generic keys (held by more records than the cutoff) give no candidates.
  WITH collect(CASE WHEN held <= $genericCutoff THEN k END) AS candidateKeys
  CALL (candidateKeys) {
    UNWIND candidateKeys AS k
    MATCH (k)<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
    WITH DISTINCT c LIMIT $maxCandidates
    RETURN collect(c) AS candidateNodes
  }
  RETURN candidateKeys, candidateNodes, [c IN candidateNodes | c.id] AS candidates
}
// The candidates' neighbours: customers sharing a non-generic key with a candidate's records. A
// candidate that gains a record is scored again against them, as the rebuild would: without
// them, a customer grown by this batch never meets a customer it now matches through its older
// records. (Those keys are not locked: a record arriving concurrently with one of them finds this
// batch's candidate through it and locks it, so one batch waits for the other and sees what it did.)
// Keys the batch's records hold were followed above, so only the candidates' other keys are.
CALL (candidateKeys, candidateNodes) {
  UNWIND candidateNodes AS c
  MATCH (c)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_KEY]->(k:BlockingKey)
  WHERE NOT k IN candidateKeys
  WITH DISTINCT k
  WHERE COUNT { (k)<-[:HAS_KEY]-() } <= $genericCutoff
  MATCH (k)<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(n:Customer)
  WITH DISTINCT n LIMIT $maxCandidates
  RETURN collect(n.id) AS neighbours
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.emails AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Email {value: value})
  ON MATCH SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_EMAIL]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_EMAIL]->(n))
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.phones AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Phone {value: value})
  ON MATCH SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_PHONE]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_PHONE]->(n))
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.addresses AS address
  WITH address.value AS value, head(collect(address)) AS address,
       collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Address {value: value})
  ON CREATE SET n.postcode = address.postcode, n.number = address.number, n.street = address.street,
                n.locality = address.locality, n.country = address.country
  ON MATCH SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_ADDRESS]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_ADDRESS]->(n))
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.identifiers AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Identifier {value: value})
  ON MATCH SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_IDENTIFIER]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_IDENTIFIER]->(n))
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.devices AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Device {value: value})
  ON MATCH SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_DEVICE]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_DEVICE]->(n))
}
CALL (candidates, neighbours, previous) {
  UNWIND candidates + neighbours + previous AS id
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
// The records' content last: the reads above see what was stored before this batch. A record
// stored before drops the keys, identifiers and named records it no longer carries.
CALL (changed) {
  UNWIND changed AS s
  WITH s.node AS r, s.rec AS rec, s.stored AS stored
  SET r.system = rec.content.system, r.sourceId = rec.content.sourceId, r.type = rec.content.type,
      r.contentHash = rec.contentHash, r.payload = rec.content.payload, r.normalised = rec.content.normalised,
      r.trust = rec.content.trust, r.observedAt = datetime(rec.content.observedAt),
      r.ingestedAt = coalesce(r.ingestedAt, datetime($now)), r.updatedAt = datetime($now)
  REMOVE r.stub
  WITH r, rec, stored
  CALL (r, rec, stored) {
    WITH r, rec WHERE stored
    OPTIONAL MATCH (r)-[old:HAS_KEY|HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]->(n)
    WITH old, CASE type(old)
      WHEN 'HAS_KEY' THEN NOT n.key IN rec.keys
      WHEN 'HAS_EMAIL' THEN NOT n.value IN rec.network.emails
      WHEN 'HAS_PHONE' THEN NOT n.value IN rec.network.phones
      WHEN 'HAS_ADDRESS' THEN NOT n.value IN [a IN rec.network.addresses | a.value]
      WHEN 'HAS_IDENTIFIER' THEN NOT n.value IN rec.network.identifiers
      WHEN 'HAS_DEVICE' THEN NOT n.value IN rec.network.devices
    END AS dropped
    WITH old WHERE dropped
    DELETE old
  }
  CALL (r, stored) {
    WITH r WHERE stored
    OPTIONAL MATCH (r)-[old:RELATED_TO|REFERRED_BY {origin: 'record'}]->()
    DELETE old
  }
  CALL (r, rec) {
    UNWIND rec.network.relationships AS rel
    WITH r, rel WHERE rel.targetKey <> r.key
    MERGE (t:SourceRecord {key: rel.targetKey})
    ON CREATE SET t.system = rel.targetSystem, t.sourceId = rel.targetSourceId, t.stub = true
    CREATE (r)-[:RELATED_TO {type: rel.type, ownershipPct: rel.ownershipPct, since: rel.since, origin: 'record', source: r.system, at: datetime($now)}]->(t)
  }
  CALL (r, rec) {
    UNWIND CASE WHEN rec.network.referredBy IS NULL THEN [] ELSE [rec.network.referredBy] END AS ref
    WITH r, ref WHERE ref.targetKey <> r.key
    MERGE (t:SourceRecord {key: ref.targetKey})
    ON CREATE SET t.system = ref.targetSystem, t.sourceId = ref.targetSourceId, t.stub = true
    CREATE (r)-[:REFERRED_BY {origin: 'record', source: r.system, at: datetime($now)}]->(t)
  }
}
// Neighbours that are neither candidates nor previous customers: the caller scores them as they
// stand (their records are not resolved again), the others from their records.
RETURN states, customers, [id IN neighbours WHERE NOT id IN candidates AND NOT id IN previous] AS neighbours
