// Every active customer matching an active entry with one of the topics (not a false positive).
MATCH (c:Customer {status: 'ACTIVE'})-[m:POSSIBLE_MATCH]->(w:WatchlistEntry {status: 'ACTIVE'})
WHERE m.status <> 'false_positive' AND any(topic IN w.topics WHERE topic IN $topics)
WITH c, m, w ORDER BY m.score DESC
WITH c, collect({hitId: m.id, list: w.list, entryId: w.entryId, topics: w.topics, score: m.score})[0] AS best
RETURN c.id AS customerId, c.displayName AS displayName, best
ORDER BY customerId
LIMIT $limit
