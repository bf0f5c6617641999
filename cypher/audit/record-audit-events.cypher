// Audited analyst actions, written in batches: who (API key id and role), what, when, how many results.
UNWIND $events AS ev
CREATE (a:AuditEvent {id: ev.id, at: datetime(ev.at), actor: ev.actor, role: ev.role, action: ev.action,
                      target: ev.target, parameters: ev.parameters, resultCount: ev.resultCount})
RETURN count(a) AS written
