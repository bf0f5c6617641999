// The record that carries an analyst's edge for a customer: its oldest record, so the edge moves
// with it through merges and splits.
UNWIND $customerIds AS customerId
MATCH (c:Customer {id: customerId, status: 'ACTIVE'})<-[:RESOLVED_TO]-(r:SourceRecord)
WITH c, r ORDER BY r.ingestedAt, r.key
WITH c, collect(r)[0] AS anchor
RETURN c.id AS customerId, anchor.key AS recordKey
