// The inputs of each customer's KYC profile: golden record, watchlist hits, identifiers shared
// with other customers (hubs above $hubDegree records are generic values, not rings), recent
// transactions, and the risk factors stored last time.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
USING INDEX SEEK c:Customer(id)
CALL (c) {
  OPTIONAL MATCH (c)-[m:POSSIBLE_MATCH]->(w:WatchlistEntry {status: 'ACTIVE'})
  WITH m, w ORDER BY m.score DESC
  RETURN collect(CASE WHEN m IS NULL THEN null ELSE m {.id, .status, .score, .nameScore, .matchedName, .subjectName, .factors, .decidedBy, .note,
    screenedAt: toString(m.screenedAt), decidedAt: toString(m.decidedAt), list: w.list, entryId: w.entryId, entryType: w.type,
    entryNames: w.names, topics: w.topics, entryCountries: w.countries} END) AS hits
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(:SourceRecord)-[h:HAS_EMAIL|HAS_PHONE|HAS_IDENTIFIER|HAS_DEVICE]->(i)
  WITH DISTINCT i, type(h) AS link
  WHERE i IS NOT NULL AND COUNT { (i)<-[:HAS_EMAIL|HAS_PHONE|HAS_IDENTIFIER|HAS_DEVICE]-() } <= $hubDegree
  CALL (c, i) {
    MATCH (i)<-[:HAS_EMAIL|HAS_PHONE|HAS_IDENTIFIER|HAS_DEVICE]-(:SourceRecord)-[:RESOLVED_TO]->(o:Customer)
    WHERE o <> c
    RETURN count(DISTINCT o) AS others
  }
  WITH link, others WHERE others > 0
  RETURN collect({link: link, others: others}) AS shared
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:RESOLVED_TO]-(:SourceRecord)<-[:ABOUT]-(e:Event {kind: 'transaction'})
  WHERE e.occurredAt >= datetime($since)
  WITH e ORDER BY e.occurredAt DESC
  LIMIT 5000
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE {amount: e.amount, occurredAt: toString(e.occurredAt)} END) AS transactions
}
RETURN c.id AS id, c.status AS status, c.displayName AS displayName, c.nameVariants AS nameVariants, c.golden AS golden,
       toString(c.screenedAt) AS screenedAt, [(c)<-[:RESOLVED_TO]-(r:SourceRecord) | r.type] AS recordTypes,
       hits, shared, transactions, c.kycRiskFactors AS previousFactors
