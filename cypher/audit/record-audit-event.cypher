// One audited analyst action: who (API key id and role), what, when, and how many results.
CREATE (a:AuditEvent {id: $id, at: datetime($at), actor: $actor, role: $role, action: $action,
                      target: $target, parameters: $parameters, resultCount: $resultCount})
RETURN a.id AS id
