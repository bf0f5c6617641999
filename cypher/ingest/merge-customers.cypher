// Absorbed customers become redirects to the survivor; their records move with their decisions.
UNWIND $merges AS m
MATCH (survivor:Customer {id: m.survivor}), (absorbed:Customer {id: m.absorbed})
SET absorbed.status = 'MERGED', absorbed.mergedInto = survivor.id, absorbed.updatedAt = datetime($now),
    absorbed.displayName = null, absorbed.nameVariants = null
CREATE (absorbed)-[:MERGED_INTO {at: datetime($now), by: m.by, reason: m.reason}]->(survivor)
WITH survivor, absorbed
OPTIONAL MATCH (previous:Customer)-[:MERGED_INTO]->(absorbed)
SET previous.mergedInto = survivor.id
WITH DISTINCT survivor, absorbed
MATCH (r:SourceRecord)-[old:RESOLVED_TO]->(absorbed)
CREATE (r)-[moved:RESOLVED_TO]->(survivor)
SET moved = properties(old)
DELETE old
RETURN count(moved) AS moved
