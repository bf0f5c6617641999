// Watchlists, screening hits and KYC alerts.
CREATE CONSTRAINT watchlist_entry_key IF NOT EXISTS FOR (e:WatchlistEntry) REQUIRE e.key IS UNIQUE;
CREATE INDEX watchlist_entry_list IF NOT EXISTS FOR (e:WatchlistEntry) ON (e.list, e.status);
// Candidate retrieval for screening: each side stores its screening keys (c_<token>, p_<phonetic>)
// as one space-separated string; the whitespace analyser keeps the keys as they are.
CREATE FULLTEXT INDEX watchlist_screening_keys IF NOT EXISTS FOR (e:WatchlistEntry) ON EACH [e.screeningKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX customer_screening_keys IF NOT EXISTS FOR (c:Customer) ON EACH [c.screeningKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE INDEX possible_match_id IF NOT EXISTS FOR ()-[m:POSSIBLE_MATCH]-() ON (m.id);
CREATE CONSTRAINT kyc_alert_id IF NOT EXISTS FOR (a:KycAlert) REQUIRE a.id IS UNIQUE;
CREATE INDEX kyc_alert_customer IF NOT EXISTS FOR (a:KycAlert) ON (a.customerId, a.status);
CREATE INDEX kyc_alert_raised IF NOT EXISTS FOR (a:KycAlert) ON (a.raisedAt);
