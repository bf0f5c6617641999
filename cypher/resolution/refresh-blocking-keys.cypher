// Rebuild: points records at the blocking keys the current settings give them, so records stored
// before a change of the keys are found by new records again. Keys left without records stay
// (they cost nothing and a later record may use them). lock-and-read-batch links keys the same
// way when it stores a record.
// A record the current normalisers read differently gets its new normalised form ($records.normalised).
UNWIND $records AS rec
MATCH (r:SourceRecord {key: rec.key})
USING INDEX SEEK r:SourceRecord(key)
SET r.normalised = coalesce(rec.normalised, r.normalised)
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
RETURN count(DISTINCT r) AS refreshed
