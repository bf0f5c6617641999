// Benchmarks only: deletes every node but the schema's migrations and match models (bench:ingest's
// warm-up load), in transactions of 10,000 nodes; answers how many such nodes are left.
MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:MatchModel
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
WITH count(*) AS deleted
RETURN deleted, COUNT { MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:MatchModel } AS left
