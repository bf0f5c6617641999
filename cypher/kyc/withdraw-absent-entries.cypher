// After a full reload: every active entry of the list that the load did not carry is withdrawn.
MATCH (w:WatchlistEntry {list: $list, status: 'ACTIVE'})
WHERE w.loadId <> $loadId
SET w.status = 'WITHDRAWN', w.withdrawnAt = datetime($now), w.updatedAt = datetime($now), w.screeningKeys = null
WITH w
CALL (w) {
  OPTIONAL MATCH (c:Customer)-[m:POSSIBLE_MATCH]->(w)
  DELETE m
  RETURN collect(DISTINCT c.id) AS customers
}
RETURN w.key AS key, customers
