// Analyst decisions (cannot-link / must-link) on the incoming records themselves.
UNWIND $recordKeys AS key
MATCH (r:SourceRecord {key: key})
USING INDEX SEEK r:SourceRecord(key)
RETURN r.key AS key,
       [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key] AS cannotLink,
       [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key] AS mustLink
