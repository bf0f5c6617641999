// Customers left without records by a rebuild: a redirect when all went to one customer, else retired.
UNWIND $retire AS x
MATCH (c:Customer {id: x.customerId})
SET c.status = CASE WHEN x.mergedInto IS NULL THEN 'RETIRED' ELSE 'MERGED' END, c.mergedInto = x.mergedInto,
    c.updatedAt = datetime($now), c.recordCount = 0
WITH c, x WHERE x.mergedInto IS NOT NULL
MATCH (s:Customer {id: x.mergedInto})
CREATE (c)-[:MERGED_INTO {at: datetime($now), by: $by, reason: 'rebuild'}]->(s)
RETURN count(c) AS retired
