// Entity resolution: blocking keys (shared by source records), review queue, record lookups.
CREATE CONSTRAINT blocking_key IF NOT EXISTS FOR (k:BlockingKey) REQUIRE k.key IS UNIQUE;
CREATE INDEX source_record_system IF NOT EXISTS FOR (r:SourceRecord) ON (r.system, r.sourceId);
CREATE INDEX review_task_status IF NOT EXISTS FOR (t:ReviewTask) ON (t.status, t.createdAt);
CREATE INDEX customer_merged_into IF NOT EXISTS FOR (c:Customer) ON (c.mergedInto);
