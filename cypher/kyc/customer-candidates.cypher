// The reverse direction, for entries that are new or changed: active customers sharing
// screening keys with each entry.
// The index is refreshed in the background (migration 0008): wait for committed writes first.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
UNWIND $entries AS e
CALL (e) {
  CALL db.index.fulltext.queryNodes('customer_screening_keys', e.query, {limit: $limit}) YIELD node
  WHERE node.status = 'ACTIVE'
  RETURN collect(node.id) AS customerIds
}
RETURN e.key AS key, customerIds
