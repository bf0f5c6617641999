// Stores each record as received plus its normalised form, and (re)links its blocking keys.
UNWIND $records AS rec
MERGE (r:SourceRecord {key: rec.key})
ON CREATE SET r.ingestedAt = datetime($now)
SET r.system = rec.system, r.sourceId = rec.sourceId, r.type = rec.type, r.contentHash = rec.contentHash,
    r.payload = rec.payload, r.normalised = rec.normalised, r.trust = rec.trust,
    r.observedAt = datetime(rec.observedAt), r.updatedAt = datetime($now)
REMOVE r.stub
WITH r, rec
CALL (r, rec) {
  OPTIONAL MATCH (r)-[old:HAS_KEY]->(k:BlockingKey)
  WHERE NOT k.key IN rec.keys
  DELETE old
}
WITH r, rec
UNWIND rec.keys AS key
MERGE (k:BlockingKey {key: key})
MERGE (r)-[:HAS_KEY]->(k)
RETURN count(DISTINCT r) AS stored
