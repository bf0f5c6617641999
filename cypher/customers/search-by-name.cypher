// Ranked fuzzy name search; exact filters narrow the hits. $query is built by luceneQueryFor().
CALL db.index.fulltext.queryNodes('customer_name_fulltext', $query) YIELD node, score
WHERE node.status = 'ACTIVE'
  AND ($birthDate IS NULL OR node.birthDate = $birthDate)
  AND ($email IS NULL OR EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_EMAIL]->(:Email {value: $email}) })
  AND ($phone IS NULL OR EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_PHONE]->(:Phone {value: $phone}) })
  AND ($identifier IS NULL OR EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_IDENTIFIER]->(:Identifier {value: $identifier}) })
RETURN node.id AS id, node.displayName AS displayName, node.birthDate AS birthDate, score
ORDER BY score DESC, id
SKIP $skip LIMIT $limit
