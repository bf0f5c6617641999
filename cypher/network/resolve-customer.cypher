// A customer id as asked for, and the active customer it stands for now (a merged id leads to its survivor).
MATCH (c:Customer {id: $id})
OPTIONAL MATCH (c)-[:MERGED_INTO*1..20]->(s:Customer {status: 'ACTIVE'})
RETURN c.id AS id, c.status AS status, CASE WHEN c.status = 'ACTIVE' THEN c.id ELSE s.id END AS activeId,
       CASE WHEN c.status = 'ACTIVE' THEN c.displayName ELSE s.displayName END AS displayName
LIMIT 1
