// Active customers never screened (loaded while no list was active): a list change screens them in full.
MATCH (c:Customer {status: 'ACTIVE'})
WHERE c.screenedAt IS NULL
RETURN c.id AS id
LIMIT $limit
