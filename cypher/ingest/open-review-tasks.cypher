// A possible match awaiting an analyst: the record (already on its own customer) and its best candidate.
UNWIND $reviews AS t
MATCH (r:SourceRecord {key: t.recordKey}), (o:SourceRecord {key: t.candidateRecordKey})
CREATE (task:ReviewTask {id: t.id, status: 'OPEN', score: t.score, explanation: t.explanation, createdAt: datetime($now)})
CREATE (task)-[:ABOUT]->(r), (task)-[:CANDIDATE]->(o)
RETURN count(task) AS opened
