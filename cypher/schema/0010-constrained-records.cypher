// A record named by an analyst decision (MUST_LINK or CANNOT_LINK) carries the label Constrained:
// the statements reading a resolution's records walk a record's relationships for decisions only
// where there are some (at 950k records the two walks were ~30 ms of the ~330 lock-and-read-batch
// takes for a chunk). add-record-constraints and close-review-task set it; this labels the records
// decided before the label existed.
MATCH (r:SourceRecord)-[:CANNOT_LINK|MUST_LINK]-(:SourceRecord)
SET r:Constrained;
