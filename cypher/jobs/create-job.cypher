CREATE (j:Job {id: $id, kind: $kind, status: 'RUNNING', phase: 'starting', done: 0, total: 0, startedAt: datetime($now), requestedBy: $by})
RETURN j.id AS id
