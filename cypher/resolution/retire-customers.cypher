// Customers left without records (by the rebuild, or by ingest re-resolving the customers it
// locked): a redirect when all their records went to one customer, else retired.
UNWIND $retire AS x
MATCH (c:Customer {id: x.customerId})
SET c.status = CASE WHEN x.mergedInto IS NULL THEN 'RETIRED' ELSE 'MERGED' END, c.mergedInto = x.mergedInto,
    c.updatedAt = datetime($now), c.recordCount = 0, c.displayName = null, c.nameVariants = null
WITH c, x WHERE x.mergedInto IS NOT NULL
MATCH (s:Customer {id: x.mergedInto})
CREATE (c)-[:MERGED_INTO {at: datetime($now), by: x.by, reason: x.reason}]->(s)
RETURN count(c) AS retired
