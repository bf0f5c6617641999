// Back to the settings file's weights: no trained model is in force.
MATCH (m:MatchModel {active: true})
SET m.active = false
RETURN count(m) AS deactivated
