// Benchmarks only: puts records already stored by lock-and-read-batch on their true customer
// (no matching), so a million-customer graph in the shape ingest writes is built in minutes.
UNWIND $links AS link
MERGE (c:Customer {id: link.customerId})
ON CREATE SET c.status = 'ACTIVE', c.createdAt = datetime($now), c.updatedAt = datetime($now)
WITH c, link
MATCH (r:SourceRecord {key: link.recordKey})
MERGE (r)-[:RESOLVED_TO {score: 1.0, rule: 'benchmark ground truth', decidedAt: datetime($now), decidedBy: 'bench'}]->(c)
RETURN count(r) AS linked
