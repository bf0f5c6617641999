// Withdraws entries by key (sent with removed: true): they leave the screening index and their
// hits are removed; answers the customers whose hits went, so their risk is recomputed.
UNWIND $keys AS key
MATCH (w:WatchlistEntry {key: key})
WHERE w.status = 'ACTIVE'
SET w.status = 'WITHDRAWN', w.withdrawnAt = datetime($now), w.updatedAt = datetime($now), w.screeningKeys = null
WITH w
CALL (w) {
  OPTIONAL MATCH (c:Customer)-[m:POSSIBLE_MATCH]->(w)
  DELETE m
  RETURN collect(DISTINCT c.id) AS customers
}
RETURN w.key AS key, customers
