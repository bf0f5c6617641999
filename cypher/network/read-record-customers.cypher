// Records by key (stubs excluded) and the customer each is on.
UNWIND $keys AS key
MATCH (r:SourceRecord {key: key})
WHERE r.contentHash IS NOT NULL
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
RETURN r.key AS recordKey, c.id AS customerId
