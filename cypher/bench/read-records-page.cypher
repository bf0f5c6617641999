// Benchmarks only: a page of stored records (stubs excluded) in key order after $after.
MATCH (r:SourceRecord)
WHERE r.key > $after AND r.contentHash IS NOT NULL
RETURN r.key AS key, r.system AS system, r.sourceId AS sourceId
ORDER BY r.key
LIMIT $limit
