// Serialises resolution per blocking key: two records that could match share a key, so the
// second waits for the first to commit and then sees it. Keys arrive sorted (no deadlock cycles).
// Once every key is locked, reads the first candidates in the same round trip (as
// read-candidate-customers does): customers holding a record with a non-generic key.
UNWIND $keys AS key
MERGE (k:BlockingKey {key: key})
SET k.lockedAt = $now
WITH collect(k) AS locked
UNWIND locked AS k
WITH k WHERE COUNT { (k)<-[:HAS_KEY]-() } <= $genericCutoff
MATCH (k)<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
WITH DISTINCT c LIMIT $maxCandidates
RETURN c.id AS customerId
