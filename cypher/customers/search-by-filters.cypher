// Customers matching exact filters (no name given), in id order.
MATCH (node:Customer {status: 'ACTIVE'})
WHERE ($birthDate IS NULL OR node.birthDate = $birthDate)
  AND ($email IS NULL OR EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_EMAIL]->(:Email {value: $email}) })
  AND ($phone IS NULL OR EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_PHONE]->(:Phone {value: $phone}) })
  AND ($identifier IS NULL OR EXISTS { (node)<-[:RESOLVED_TO]-(:SourceRecord)-[:HAS_IDENTIFIER]->(:Identifier {value: $identifier}) })
RETURN node.id AS id, node.displayName AS displayName, node.birthDate AS birthDate, null AS score
ORDER BY id
SKIP $skip LIMIT $limit
