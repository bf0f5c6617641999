MATCH (j:Job {id: $id})
RETURN j.id AS id, j.kind AS kind, j.status AS status, j.phase AS phase, j.done AS done, j.total AS total,
       toString(j.startedAt) AS startedAt, toString(j.finishedAt) AS finishedAt, j.result AS result, j.error AS error
