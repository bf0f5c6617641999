// One page of the crosswalk, in record-key order after $after (keyset pagination).
MATCH (r:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
WHERE ($system IS NULL OR r.system = $system) AND r.key > $after
RETURN r.key AS key, r.system AS system, r.sourceId AS sourceId, c.id AS customerId
ORDER BY r.key
LIMIT $limit
