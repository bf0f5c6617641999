MATCH (j:Job {id: $id})
SET j.status = $status, j.phase = $phase, j.done = $done, j.total = $total, j.updatedAt = datetime($now),
    j.finishedAt = CASE WHEN $status IN ['SUCCEEDED', 'FAILED'] THEN datetime($now) ELSE null END,
    j.result = $result, j.error = $error
RETURN j.id AS id
