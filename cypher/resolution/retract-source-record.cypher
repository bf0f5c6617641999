// Removes a record, its decisions and its review tasks; blocking keys left with no record go too.
MATCH (r:SourceRecord {key: $key})
OPTIONAL MATCH (r)-[:HAS_KEY]->(k:BlockingKey)
OPTIONAL MATCH (t:ReviewTask)-[:ABOUT|CANDIDATE]->(r)
WITH r, collect(DISTINCT k) AS keys, collect(DISTINCT t) AS tasks
FOREACH (t IN tasks | DETACH DELETE t)
DETACH DELETE r
WITH keys
UNWIND keys AS k
WITH k WHERE NOT (k)<-[:HAS_KEY]-()
DELETE k
RETURN count(*) AS removedKeys
