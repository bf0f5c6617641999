// Stores a trained match model and makes it the one in force; earlier models stay, inactive, as a record.
OPTIONAL MATCH (old:MatchModel {active: true})
SET old.active = false
WITH count(old) AS retired
CREATE (m:MatchModel {version: $version, settingsVersion: $settingsVersion, trainedAt: datetime($trainedAt), trainedBy: $by,
                      records: $records, parameters: $parameters, termFrequencies: $termFrequencies, report: $report, active: true})
RETURN m.version AS version, retired
