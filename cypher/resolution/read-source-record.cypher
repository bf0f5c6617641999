// A record as received, its normalised form, where it resolved and the decision that put it there.
MATCH (r:SourceRecord {key: $key})
WHERE r.contentHash IS NOT NULL
OPTIONAL MATCH (r)-[d:RESOLVED_TO]->(c:Customer)
RETURN r.key AS recordKey, r.system AS system, r.sourceId AS sourceId, r.payload AS payload, r.normalised AS normalised,
       toString(r.observedAt) AS observedAt, toString(r.ingestedAt) AS ingestedAt, r.trust AS trust,
       c.id AS customerId, d.score AS score, d.rule AS rule, toString(d.decidedAt) AS decidedAt, d.decidedBy AS decidedBy,
       d.explanation AS explanation
