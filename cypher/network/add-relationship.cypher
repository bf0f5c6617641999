// An edge added through the API between two records, with its provenance; sending it again
// updates it rather than adding a second one.
MATCH (a:SourceRecord {key: $fromKey}), (b:SourceRecord {key: $toKey})
WHERE a.contentHash IS NOT NULL AND b.contentHash IS NOT NULL
CALL (a, b) {
  WITH a, b WHERE $type <> 'REFERRED_BY'
  MERGE (a)-[e:RELATED_TO {type: $type, origin: 'api'}]->(b)
  SET e.ownershipPct = $ownershipPct, e.since = $since, e.source = $source, e.assertedBy = $assertedBy, e.at = datetime($now)
  RETURN e
  UNION
  WITH a, b WHERE $type = 'REFERRED_BY'
  MERGE (a)-[e:REFERRED_BY {origin: 'api'}]->(b)
  SET e.source = $source, e.assertedBy = $assertedBy, e.at = datetime($now)
  RETURN e
}
RETURN count(e) AS stored
