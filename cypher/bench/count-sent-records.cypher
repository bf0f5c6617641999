// Benchmarks only (bench:bolt-chunks): the records sent are only counted, so the statement's cost is sending its parameters.
//   $records  any list
UNWIND $records AS r
RETURN count(r) AS n
