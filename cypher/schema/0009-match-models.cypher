// Trained match models (POST /v1/admin/resolution/model/train): one per training run.
CREATE CONSTRAINT match_model_version IF NOT EXISTS FOR (m:MatchModel) REQUIRE m.version IS UNIQUE;
