MATCH (t:ReviewTask {id: $id})
RETURN t.id AS id, t.status AS status
