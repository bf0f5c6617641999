// The records as received (their payloads), for the records given: those of the neighbours a
// resolution took in, whose golden records it recomputes (lock-and-read-neighbours leaves them out).
//   $recordKeys  record keys
UNWIND $recordKeys AS key
MATCH (r:SourceRecord {key: key})
USING INDEX SEEK r:SourceRecord(key)
RETURN r.key AS key, r.payload AS payload
