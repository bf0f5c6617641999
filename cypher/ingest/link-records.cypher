// Points each record at its customer with the decision that put it there (score, rule, explanation).
UNWIND $links AS l
MATCH (r:SourceRecord {key: l.recordKey})
USING INDEX SEEK r:SourceRecord(key)
MATCH (c:Customer {id: l.customerId})
USING INDEX SEEK c:Customer(id)
OPTIONAL MATCH (r)-[old:RESOLVED_TO]->()
DELETE old
CREATE (r)-[:RESOLVED_TO {score: l.score, rule: l.rule, decidedAt: datetime($now), decidedBy: l.decidedBy, explanation: l.explanation}]->(c)
RETURN count(r) AS linked
