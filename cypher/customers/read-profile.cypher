// A customer for its 360 profile: golden record, source records, events (newest first, capped)
// and how many customers it is tied to. A merged id answers its survivor's id only.
MATCH (c:Customer {id: $id})
USING INDEX SEEK c:Customer(id)
CALL (c) {
  OPTIONAL MATCH (c)-[:MERGED_INTO*1..20]->(s:Customer {status: 'ACTIVE'})
  RETURN s.id AS survivorId
  LIMIT 1
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
  WITH r ORDER BY r.key
  RETURN collect(r {recordKey: r.key, .system, .sourceId, observedAt: toString(r.observedAt)}) AS records
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(:SourceRecord)<-[:ABOUT]-(e:Event)
  WITH e ORDER BY e.occurredAt DESC
  LIMIT $maxEvents
  RETURN collect(e {.kind, .system, occurredAt: toString(e.occurredAt), .amount, .currency, .channel, .direction, .product,
                    .action, .accountId, .satisfaction, .category, .severity, .resolved, .campaign, .response, .points,
                    .platform, .sentiment, .mentions}) AS events
}
RETURN c.id AS id, c.status AS status, c.displayName AS displayName, c.golden AS golden,
       toString(c.createdAt) AS createdAt, toString(c.updatedAt) AS updatedAt, survivorId, records, events,
       COUNT { (c)<-[:RESOLVED_TO]-(:SourceRecord)-[:RELATED_TO]-(:SourceRecord)-[:RESOLVED_TO]->(o:Customer) WHERE o <> c } AS relationships,
       COUNT { (c)<-[:RESOLVED_TO]-(:SourceRecord)<-[:REFERRED_BY]-(:SourceRecord)-[:RESOLVED_TO]->(o:Customer) WHERE o <> c } AS referralsMade,
       COUNT { (c)<-[:RESOLVED_TO]-(:SourceRecord)-[:REFERRED_BY]->(:SourceRecord)-[:RESOLVED_TO]->(o:Customer) WHERE o <> c } AS referredBy
