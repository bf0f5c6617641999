// The trained match model in force, if any; its weights only when they differ from the
// version the caller already has (replicas ask every MATCH_MODEL_REFRESH_MS).
MATCH (m:MatchModel {active: true})
WITH m ORDER BY m.trainedAt DESC LIMIT 1
RETURN m.version AS version, m.settingsVersion AS settingsVersion, toString(m.trainedAt) AS trainedAt,
       CASE WHEN m.version = $current THEN null ELSE m.parameters END AS parameters,
       CASE WHEN m.version = $current THEN null ELSE m.termFrequencies END AS termFrequencies
