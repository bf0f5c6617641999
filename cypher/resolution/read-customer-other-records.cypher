// The normalised records of a customer other than $left, for entity-centric explanations.
MATCH (:Customer {id: $id})<-[:RESOLVED_TO]-(r:SourceRecord)
WHERE r.key <> $left
RETURN r.normalised AS normalised
ORDER BY r.key
