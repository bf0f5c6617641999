// Stores one screening per customer: its keys (for the reverse search when a list changes) and
// its hits. Hits on screened entries that no longer match are removed. A hit marked as a false
// positive stays so until the customer or the entry changes after the decision.
UNWIND $results AS res
MATCH (c:Customer {id: res.customerId})
USING INDEX SEEK c:Customer(id)
WITH c, res, COUNT { (c)-[:POSSIBLE_MATCH]->() } AS before
SET c.screeningKeys = res.screeningKeys, c.screeningHash = res.screeningHash, c.screenedAt = datetime($now)
WITH c, res, before
CALL (c, res) {
  OPTIONAL MATCH (c)-[old:POSSIBLE_MATCH]->(w:WatchlistEntry)
  WHERE (res.entryScope IS NULL OR w.key IN res.entryScope) AND NOT w.key IN [h IN res.hits | h.entryKey]
  DELETE old
}
CALL (c, res) {
  UNWIND res.hits AS h
  MATCH (w:WatchlistEntry {key: h.entryKey})
  MERGE (c)-[m:POSSIBLE_MATCH]->(w)
  ON CREATE SET m.id = h.id, m.status = 'open', m.firstSeenAt = datetime($now)
  WITH m, h, w, m.status = 'false_positive' AND (m.decidedSubjectHash <> res.screeningHash OR m.decidedEntryHash <> w.contentHash) AS reopen
  SET m.score = h.score, m.nameScore = h.nameScore, m.matchedName = h.matchedName, m.subjectName = h.subjectName,
      m.factors = h.factors, m.screenedAt = datetime($now),
      m.status = CASE WHEN reopen THEN 'open' ELSE m.status END,
      m.reopenedAt = CASE WHEN reopen THEN datetime($now) ELSE m.reopenedAt END
  RETURN count(m) AS hits
}
RETURN c.id AS customerId, hits, before
