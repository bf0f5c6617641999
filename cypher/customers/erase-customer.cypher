// Erasure of an active customer: every id merged into it, its source records, their events,
// review tasks, link constraints and KYC alerts, and the identifier nodes and blocking keys no other record
// holds. Answers counts only: nothing personal leaves this statement.
MATCH (c:Customer {id: $id, status: 'ACTIVE'})
OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
WITH c, collect(r) AS records
CALL (c) {
  OPTIONAL MATCH (m:Customer)-[:MERGED_INTO*1..20]->(c)
  RETURN collect(DISTINCT m) AS merged
}
CALL (records) {
  UNWIND records AS r
  MATCH (e:Event)-[:ABOUT]->(r)
  DETACH DELETE e
  RETURN count(*) AS events
}
CALL (records) {
  UNWIND records AS r
  MATCH (t:ReviewTask)-[:ABOUT|CANDIDATE]->(r)
  WITH DISTINCT t
  DETACH DELETE t
  RETURN count(*) AS reviewTasks
}
CALL (records) {
  UNWIND records AS r
  MATCH (r)-[:HAS_KEY|HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]->(n)
  RETURN collect(DISTINCT n) AS held
}
CALL (records) {
  UNWIND records AS r
  DETACH DELETE r
  RETURN count(*) AS sourceRecords
}
CALL (held) {
  UNWIND held AS n
  WITH n WHERE NOT (n)<--()
  DELETE n
  RETURN count(*) AS identifiers
}
CALL (c, merged) {
  UNWIND [c] + merged AS gone
  MATCH (a:KycAlert {customerId: gone.id})
  DETACH DELETE a
  RETURN count(*) AS alerts
}
CALL (c, merged) {
  FOREACH (m IN merged | DETACH DELETE m)
  DETACH DELETE c
}
RETURN sourceRecords, events, reviewTasks, identifiers, size(merged) AS mergedIds
