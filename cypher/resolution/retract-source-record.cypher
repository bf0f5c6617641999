// Removes a record, its decisions and its review tasks; blocking keys and identifier nodes left with
// no record go too. A record other records still name (relationship, referrer) stays as an empty
// stub, so their edges reconnect if it is sent again.
MATCH (r:SourceRecord {key: $key})
OPTIONAL MATCH (r)-[:HAS_KEY]->(k:BlockingKey)
OPTIONAL MATCH (r)-[:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]->(i)
OPTIONAL MATCH (t:ReviewTask)-[:ABOUT|CANDIDATE]->(r)
WITH r, collect(DISTINCT k) AS keys, collect(DISTINCT i) AS identifiers, collect(DISTINCT t) AS tasks
FOREACH (t IN tasks | DETACH DELETE t)
WITH r, keys, identifiers, EXISTS { (r)<-[:RELATED_TO|REFERRED_BY]-(:SourceRecord) } AS named
CALL (r, named) {
  WITH r WHERE named
  OPTIONAL MATCH (r)-[out]->()
  DELETE out
  WITH DISTINCT r
  SET r.stub = true
  REMOVE r.contentHash, r.payload, r.normalised, r.trust, r.observedAt, r.type, r.updatedAt, r.ingestedAt
}
CALL (r, named) {
  WITH r WHERE NOT named
  DETACH DELETE r
}
WITH keys, identifiers
CALL (keys) {
  UNWIND keys AS k
  WITH k WHERE NOT (k)<-[:HAS_KEY]-()
  DELETE k
}
CALL (identifiers) {
  UNWIND identifiers AS i
  WITH i WHERE NOT (i)<-[]-()
  DELETE i
}
RETURN size(keys) AS keysBefore
