// The records of a batch that are already known: their content hash and current customer.
UNWIND $recordKeys AS key
MATCH (r:SourceRecord {key: key})
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
RETURN r.key AS key, r.contentHash AS contentHash, c.id AS customerId
