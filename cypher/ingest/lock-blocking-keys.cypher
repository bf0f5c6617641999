// Serialises resolution per blocking key: two records that could match share a key, so the
// second waits for the first to commit and then sees it. Keys arrive sorted (no deadlock cycles).
UNWIND $keys AS key
MERGE (k:BlockingKey {key: key})
SET k.lockedAt = $now
RETURN count(k) AS locked
