// Analyst decisions kept as constraints between records: must-link or cannot-link pairs.
UNWIND $pairs AS pair
MATCH (a:SourceRecord {key: pair[0]}), (b:SourceRecord {key: pair[1]})
// The label tells the statements reading records that this one has decisions to read (see schema 0010).
SET a:Constrained, b:Constrained
FOREACH (_ IN CASE WHEN $kind = 'MUST_LINK' THEN [1] ELSE [] END |
  MERGE (a)-[m:MUST_LINK]-(b) ON CREATE SET m.at = datetime($now), m.by = $by)
FOREACH (_ IN CASE WHEN $kind = 'CANNOT_LINK' THEN [1] ELSE [] END |
  MERGE (a)-[n:CANNOT_LINK]-(b) ON CREATE SET n.at = datetime($now), n.by = $by)
RETURN count(*) AS added
