// Reads what a profile reads, for every customer: the pages of the customer, record and event
// stores (properties and strings included) come into the page cache, as they would on a
// service that has been answering for a while.
MATCH (c:Customer)
CALL (c) {
  OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
  OPTIONAL MATCH (r)<-[:ABOUT]-(e:Event)
  RETURN count(r) + count(e) + sum(size(coalesce(r.key, ''))) + sum(size(coalesce(e.kind, ''))) + sum(coalesce(e.amount, 0.0)) AS touched
}
RETURN count(c) AS customers, sum(size(coalesce(c.golden, '')) + size(coalesce(c.displayName, '')) + touched) AS touched
