// Loads watchlist entries: a new one is created, a changed one (another content hash, or one
// withdrawn before) is updated, an unchanged one is only stamped with this load.
UNWIND $entries AS e
MERGE (w:WatchlistEntry {key: e.key})
ON CREATE SET w.createdAt = datetime($now), w.list = e.list, w.entryId = e.entryId
WITH w, e,
     CASE WHEN w.contentHash IS NULL THEN 'created'
          WHEN w.contentHash <> e.contentHash OR w.status <> 'ACTIVE' THEN 'updated'
          ELSE 'unchanged' END AS outcome
SET w.loadId = $loadId, w.seenAt = datetime($now)
WITH w, e, outcome
CALL (w, e, outcome) {
  WITH w, e, outcome WHERE outcome <> 'unchanged'
  SET w.type = e.type, w.names = e.names, w.aliases = e.aliases, w.birthDates = e.birthDates, w.countries = e.countries,
      w.identifiers = e.identifiers, w.topics = e.topics, w.contentHash = e.contentHash, w.screeningKeys = e.screeningKeys,
      w.status = 'ACTIVE', w.updatedAt = datetime($now), w.withdrawnAt = null
}
RETURN e.key AS key, outcome
