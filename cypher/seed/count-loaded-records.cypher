// How much of a dataset is in the graph: which of its record keys exist, their customers and the open reviews about them.
UNWIND $keys AS key
MATCH (r:SourceRecord {key: key})
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
OPTIONAL MATCH (t:ReviewTask {status: 'OPEN'})-[:ABOUT]->(r)
RETURN count(DISTINCT r) AS records, count(DISTINCT c) AS customers, count(DISTINCT t) AS openReviews
