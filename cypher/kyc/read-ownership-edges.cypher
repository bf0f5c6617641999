// Who owns these customers: OWNS edges between their records, lifted to customers. Two records
// of one customer reporting the same holding give one edge with the largest share reported.
UNWIND $ids AS id
MATCH (owned:Customer {id: id})<-[:RESOLVED_TO]-(:SourceRecord)<-[e:RELATED_TO {type: 'OWNS'}]-(:SourceRecord)-[:RESOLVED_TO]->(owner:Customer)
WHERE owner <> owned
WITH owner, owned, max(coalesce(e.ownershipPct, 0.0)) AS pct
RETURN owner.id AS owner, owner.displayName AS ownerName, owned.id AS owned, pct
LIMIT $limit
