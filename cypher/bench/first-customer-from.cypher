// Benchmarks only: the first customer id at or after a point of the id range (an index seek), to sample customers.
MATCH (c:Customer)
WHERE c.id >= $from
RETURN c.id AS id
ORDER BY c.id
LIMIT 1
