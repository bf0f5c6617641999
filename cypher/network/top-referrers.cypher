// Customers who referred the most other customers (a referral names a record of the referrer).
MATCH (referred:Customer)<-[:RESOLVED_TO]-(:SourceRecord)-[:REFERRED_BY]->(:SourceRecord)-[:RESOLVED_TO]->(referrer:Customer)
WHERE referred <> referrer
WITH referrer, count(DISTINCT referred) AS referrals
RETURN referrer.id AS id, referrer.displayName AS displayName, referrals
ORDER BY referrals DESC, id
LIMIT $limit
