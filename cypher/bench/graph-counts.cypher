// Benchmarks only: what a benchmark graph holds, to report it and to tell which loading steps are still to do.
CALL () { MATCH (c:Customer) RETURN count(c) AS customers }
CALL () { MATCH (r:SourceRecord) RETURN count(r) AS records }
CALL () { MATCH (i) WHERE i:Email OR i:Phone OR i:Address OR i:Identifier OR i:Device RETURN count(i) AS identifiers }
CALL () { MATCH ()-[e:RELATED_TO]->() RETURN count(e) AS relationships }
CALL () { MATCH ()-[e:REFERRED_BY]->() RETURN count(e) AS referrals }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (k:BlockingKey) WITH k LIMIT 1 RETURN count(k) AS blockingKeys }
CALL () { MATCH (c:Customer) WITH c LIMIT 1000 RETURN count(CASE WHEN c.golden IS NULL THEN 1 END) AS withoutGolden }
RETURN customers, records, identifiers, relationships, referrals, events, blockingKeys, withoutGolden
