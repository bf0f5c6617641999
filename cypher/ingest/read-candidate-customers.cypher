// Customers holding a record that shares a non-generic blocking key with the batch.
// A key with more records than $genericCutoff is generic and yields no candidates.
UNWIND $keys AS key
MATCH (k:BlockingKey {key: key})
USING INDEX SEEK k:BlockingKey(key)
WHERE COUNT { (k)<-[:HAS_KEY]-() } <= $genericCutoff
MATCH (k)<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
WITH DISTINCT c LIMIT $maxCandidates
RETURN c.id AS customerId
