// Rebuild and training: one page of records with what resolution needs, in key order after $after;
// the record as received too when $withPayload (the rebuild normalises it again).
MATCH (r:SourceRecord)
WHERE r.key > $after AND r.contentHash IS NOT NULL
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
RETURN r.key AS key, r.normalised AS normalised, CASE WHEN $withPayload THEN r.payload END AS payload, c.id AS customerId, toString(c.createdAt) AS createdAt,
       CASE WHEN r:Constrained THEN [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key] ELSE [] END AS cannotLink,
       CASE WHEN r:Constrained THEN [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key] ELSE [] END AS mustLink,
       [(r)-[:HAS_KEY]->(k:BlockingKey) | k.key] AS blockingKeys
ORDER BY r.key
LIMIT $limit
