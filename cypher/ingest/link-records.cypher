// Points each record at its customer with the decision that put it there (score, rule, explanation).
// A record moving from one customer to another (a split, a retraction, the rebuild) locks its
// blocking keys first: ingest reads candidates once, under those locks (see lock-and-read-batch),
// so a concurrent resolution either sees the move or waits for it.
UNWIND $links AS l
MATCH (r:SourceRecord {key: l.recordKey})
USING INDEX SEEK r:SourceRecord(key)
MATCH (c:Customer {id: l.customerId})
USING INDEX SEEK c:Customer(id)
OPTIONAL MATCH (r)-[old:RESOLVED_TO]->(previous)
CALL (r, previous, c) {
  WITH r WHERE previous IS NOT NULL AND previous <> c
  MATCH (r)-[:HAS_KEY]->(k:BlockingKey)
  WITH k ORDER BY k.key
  SET k.locked = true
}
DELETE old
CREATE (r)-[:RESOLVED_TO {score: l.score, rule: l.rule, decidedAt: datetime($now), decidedBy: l.decidedBy, explanation: l.explanation}]->(c)
RETURN count(r) AS linked
