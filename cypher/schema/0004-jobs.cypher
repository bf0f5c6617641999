// Long-running work (rebuilds, imports) with its progress, readable from any replica.
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (j:Job) REQUIRE j.id IS UNIQUE;
