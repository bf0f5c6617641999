// Golden attributes (survivorship) of each touched customer; empty customers are retired.
UNWIND $golden AS g
MATCH (c:Customer {id: g.customerId})
USING INDEX SEEK c:Customer(id)
SET c.displayName = g.displayName, c.nameVariants = g.nameVariants, c.birthDate = g.birthDate,
    c.golden = g.golden, c.recordCount = g.recordCount, c.updatedAt = datetime($now),
    c.status = CASE WHEN g.recordCount = 0 AND c.status = 'ACTIVE' THEN 'RETIRED' ELSE c.status END
RETURN count(c) AS updated
