// What is stored of a batch's changed records that does not depend on the decision: their shared
// identifiers (Email, Phone, Address, Identifier, Device, each set sorted, locked after the customers
// by lock-and-read-batch) and their content. Sent right after lock-and-read-batch and before the
// decision, so the database stores while the engine decides (see ResolutionPipeline).
//   $records  [{key, stored, keys, network, content}]: the changed records (see lock-and-read-batch;
//             `keys` only for a record stored before, the rest were linked to theirs there),
//             `stored` when the record had content before this batch.
UNWIND $records AS rec
MATCH (r:SourceRecord {key: rec.key})
USING INDEX SEEK r:SourceRecord(key)
WITH collect({node: r, rec: rec, stored: rec.stored}) AS changed
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.emails AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Email {value: value})
  SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_EMAIL]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_EMAIL]->(n))
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.phones AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Phone {value: value})
  SET n.locked = true
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
  SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_ADDRESS]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_ADDRESS]->(n))
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.identifiers AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Identifier {value: value})
  SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_IDENTIFIER]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_IDENTIFIER]->(n))
}
CALL (changed) {
  UNWIND changed AS s
  UNWIND s.rec.network.devices AS value
  WITH value, collect(CASE WHEN s.stored THEN s.node END) AS storedHolders, collect(CASE WHEN NOT s.stored THEN s.node END) AS newHolders
  ORDER BY value
  MERGE (n:Device {value: value})
  SET n.locked = true
  FOREACH (r IN storedHolders | MERGE (r)-[:HAS_DEVICE]->(n))
  FOREACH (r IN newHolders | CREATE (r)-[:HAS_DEVICE]->(n))
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
    ON CREATE SET t.system = rel.targetSystem, t.sourceId = rel.targetSourceId, t.stub = true, t.locked = true
    CREATE (r)-[:RELATED_TO {type: rel.type, ownershipPct: rel.ownershipPct, since: rel.since, origin: 'record', source: r.system, at: datetime($now)}]->(t)
  }
  CALL (r, rec) {
    UNWIND CASE WHEN rec.network.referredBy IS NULL THEN [] ELSE [rec.network.referredBy] END AS ref
    WITH r, ref WHERE ref.targetKey <> r.key
    MERGE (t:SourceRecord {key: ref.targetKey})
    ON CREATE SET t.system = ref.targetSystem, t.sourceId = ref.targetSourceId, t.stub = true, t.locked = true
    CREATE (r)-[:REFERRED_BY {origin: 'record', source: r.system, at: datetime($now)}]->(t)
  }
}
RETURN size(changed) AS stored
