// The audit trail, newest first, filtered by action, actor, target and time.
MATCH (a:AuditEvent)
WHERE ($action IS NULL OR a.action = $action)
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($target IS NULL OR a.target = $target)
  AND ($from IS NULL OR a.at >= datetime($from))
  AND ($to IS NULL OR a.at < datetime($to))
RETURN a.id AS id, toString(a.at) AS at, a.actor AS actor, a.role AS role, a.action AS action, a.target AS target,
       a.parameters AS parameters, a.resultCount AS resultCount
ORDER BY a.at DESC, a.id
SKIP $skip
LIMIT $limit
