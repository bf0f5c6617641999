// Connects each record to its shared-identifier nodes and to the records it names (relationships,
// referrer). Links the record no longer carries go; a named record not seen yet is kept as a stub
// (a SourceRecord with no content) that the real record fills when it arrives.
UNWIND $network AS rec
MATCH (r:SourceRecord {key: rec.key})
CALL (r) {
  OPTIONAL MATCH (r)-[old:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]->()
  DELETE old
}
CALL (r) {
  OPTIONAL MATCH (r)-[old:RELATED_TO|REFERRED_BY {origin: 'record'}]->()
  DELETE old
}
CALL (r, rec) {
  UNWIND rec.emails AS value
  MERGE (n:Email {value: value})
  MERGE (r)-[:HAS_EMAIL]->(n)
}
CALL (r, rec) {
  UNWIND rec.phones AS value
  MERGE (n:Phone {value: value})
  MERGE (r)-[:HAS_PHONE]->(n)
}
CALL (r, rec) {
  UNWIND rec.addresses AS address
  MERGE (n:Address {value: address.value})
  ON CREATE SET n.postcode = address.postcode, n.number = address.number, n.street = address.street,
                n.locality = address.locality, n.country = address.country
  MERGE (r)-[:HAS_ADDRESS]->(n)
}
CALL (r, rec) {
  UNWIND rec.identifiers AS value
  MERGE (n:Identifier {value: value})
  MERGE (r)-[:HAS_IDENTIFIER]->(n)
}
CALL (r, rec) {
  UNWIND rec.devices AS value
  MERGE (n:Device {value: value})
  MERGE (r)-[:HAS_DEVICE]->(n)
}
CALL (r, rec) {
  UNWIND rec.relationships AS rel
  WITH r, rel WHERE rel.targetKey <> r.key
  MERGE (t:SourceRecord {key: rel.targetKey})
  ON CREATE SET t.system = rel.targetSystem, t.sourceId = rel.targetSourceId, t.stub = true
  CREATE (r)-[:RELATED_TO {type: rel.type, ownershipPct: rel.ownershipPct, since: rel.since, origin: 'record', source: r.system, at: datetime($now)}]->(t)
}
CALL (r, rec) {
  UNWIND CASE WHEN rec.referredBy IS NULL THEN [] ELSE [rec.referredBy] END AS ref
  WITH r, ref WHERE ref.targetKey <> r.key
  MERGE (t:SourceRecord {key: ref.targetKey})
  ON CREATE SET t.system = ref.targetSystem, t.sourceId = ref.targetSourceId, t.stub = true
  CREATE (r)-[:REFERRED_BY {origin: 'record', source: r.system, at: datetime($now)}]->(t)
}
RETURN count(r) AS linked
