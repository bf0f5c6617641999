// Which of these customers have an open alert.
UNWIND $ids AS id
MATCH (a:KycAlert {customerId: id, status: 'open'})
RETURN DISTINCT id
