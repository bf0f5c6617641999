// The customer full-text indexes are refreshed in the background instead of inside each ingest
// commit: a synchronous Lucene update cost about 7 ms of every single-record commit. Searches
// call db.index.fulltext.awaitEventuallyConsistentIndexRefresh() first, so they still see every
// committed write.
DROP INDEX customer_name_fulltext IF EXISTS;
CREATE FULLTEXT INDEX customer_name_fulltext IF NOT EXISTS FOR (c:Customer) ON EACH [c.displayName, c.nameVariants]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } };
DROP INDEX customer_screening_keys IF EXISTS;
CREATE FULLTEXT INDEX customer_screening_keys IF NOT EXISTS FOR (c:Customer) ON EACH [c.screeningKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: true } };
CALL db.awaitIndexes(600);
