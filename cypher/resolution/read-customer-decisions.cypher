// Why each record belongs to the customer: the stored decision of every RESOLVED_TO.
MATCH (c:Customer {id: $customerId})
OPTIONAL MATCH (c)<-[d:RESOLVED_TO]-(r:SourceRecord)
WITH c, r, d ORDER BY r.key
RETURN c.id AS customerId, c.status AS status, c.mergedInto AS mergedInto,
       [x IN collect(CASE WHEN r IS NULL THEN null ELSE {recordKey: r.key, score: d.score, rule: d.rule,
         decidedAt: toString(d.decidedAt), decidedBy: d.decidedBy, explanation: d.explanation} END) WHERE x IS NOT NULL] AS decisions
