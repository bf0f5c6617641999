// What screening reads of each customer: its golden names, birth date and countries.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
USING INDEX SEEK c:Customer(id)
RETURN c.id AS id, c.status AS status, c.displayName AS displayName, c.nameVariants AS nameVariants, c.golden AS golden,
       [(c)<-[:RESOLVED_TO]-(r:SourceRecord) | r.type] AS recordTypes
