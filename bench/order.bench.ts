import { parseArgs } from 'node:util';
import { RebuildService } from '../src/ingest/rebuild.service';
import { ResolutionQueriesService } from '../src/ingest/resolution-queries.service';
import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { PreparedRecord, prepareRecord } from '../src/ingest/prepared-record';
import { checkRecord } from '../src/ingest/record-validation';
import { ResolutionPipeline } from '../src/ingest/resolution-pipeline.service';
import { shuffled } from '../seed/demo/demo-random';
import { generateRecords, GENERATOR_VERSION } from '../seed/generator/generate';
import { SeededRandom } from '../seed/generator/random';
import { accuracyOf, partitionDifference } from './lib/accuracy-metrics';
import { BenchService, startBenchService } from './lib/bench-service';
import { recordResults } from './record-results';

type Partition = Map<string, string>;

/** Record key → customer id, read through the crosswalk that GET /v1/resolution/crosswalk streams. */
async function readPartition(service: BenchService): Promise<Partition> {
  const partition: Partition = new Map();
  for await (const line of service.app.get(ResolutionQueriesService).crosswalk(undefined)) {
    const { system, sourceId, customerId } = JSON.parse(line) as { system: string; sourceId: string; customerId: string };
    partition.set(`${system}:${sourceId}`, customerId);
  }
  return partition;
}

/** Sends the records through the resolution pipeline in chunks, up to `loaders` chunks in the database at once. */
async function load(service: BenchService, records: PreparedRecord[], chunk: number, loaders: number): Promise<number> {
  const pipeline = service.app.get(ResolutionPipeline);
  const started = performance.now();
  const inFlight = new Set<Promise<unknown>>();
  for (let start = 0; start < records.length; start += chunk) {
    while (inFlight.size >= loaders) await Promise.race(inFlight);
    const sending: Promise<unknown> = pipeline.resolve(records.slice(start, start + chunk), 'bench').then(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  await Promise.all(inFlight);
  return (performance.now() - started) / 1000;
}

/** The generated records, validated and prepared as intake does; `truth` gets each record's entity. */
function prepareGenerated(size: number, seed: number, models: MatchModelProvider, truth: Partition): PreparedRecord[] {
  const receivedAt = new Date().toISOString();
  const records: PreparedRecord[] = [];
  for (const item of generateRecords({ people: size, seed })) {
    if (records.length >= size) break;
    const check = checkRecord(item.record);
    if (!check.ok) throw new Error(`generated record refused: ${JSON.stringify(check.errors)}`);
    const prepared = prepareRecord(item.system, check.record, records.length, models.current(), models.trustOf(item.system), receivedAt);
    records.push(prepared);
    truth.set(prepared.key, `entity:${item.entityId}`);
  }
  return records;
}

function accuracyColumns(truth: Partition, partition: Partition): Record<string, string | number> {
  const figures = accuracyOf(truth, partition);
  return {
    customers: new Set(partition.values()).size,
    'pairwise precision': figures.pairwisePrecision.toFixed(4),
    'pairwise recall': figures.pairwiseRecall.toFixed(4),
  };
}

/**
 * Does the partition depend on the load order and on concurrency, at a size the integration tests
 * do not reach? The same generated records go through the resolution pipeline (chunks of one
 * transaction each, as bench:ingest sends them) into a fresh graph twice: in the generator's order
 * with one loader, and shuffled with several; the second graph is then rebuilt from its source
 * records. Each partition is compared with the first and with the truth.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '100000' },
      chunk: { type: 'string', default: '1000' },
      loaders: { type: 'string', default: '2' },
      seed: { type: 'string', default: '42' },
    },
  });
  const size = Number(values.records);
  const chunk = Number(values.chunk);
  const loaders = Number(values.loaders);
  const seed = Number(values.seed);
  const rows: Array<Record<string, string | number>> = [];
  const truth: Partition = new Map();
  let records: PreparedRecord[] = [];
  let reference: Partition | undefined;
  let modelVersion = '';
  // Each load gets a fresh graph; the records are prepared once, by the first service's model.
  const run = async (label: string, runLoaders: number, rebuildAfter: boolean): Promise<void> => {
    const service = await startBenchService(undefined, 'order');
    try {
      if (records.length === 0) {
        const models = service.app.get(MatchModelProvider);
        modelVersion = models.current().version;
        records = prepareGenerated(size, seed, models, truth);
      }
      const order = reference ? shuffled(records, new SeededRandom(seed)) : records;
      const seconds = await load(service, order, chunk, runLoaders);
      const partition = await readPartition(service);
      reference ??= partition;
      console.log(`${label}: ${partition.size} records in ${seconds.toFixed(0)} s`);
      rows.push({ run: label, loaders: runLoaders, records: partition.size, seconds: seconds.toFixed(1), ...accuracyColumns(truth, partition), ...partitionDifference(reference, partition) });
      if (!rebuildAfter) return;
      const started = performance.now();
      await service.app.get(RebuildService).rebuild('bench', { report: async () => undefined });
      const rebuilt = await readPartition(service);
      const rebuildSeconds = (performance.now() - started) / 1000;
      rows.push({ run: 'its rebuild', loaders: '', records: rebuilt.size, seconds: rebuildSeconds.toFixed(1), ...accuracyColumns(truth, rebuilt), ...partitionDifference(reference, rebuilt) });
      rows.push({ run: 'its rebuild, against the graph it rebuilt', loaders: '', records: rebuilt.size, seconds: '', ...accuracyColumns(truth, rebuilt), ...partitionDifference(partition, rebuilt) });
    } finally {
      await service.close();
    }
  };
  await run('generator order', 1, false);
  await run(`shuffled (seed ${seed})`, loaders, true);

  recordResults('order', 'Same records, other order and concurrency: how far the partitions differ', rows, [
    `\`npm run bench:order -- --records ${size} --chunk ${chunk} --loaders ${loaders} --seed ${seed}\`; generator ${GENERATOR_VERSION}; model ${modelVersion} (settings weights, as the service runs before a model is trained); embedded Neo4j 5.26, a fresh graph per load.`,
    'The reference is the first run (generator order, one loader). "pairs only in the reference" are pairs of records the reference puts on one customer and this run does not; "pairs only in this run" the other way round; "reference customers not found whole" counts reference customers whose records this run does not hold as exactly one customer. All three are 0 when the partitions are identical.',
    'Precision and recall are pairwise, against the generator\'s truth. bench:accuracy resolves all records at once, as the rebuild does; these rows show what loading in chunks gives.',
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
