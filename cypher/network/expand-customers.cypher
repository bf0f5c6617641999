// One hop out from a set of customers, through their source records: disclosed relationships,
// referrals, and identifiers they share with others. Each identifier and each record contributes
// at most $fanOut neighbours, and identifiers on more than $hubDegree records are not crossed,
// so a hub (a call-centre phone on thousands of records) cannot blow the answer up.
UNWIND $customerIds AS customerId
MATCH (c:Customer {id: customerId})<-[:RESOLVED_TO]-(r:SourceRecord)
CALL (c, r) {
  MATCH (r)-[e:RELATED_TO|REFERRED_BY]-(o:SourceRecord)-[:RESOLVED_TO]->(n:Customer)
  WHERE n <> c
    AND ((type(e) = 'RELATED_TO' AND ($relationshipTypes IS NULL OR e.type IN $relationshipTypes))
      OR (type(e) = 'REFERRED_BY' AND $referrals))
    AND ($direction = 'both' OR ($direction = 'out') = (startNode(e) = r))
  RETURN n, type(e) AS link, e.type AS relationshipType, startNode(e) = r AS outgoing,
         properties(e) AS properties, null AS viaLabel, null AS viaValue, 0 AS viaRecords
  LIMIT $fanOut
  UNION ALL
  MATCH (r)-[h:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]->(i)
  WHERE type(h) IN $identifierLinks
  WITH c, i, type(h) AS link, COUNT { (i)<-[:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]-() } AS viaRecords
  WHERE viaRecords > 1 AND viaRecords <= $hubDegree
  CALL (c, i) {
    MATCH (i)<-[:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE]-(:SourceRecord)-[:RESOLVED_TO]->(n:Customer)
    WHERE n <> c
    RETURN DISTINCT n
    LIMIT $fanOut
  }
  RETURN n, link, null AS relationshipType, true AS outgoing, {} AS properties,
         labels(i)[0] AS viaLabel, i.value AS viaValue, viaRecords
}
RETURN c.id AS fromId, c.displayName AS fromName, n.id AS toId, n.displayName AS toName, link, relationshipType, outgoing, properties,
       viaLabel, viaValue, viaRecords
LIMIT $limit
