// Benchmarks only: stores records already resolved by their ground truth (no matching), in the
// shape ingest writes, so a million-customer graph is built in minutes rather than hours.
UNWIND $records AS rec
MERGE (c:Customer {id: rec.customerId})
ON CREATE SET c.status = 'ACTIVE', c.displayName = rec.displayName, c.createdAt = datetime($now)
MERGE (r:SourceRecord {key: rec.key})
SET r.system = rec.system, r.sourceId = rec.sourceId, r.type = rec.type, r.contentHash = rec.contentHash,
    r.normalised = rec.normalised, r.observedAt = datetime(rec.observedAt), r.ingestedAt = datetime($now)
REMOVE r.stub
MERGE (r)-[:RESOLVED_TO]->(c)
RETURN count(r) AS stored
