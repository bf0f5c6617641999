// Identifiers held by at least $minCustomers active customers (rings), largest first. The record
// count is a cheap first filter (a customer needs a record), then customers are counted.
CALL () {
  MATCH (i:Phone) WHERE 'phone' IN $types RETURN i, 'phone' AS type
  UNION ALL
  MATCH (i:Email) WHERE 'email' IN $types RETURN i, 'email' AS type
  UNION ALL
  MATCH (i:Address) WHERE 'address' IN $types RETURN i, 'address' AS type
  UNION ALL
  MATCH (i:Identifier) WHERE 'identifier' IN $types RETURN i, 'identifier' AS type
  UNION ALL
  MATCH (i:Device) WHERE 'device' IN $types RETURN i, 'device' AS type
}
WITH i, type
WHERE COUNT { (i)<-[:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]-() } >= $minCustomers
CALL (i) {
  MATCH (i)<-[:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]-(:SourceRecord)-[:RESOLVED_TO]->(c:Customer)
  WITH DISTINCT c
  ORDER BY c.id
  RETURN count(c) AS customers, collect({id: c.id, displayName: c.displayName})[..$memberLimit] AS members
}
WITH i, type, customers, members
WHERE customers >= $minCustomers
RETURN type, i.value AS value, customers, members
ORDER BY customers DESC, type, value
SKIP $skip
LIMIT $limit
