// Benchmarks only: a page of customers (id order) with what survivorship reads of their records.
MATCH (c:Customer)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $limit
MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
RETURN c.id AS customerId, collect({payload: r.payload, normalised: r.normalised, trust: r.trust, observedAt: toString(r.observedAt)}) AS records
ORDER BY customerId
