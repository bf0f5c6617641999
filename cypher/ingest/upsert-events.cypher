// Stores events by system:eventId (sending one again updates it, never doubles it) and ties each
// to its source record; a record not seen yet is kept as a stub until it arrives.
UNWIND $events AS ev
MERGE (e:Event {key: ev.key})
WITH e, ev, e.contentHash AS previousHash
SET e.system = ev.system, e.eventId = ev.eventId, e.sourceId = ev.sourceId, e.kind = ev.kind,
    e.occurredAt = datetime(ev.occurredAt), e.contentHash = ev.contentHash, e.details = ev.details,
    e.amount = ev.amount, e.currency = ev.currency, e.channel = ev.channel, e.direction = ev.direction,
    e.product = ev.product, e.action = ev.action, e.accountId = ev.accountId, e.satisfaction = ev.satisfaction,
    e.category = ev.category, e.severity = ev.severity, e.resolved = ev.resolved, e.campaign = ev.campaign,
    e.response = ev.response, e.points = ev.points, e.platform = ev.platform, e.sentiment = ev.sentiment,
    e.mentions = ev.mentions, e.receivedAt = coalesce(e.receivedAt, datetime($now))
WITH e, ev, previousHash
MERGE (r:SourceRecord {key: ev.recordKey})
ON CREATE SET r.system = ev.system, r.sourceId = ev.sourceId, r.stub = true, r.locked = true
WITH e, ev, previousHash, r
CALL (e, r) {
  OPTIONAL MATCH (e)-[old:ABOUT]->(other:SourceRecord)
  WHERE other <> r
  DELETE old
}
MERGE (e)-[:ABOUT]->(r)
WITH e, ev, previousHash, r
OPTIONAL MATCH (r)-[:RESOLVED_TO]->(c:Customer)
RETURN ev.index AS index, e.key AS eventKey, c.id AS customerId,
       CASE WHEN previousHash IS NULL THEN 'created' WHEN previousHash = ev.contentHash THEN 'unchanged' ELSE 'updated' END AS outcome
