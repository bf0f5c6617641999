// An analyst's decision on a hit. A false positive remembers the customer and entry as they
// were, so a later change of either reopens it.
MATCH (c:Customer)-[m:POSSIBLE_MATCH {id: $id}]->(w:WatchlistEntry)
SET m.status = $decision, m.decidedBy = $by, m.decidedAt = datetime($now), m.note = $note,
    m.decidedSubjectHash = c.screeningHash, m.decidedEntryHash = w.contentHash
RETURN c.id AS customerId, m.id AS id, m.status AS status, w.list AS list, w.entryId AS entryId
