// Benchmarks only: the received form and trust of records stored without them, for survivorship.
UNWIND $rows AS row
MATCH (r:SourceRecord {key: row.key})
SET r.payload = row.payload, r.trust = row.trust
RETURN count(r) AS updated
