// Customers merged away or retired keep no open alert; their survivor is screened and assessed instead.
UNWIND $ids AS id
MATCH (a:KycAlert {customerId: id, status: 'open'})
MATCH (c:Customer {id: id})
WHERE c.status <> 'ACTIVE'
SET a.status = 'cleared', a.clearedAt = datetime($now), a.updatedAt = datetime($now), a.clearedBecause = c.status
RETURN count(a) AS cleared
