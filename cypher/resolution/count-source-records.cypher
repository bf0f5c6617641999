// Source records with content (stubs named by other records do not count): what training would read.
MATCH (r:SourceRecord)
WHERE r.contentHash IS NOT NULL
RETURN count(r) AS records
