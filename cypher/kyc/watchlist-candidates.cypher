// Screening candidates for one or more subjects: the active entries sharing the most (and the
// rarest) screening keys with each subject, through the full-text index on the keys.
UNWIND $subjects AS s
CALL (s) {
  CALL db.index.fulltext.queryNodes('watchlist_screening_keys', s.query, {limit: $limit}) YIELD node
  WHERE node.status = 'ACTIVE' AND ($lists IS NULL OR node.list IN $lists)
  RETURN node
}
RETURN s.id AS subjectId, node.key AS key, node.list AS list, node.entryId AS entryId, node.type AS type, node.names AS names,
       node.aliases AS aliases, node.birthDates AS birthDates, node.countries AS countries, node.topics AS topics,
       node.identifiers AS identifiers, node.contentHash AS contentHash
