// Entries by key, as screening scores them.
UNWIND $keys AS key
MATCH (w:WatchlistEntry {key: key})
WHERE w.status = 'ACTIVE'
RETURN w.key AS key, w.list AS list, w.entryId AS entryId, w.type AS type, w.names AS names, w.aliases AS aliases,
       w.birthDates AS birthDates, w.countries AS countries, w.topics AS topics, w.identifiers AS identifiers,
       w.contentHash AS contentHash, w.screeningKeys AS screeningKeys
