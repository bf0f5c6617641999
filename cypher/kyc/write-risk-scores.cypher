// Stores each customer's risk score and keeps its alert in step: an alert is raised when the
// score reaches the threshold and none is open, cleared when it falls below (or the customer
// is gone), otherwise brought up to date. Setting the score first locks the customer, so two
// writers cannot raise two alerts.
UNWIND $scores AS s
MATCH (c:Customer {id: s.customerId})
USING INDEX SEEK c:Customer(id)
SET c.kycRiskScore = s.score, c.kycRiskFactors = s.factors, c.kycRiskAt = datetime($now)
WITH c, s
OPTIONAL MATCH (a:KycAlert {customerId: c.id, status: 'open'})
WITH c, s, a, s.score >= $threshold AND c.status = 'ACTIVE' AS alerting
CALL (c, s, a, alerting) {
  WITH c, s, a, alerting WHERE alerting AND a IS NULL
  CREATE (n:KycAlert {id: s.alertId, customerId: c.id, status: 'open', raisedAt: datetime($now), updatedAt: datetime($now),
                      score: s.score, threshold: $threshold, factors: s.factors})
  CREATE (n)-[:ALERT_ON]->(c)
  RETURN 'raised' AS change
  UNION
  WITH c, s, a, alerting WHERE a IS NOT NULL AND NOT alerting
  SET a.status = 'cleared', a.clearedAt = datetime($now), a.updatedAt = datetime($now), a.score = s.score, a.factors = s.factors
  RETURN 'cleared' AS change
  UNION
  WITH c, s, a, alerting WHERE a IS NOT NULL AND alerting
  SET a.score = s.score, a.factors = s.factors, a.updatedAt = datetime($now)
  RETURN 'updated' AS change
  UNION
  WITH c, s, a, alerting WHERE a IS NULL AND NOT alerting
  RETURN 'none' AS change
}
WITH c, change
CALL (c) {
  OPTIONAL MATCH (al:KycAlert {customerId: c.id})
  WITH al ORDER BY al.raisedAt DESC
  LIMIT 1
  RETURN CASE WHEN al IS NULL THEN null ELSE al {.id, .status, .score, raisedAt: toString(al.raisedAt), clearedAt: toString(al.clearedAt)} END AS alert
}
RETURN c.id AS customerId, change, alert
