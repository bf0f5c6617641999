// Locks each record of a batch (keys sorted) and reads what is known of it, with the analyst
// decisions (cannot-link / must-link) on it. A key not seen before is created empty here (the
// caller refuses it: it has no content).
UNWIND $recordKeys AS key
MERGE (r:SourceRecord {key: key})
SET r.locked = true
WITH r
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
RETURN r.key AS key, r.contentHash AS contentHash, c.id AS customerId,
       CASE WHEN r:Constrained THEN [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key] ELSE [] END AS cannotLink,
       CASE WHEN r:Constrained THEN [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key] ELSE [] END AS mustLink
