// Name and kind (person or organization, from its records) of each customer.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
RETURN c.id AS id, c.displayName AS displayName, c.status AS status, [(c)<-[:RESOLVED_TO]-(r:SourceRecord) | r.type] AS recordTypes
