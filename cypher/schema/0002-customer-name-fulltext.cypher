// Fuzzy name search over golden customers (GET /v1/customers?q=).
CREATE FULLTEXT INDEX customer_name_fulltext IF NOT EXISTS FOR (c:Customer) ON EACH [c.displayName, c.nameVariants]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
