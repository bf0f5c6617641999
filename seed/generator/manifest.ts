import { SourceSystem } from './canonical-record';
import { HouseholdKind } from './household-factory';
import { NoiseKind, NoiseRates } from './noise-rates';

export const GENERATOR_NAME = 'customer-graph-seed-generator';
/** Bump when the same seed would give different output; benchmarks record it beside their figures. */
export const GENERATOR_VERSION = 'people-v4';

/** manifest.json: everything needed to reproduce a dataset and to read its figures. No timestamps, so it is reproducible too. */
export interface Manifest {
  generator: { name: string; version: string };
  seed: number;
  people: number;
  organisations: number;
  entities: number;
  households: Record<HouseholdKind, number>;
  records: { total: number; bySystem: Record<SourceSystem, number> };
  noise: NoiseRates;
  /** How often each kind of noise could apply and did. */
  noiseApplied: Record<NoiseKind, { opportunities: number; applied: number; rate: number }>;
  referenceDate: string;
  files: { records: string; truth: string };
}
