// The entity-resolution engine: pure functions, no I/O. The ingest pipeline, the rebuild and the
// benchmarks all use this surface.
export * from './resolution.types';
export { normaliseRecord } from './normalise/normalise-record';
export { normaliseEmail, normalisePhone } from './normalise/contacts';
export { normaliseIdentifier } from './normalise/identifiers';
export { blockingKeysFor, emailKey, IDENTIFIER_KEY_PREFIX, phoneKey } from './block/blocking-keys';
export { PairLevels, scorePair } from './score/score-pair';
export { decide, linkThresholdOf } from './score/decide';
export { defaultMatchModel, termFrequenciesOf } from './score/match-model';
export { loadMatchSettings, type MatchSettings } from './settings/match-settings';
export { admitStandingEntities } from './resolve/standing-entities';
export { resolveBatch, type BatchResolution, type ExistingEntity, type RecordDecision } from './resolve/resolve-batch';
export { survivorValues, type GoldenRecord, type SurvivorInput } from './survive/survivor-values';
export { decodeGolden, encodeGolden } from './survive/stored-golden';
export { doubleMetaphone } from './compare/double-metaphone';
export { DEFAULT_RANDOM_PAIRS, estimateModel, trainMatchModel, type TrainingOptions, type TrainingReport } from './train/estimate-model';
export { DEFAULT_TRAINING_RULES, type TrainingRule } from './train/training-rules';
