// Customers matching exact filters (no name given), in id order. Email and phone match through
// the records' blocking keys ($keys, built by the engine), an identifier by its value in any type
// or country. With a key, the search starts from that key's node instead of every customer.
CALL () {
  UNWIND $keys[0..1] AS key
  MATCH (:BlockingKey {key: key})<-[:HAS_KEY]-(:SourceRecord)-[:RESOLVED_TO]->(node:Customer {status: 'ACTIVE'})
  RETURN DISTINCT node
  UNION
  MATCH (node:Customer {status: 'ACTIVE'})
  WHERE size($keys) = 0
  RETURN node
}
WITH node
WHERE ($birthDate IS NULL OR node.birthDate = $birthDate)
  AND ALL(key IN $keys WHERE EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_KEY]->(:BlockingKey {key: key}) })
  AND ($identifierSuffix IS NULL OR EXISTS {
    (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_KEY]->(k:BlockingKey)
    WHERE k.key STARTS WITH $identifierPrefix AND k.key ENDS WITH $identifierSuffix })
RETURN node.id AS id, node.displayName AS displayName, node.birthDate AS birthDate, null AS score
ORDER BY id
SKIP $skip LIMIT $limit
