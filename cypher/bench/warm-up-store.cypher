// Reads what profiles and network queries read, for every customer: customer, record and event
// pages, the records' identifier and relationship links, and the identifiers' degrees come into
// the page cache, as they would on a service that has been answering for a while.
MATCH (c:Customer)
CALL (c) {
  OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(r:SourceRecord)
  CALL (r) {
    OPTIONAL MATCH (r)<-[:ABOUT]-(e:Event)
    RETURN count(e) + sum(size(coalesce(e.kind, ''))) + sum(coalesce(e.amount, 0.0)) AS events
  }
  CALL (r) {
    OPTIONAL MATCH (r)-[:HAS_EMAIL|HAS_PHONE|HAS_ADDRESS|HAS_IDENTIFIER|HAS_DEVICE|RELATED_TO|REFERRED_BY]-(n)
    RETURN count(n) + sum(COUNT { (n)--() }) AS links
  }
  RETURN count(r) + sum(size(coalesce(r.key, ''))) + sum(events) + sum(links) AS touched
}
RETURN count(c) AS customers, sum(size(coalesce(c.golden, '')) + size(coalesce(c.displayName, '')) + touched) AS touched
