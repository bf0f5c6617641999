import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDate, REFERENCE_DATE } from './birth-dates';
import { DatasetRun, GenerationOptions } from './dataset-run';
import { LineFileWriter } from './line-file-writer';
import { GENERATOR_NAME, GENERATOR_VERSION, Manifest } from './manifest';

export interface DatasetOptions extends GenerationOptions {
  outDir: string;
  /** Called every `progressEvery` records (default 100,000). */
  onProgress?: (progress: { records: number; people: number }) => void;
  progressEvery?: number;
}

const RECORDS_FILE = 'records.ndjson';
const TRUTH_FILE = 'truth.csv';

/** Writes records.ndjson, truth.csv and manifest.json into `outDir`, streaming. */
export async function generateDataset(options: DatasetOptions): Promise<Manifest> {
  mkdirSync(options.outDir, { recursive: true });
  const run = new DatasetRun(options);
  const records = new LineFileWriter(join(options.outDir, RECORDS_FILE));
  const truth = new LineFileWriter(join(options.outDir, TRUTH_FILE));
  truth.append('system,sourceId,entityId\n');
  const progressEvery = options.progressEvery ?? 100_000;
  let written = 0;
  for (const { system, record, entityId } of run.records()) {
    records.append(`{"system":"${system}","record":${JSON.stringify(record)}}\n`);
    // sourceIds and entity ids are generated without commas or quotes, so no CSV quoting is needed
    truth.append(`${system},${record.sourceId},${entityId}\n`);
    if (records.wantsFlush) await Promise.all([records.flush(), truth.flush()]);
    if (++written % progressEvery === 0) options.onProgress?.({ records: written, people: run.counts.people });
  }
  await Promise.all([records.close(), truth.close()]);

  const manifest: Manifest = {
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    seed: options.seed,
    people: run.counts.people,
    organisations: run.counts.organisations,
    entities: run.counts.people + run.counts.organisations,
    households: run.counts.households,
    records: { total: run.counts.records, bySystem: run.counts.recordsBySystem },
    noise: run.rates,
    noiseApplied: run.tally.toJSON(),
    referenceDate: isoDate(REFERENCE_DATE),
    files: { records: RECORDS_FILE, truth: TRUTH_FILE },
  };
  writeFileSync(join(options.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
