MATCH (r:SourceRecord {key: $key})
WHERE r.contentHash IS NOT NULL
RETURN r.normalised AS normalised
