// Which of these customers match an active entry with one of the topics (a hit not marked as
// a false positive), with their best such hit.
UNWIND $ids AS id
MATCH (c:Customer {id: id})-[m:POSSIBLE_MATCH]->(w:WatchlistEntry {status: 'ACTIVE'})
WHERE m.status <> 'false_positive' AND any(topic IN w.topics WHERE topic IN $topics)
WITH c, m, w ORDER BY m.score DESC
WITH c, collect({hitId: m.id, list: w.list, entryId: w.entryId, topics: w.topics, score: m.score})[0] AS best
RETURN c.id AS customerId, c.displayName AS displayName, best
