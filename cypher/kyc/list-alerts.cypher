// KYC alerts, newest first.
MATCH (a:KycAlert)
WHERE $status IS NULL OR a.status = $status
WITH a ORDER BY a.raisedAt DESC, a.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (c:Customer {id: a.customerId})
RETURN a.id AS id, a.customerId AS customerId, c.displayName AS displayName, a.status AS status, a.score AS score,
       a.threshold AS threshold, a.factors AS factors, toString(a.raisedAt) AS raisedAt, toString(a.clearedAt) AS clearedAt,
       toString(a.updatedAt) AS updatedAt
