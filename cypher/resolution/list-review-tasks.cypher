// The possible-match queue, newest first.
MATCH (t:ReviewTask {status: $status})-[:ABOUT]->(r:SourceRecord), (t)-[:CANDIDATE]->(o:SourceRecord)
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(rc:Customer)
OPTIONAL MATCH (o)-[:RESOLVED_TO]->(oc:Customer)
RETURN t.id AS id, t.status AS status, t.score AS score, t.explanation AS explanation, toString(t.createdAt) AS createdAt,
       r.key AS recordKey, rc.id AS customerId, o.key AS candidateRecordKey, oc.id AS candidateCustomerId,
       t.decision AS decision, t.decidedBy AS decidedBy, toString(t.decidedAt) AS decidedAt
ORDER BY t.createdAt DESC, t.id
SKIP $skip LIMIT $limit
