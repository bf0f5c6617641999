UNWIND $customers AS nc
CREATE (c:Customer {id: nc.id, status: 'ACTIVE', createdAt: datetime($now), updatedAt: datetime($now), locked: true})
RETURN count(c) AS created
