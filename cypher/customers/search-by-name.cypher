// Ranked fuzzy name search; exact filters narrow the hits. $query is built by luceneQueryFor().
// The index is refreshed in the background (migration 0008): wait for committed writes first.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL db.index.fulltext.queryNodes('customer_name_fulltext', $query) YIELD node, score
WHERE node.status = 'ACTIVE'
  AND ($birthDate IS NULL OR node.birthDate = $birthDate)
  AND ALL(key IN $keys WHERE EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_KEY]->(:BlockingKey {key: key}) })
  AND ($identifierSuffix IS NULL OR EXISTS {
    (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_KEY]->(k:BlockingKey)
    WHERE k.key STARTS WITH $identifierPrefix AND k.key ENDS WITH $identifierSuffix })
RETURN node.id AS id, node.displayName AS displayName, node.birthDate AS birthDate, score
ORDER BY score DESC, id
SKIP $skip LIMIT $limit
