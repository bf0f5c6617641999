// The customer's current address (that of its most recently observed record with one) and every
// other active customer whose current address it is too, with the normalised records the
// household rule reads (surnames, phones, emails).
MATCH (c:Customer {id: $id})<-[:RESOLVED_TO]-(r:SourceRecord)-[:HAS_ADDRESS]->(a:Address)
WITH c, a, max(r.observedAt) AS seen
ORDER BY seen DESC, a.value
LIMIT 1
CALL (a) {
  MATCH (a)<-[:HAS_ADDRESS]-(:SourceRecord)-[:RESOLVED_TO]->(n:Customer {status: 'ACTIVE'})
  WITH DISTINCT n
  LIMIT $maxResidents
  CALL (n) {
    MATCH (n)<-[:RESOLVED_TO]-(x:SourceRecord)-[:HAS_ADDRESS]->(b:Address)
    WITH b, max(x.observedAt) AS seen
    ORDER BY seen DESC, b.value
    LIMIT 1
    RETURN b AS current
  }
  WITH n WHERE current = a
  CALL (n) {
    MATCH (n)<-[:RESOLVED_TO]-(x:SourceRecord)
    RETURN collect(x.normalised)[..20] AS normalised
  }
  RETURN collect({id: n.id, displayName: n.displayName, normalised: normalised}) AS residents
}
RETURN a.value AS address, a.postcode AS postcode, a.number AS number, a.street AS street, a.locality AS locality,
       a.country AS country, residents
