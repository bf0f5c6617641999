// Records the analyst's decision on a review task and remembers it as a constraint between the two
// records, both labelled Constrained (see schema 0010).
MATCH (t:ReviewTask {id: $id, status: 'OPEN'})-[:ABOUT]->(r:SourceRecord), (t)-[:CANDIDATE]->(o:SourceRecord)
SET t.status = 'CLOSED', t.decision = $decision, t.decidedBy = $decidedBy, t.decidedAt = datetime($now), t.note = $note
FOREACH (_ IN CASE WHEN $decision = 'match' THEN [1] ELSE [] END |
  MERGE (r)-[m:MUST_LINK]-(o) ON CREATE SET m.at = datetime($now), m.by = $decidedBy
  SET r:Constrained, o:Constrained)
FOREACH (_ IN CASE WHEN $decision = 'no_match' THEN [1] ELSE [] END |
  MERGE (r)-[n:CANNOT_LINK]-(o) ON CREATE SET n.at = datetime($now), n.by = $decidedBy
  SET r:Constrained, o:Constrained)
WITH r, o
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(rc:Customer)
OPTIONAL MATCH (o)-[:RESOLVED_TO]->(oc:Customer)
RETURN r.key AS recordKey, o.key AS candidateRecordKey, rc.id AS customerId, oc.id AS candidateCustomerId
