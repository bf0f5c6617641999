/** Public surface of the synthetic data generator (see README.md beside it). */
export { generateDataset } from './generate-dataset';
export type { DatasetOptions } from './generate-dataset';
export { generateRecords, GeneratedRecords } from './generate-records';
export type { GenerationOptions } from './dataset-run';
export { GENERATOR_VERSION } from './manifest';
export type { Manifest } from './manifest';
export { DEFAULT_NOISE, NOISE_KINDS } from './noise-rates';
export type { NoiseRates } from './noise-rates';
export { SOURCE_SYSTEMS } from './canonical-record';
export type { CanonicalRecord, GeneratedRecord, SourceSystem } from './canonical-record';
