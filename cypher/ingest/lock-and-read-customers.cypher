// Locks the candidate customers (ids sorted) and reads every record of each, with the analyst
// constraints touching them: entity-centric scoring compares a record with all of them.
//   $customerIds    the customers
//   $genericCutoff  for resolution: each record's blocking keys held by more records than this
//                   (`generic`: they bring no candidates, in the engine either); null for none
UNWIND $customerIds AS id
MATCH (c:Customer {id: id})
USING INDEX SEEK c:Customer(id)
SET c.locked = true
WITH c
OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
WITH c, r
ORDER BY r.key
RETURN c.id AS customerId, c.status AS status, c.mergedInto AS mergedInto, toString(c.createdAt) AS createdAt,
       [x IN collect(CASE WHEN r IS NULL THEN null ELSE {
          key: r.key, normalised: r.normalised, payload: r.payload,
          observedAt: toString(r.observedAt), trust: r.trust,
          generic: CASE WHEN $genericCutoff IS NULL THEN [] ELSE [(r)-[:HAS_KEY]->(k:BlockingKey) WHERE COUNT { (k)<-[:HAS_KEY]-() } > $genericCutoff | k.key] END,
          cannotLink: CASE WHEN r:Constrained THEN [(r)-[:CANNOT_LINK]-(o:SourceRecord) | o.key] ELSE [] END,
          mustLink: CASE WHEN r:Constrained THEN [(r)-[:MUST_LINK]-(o:SourceRecord) | o.key] ELSE [] END
        } END) WHERE x IS NOT NULL] AS records
