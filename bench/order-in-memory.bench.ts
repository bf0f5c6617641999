import { parseArgs } from 'node:util';
import { shuffled } from '../seed/demo/demo-random';
import { generateRecords, GENERATOR_VERSION } from '../seed/generator/generate';
import { SeededRandom } from '../seed/generator/random';
import { admitStandingEntities, BatchResolution, defaultMatchModel, ExistingEntity, MatchModel, normaliseRecord, NormalisedRecord, PairLevels, resolveBatch, SourceRecordInput } from '../src/resolution';
import { blockingKeysFor } from '../src/resolution/block/blocking-keys';
import { decide } from '../src/resolution/score/decide';
import { scoreEntities } from '../src/resolution/score/score-pair';
import { accuracyOf, partitionDifference } from './lib/accuracy-metrics';
import { recordResults } from './record-results';

type Partition = Map<string, string>;

/**
 * How a chunk meets the customers it locks: `local-rebuild-admit` as the service resolves (the
 * chunk's records and every record of its candidate customers resolved from scratch, as the
 * rebuild does for all records, so customers can split or give up records; then the candidates'
 * neighbours, judged as they stand, taken in from their records only where one reaches the link
 * band: admitStandingEntities); `local-rebuild` the neighbours as they stand from the start;
 * `local-rebuild-all` the neighbours' records from scratch too; `incremental` as the service
 * resolved before that (all locked customers fixed units the chunk's records join or merge).
 */
type Mode = 'incremental' | 'local-rebuild' | 'local-rebuild-admit' | 'local-rebuild-all';

/**
 * Loading in chunks without the database: each chunk goes through resolveBatch with the customers
 * the graph would lock for it (lock-and-read-batch: those holding a non-generic key of a chunk's
 * record, counted before the chunk is linked, and their neighbours through the candidates' other
 * keys), given the keys that are generic among all the records loaded so far, as the service reads
 * them with the records. Two details differ from the graph: the neighbours' keys are also counted
 * before the chunk is linked (the statement counts them after), and no cap limits the candidates.
 * A 100,000-record load takes seconds, against minutes through Neo4j, and gave the same partitions
 * as bench:order.
 * `engineMs` gets the time spent in resolveBatch.
 */
function loadInChunks(order: NormalisedRecord[], chunk: number, keysOf: Map<string, string[]>, model: MatchModel, mode: Mode, time: { engineMs: number }): Partition {
  const cutoff = model.settings.genericCutoff;
  const customerOf: Partition = new Map();
  const customers = new Map<string, { createdAt: string; records: NormalisedRecord[] }>();
  const holders = new Map<string, Set<string>>();
  const customersHolding = (keys: Iterable<string>, skip: ReadonlySet<string>): Set<string> => {
    const found = new Set<string>();
    for (const key of keys) {
      const records = holders.get(key);
      if (!records || records.size > cutoff || skip.has(key)) continue;
      for (const recordKey of records) found.add(customerOf.get(recordKey)!);
    }
    return found;
  };
  let created = 0;
  for (let start = 0; start < order.length; start += chunk) {
    const incoming = order.slice(start, start + chunk);
    const incomingKeys = new Set(incoming.flatMap((record) => keysOf.get(record.key)!));
    const locked = customersHolding(incomingKeys, new Set());
    const candidates = new Set(locked);
    const candidateKeys = [...locked].flatMap((id) => customers.get(id)!.records.flatMap((record) => keysOf.get(record.key)!));
    for (const id of customersHolding(candidateKeys, incomingKeys)) locked.add(id);
    for (const record of incoming) {
      for (const key of keysOf.get(record.key)!) holders.set(key, (holders.get(key) ?? new Set()).add(record.key));
    }
    const entities: ExistingEntity[] = [...locked].map((id) => ({ customerId: id, ...customers.get(id)! }));
    // The keys of the records resolved that the graph holds generic, as the service reads them (lock-and-read-batch).
    const genericKeys = new Set<string>();
    for (const record of [...incoming, ...entities.flatMap((entity) => entity.records)]) {
      for (const key of keysOf.get(record.key)!) if (holders.get(key)!.size > cutoff) genericKeys.add(key);
    }
    const started = performance.now();
    if (mode === 'local-rebuild-all') {
      const all = [...incoming, ...entities.flatMap((entity) => entity.records)];
      const byKey = new Map(all.map((record) => [record.key, record]));
      const clusters = resolveBatch({ incoming: all, entities: [], genericKeys, model }).newCustomers;
      time.engineMs += performance.now() - started;
      for (const entity of entities) customers.delete(entity.customerId);
      for (const cluster of clusters) {
        const id = `c${String(created).padStart(9, '0')}`;
        customers.set(id, { createdAt: new Date(Date.UTC(2020, 0, 1) + created++).toISOString(), records: cluster.recordKeys.map((key) => byKey.get(key)!) });
        for (const key of cluster.recordKeys) customerOf.set(key, id);
      }
      continue;
    }
    let fresh = incoming;
    let fixed = entities;
    if (mode === 'local-rebuild' || mode === 'local-rebuild-admit') {
      fresh = [...incoming, ...entities.filter((entity) => candidates.has(entity.customerId)).flatMap((entity) => entity.records)];
      fixed = entities.filter((entity) => !candidates.has(entity.customerId));
      for (const id of candidates) customers.delete(id);
    }
    let resolution: BatchResolution;
    if (mode === 'local-rebuild-admit') {
      const input = { incoming: fresh, entities: [], genericKeys, model, blockingKeys: new Map<string, string[]>(), pairLevels: new PairLevels(model) };
      const admitting = admitStandingEntities(resolveBatch(input), input, fixed);
      resolution = admitting.resolution;
      // The customers taken in were resolved from their records: the decisions place those records too.
      for (const entity of admitting.admitted) customers.delete(entity.customerId);
      fresh = [...fresh, ...admitting.admitted.flatMap((entity) => entity.records)];
    } else {
      resolution = resolveBatch({ incoming: fresh, entities: fixed, genericKeys, model });
    }
    time.engineMs += performance.now() - started;
    for (const { survivor, absorbed } of resolution.merges) {
      const moved = customers.get(absorbed)!.records;
      customers.get(survivor)!.records.push(...moved);
      for (const record of moved) customerOf.set(record.key, survivor);
      customers.delete(absorbed);
    }
    const idOfTemp = new Map<string, string>();
    for (const customer of resolution.newCustomers) {
      const id = `c${String(created).padStart(9, '0')}`;
      idOfTemp.set(customer.tempId, id);
      customers.set(id, { createdAt: new Date(Date.UTC(2020, 0, 1) + created++).toISOString(), records: [] });
    }
    const byKey = new Map(fresh.map((record) => [record.key, record]));
    for (const decision of resolution.decisions) {
      const id = idOfTemp.get(decision.customerId) ?? decision.customerId;
      customers.get(id)!.records.push(byKey.get(decision.recordKey)!);
      customerOf.set(decision.recordKey, id);
    }
  }
  return customerOf;
}

/** Every record at once, as the rebuild resolves them. */
function resolveAtOnce(records: NormalisedRecord[], model: MatchModel): Partition {
  const partition: Partition = new Map();
  for (const customer of resolveBatch({ incoming: records, entities: [], model }).newCustomers) for (const key of customer.recordKeys) partition.set(key, customer.tempId);
  return partition;
}

/** Pairs of customers sharing a non-generic key whose entity score is in the link band: links a partition leaves unmade. */
function linksLeft(partition: Partition, records: NormalisedRecord[], keysOf: Map<string, string[]>, model: MatchModel): number {
  const members = new Map<string, NormalisedRecord[]>();
  for (const record of records) members.set(partition.get(record.key)!, [...(members.get(partition.get(record.key)!) ?? []), record]);
  const holders = new Map<string, Set<string>>();
  for (const record of records) for (const key of keysOf.get(record.key)!) holders.set(key, (holders.get(key) ?? new Set()).add(partition.get(record.key)!));
  const seen = new Set<string>();
  let left = 0;
  for (const customers of holders.values()) {
    if (customers.size < 2 || customers.size > model.settings.genericCutoff) continue;
    const ids = [...customers].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const pair = `${ids[i]} ${ids[j]}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        if (decide(scoreEntities(members.get(ids[i])!, members.get(ids[j])!, model).probability, model) === 'link') left++;
      }
    }
  }
  return left;
}

/**
 * bench:order without Neo4j, for trying changes to the engine quickly: the same records in the
 * generator's order, in shuffled orders and all at once, each partition compared with the all-at-once
 * one (what the rebuild gives) and with the generator-order load of the same mode.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '100000' },
      chunk: { type: 'string', default: '1000' },
      seeds: { type: 'string', default: '42,7' },
      // Which ways of meeting the locked customers to load with (see Mode).
      modes: { type: 'string', default: 'incremental,local-rebuild,local-rebuild-admit,local-rebuild-all' },
    },
  });
  const size = Number(values.records);
  const chunk = Number(values.chunk);
  const model = defaultMatchModel();
  const records: NormalisedRecord[] = [];
  const truth: Partition = new Map();
  for (const item of generateRecords({ people: size, seed: 42 })) {
    if (records.length >= size) break;
    const record = normaliseRecord({ ...item.record, system: item.system } as unknown as SourceRecordInput, model.settings);
    records.push(record);
    truth.set(record.key, `entity:${item.entityId}`);
  }
  const keysOf = new Map(records.map((record) => [record.key, blockingKeysFor(record, model.settings)]));
  let atOnce: Partition = new Map();
  let inOrder: Partition | undefined;
  const rows: Array<Record<string, string | number>> = [];
  const row = (run: string, mode: Mode | '', partition: Partition, engineMs: number) => {
    const figures = accuracyOf(truth, partition);
    const fromAtOnce = partitionDifference(atOnce, partition);
    rows.push({
      run,
      mode,
      'engine s': (engineMs / 1000).toFixed(1),
      customers: new Set(partition.values()).size,
      'pairwise precision': figures.pairwisePrecision.toFixed(4),
      'pairwise recall': figures.pairwiseRecall.toFixed(4),
      'all-at-once customers not found whole': fromAtOnce['reference customers not found whole'],
      'generator-order customers not found whole': inOrder ? partitionDifference(inOrder, partition)['reference customers not found whole'] : '',
      'links left': linksLeft(partition, records, keysOf, model),
    });
  };
  const started = performance.now();
  atOnce = resolveAtOnce(records, model);
  row('all at once (the rebuild)', '', atOnce, performance.now() - started);
  for (const mode of values.modes.split(',') as Mode[]) {
    const time = { engineMs: 0 };
    inOrder = loadInChunks(records, chunk, keysOf, model, mode, time);
    row('generator order', mode, inOrder, time.engineMs);
    for (const seed of values.seeds.split(',').map(Number)) {
      const seedTime = { engineMs: 0 };
      row(`shuffled (seed ${seed})`, mode, loadInChunks(shuffled(records, new SeededRandom(seed)), chunk, keysOf, model, mode, seedTime), seedTime.engineMs);
    }
  }
  recordResults('order-in-memory', 'Load order without the database: how far in-memory chunked loads differ', rows, [
    `\`npm run bench:order-in-memory -- --records ${size} --chunk ${chunk} --seeds ${values.seeds}\`; generator ${GENERATOR_VERSION}; model ${model.version} (settings weights, as bench:order). Chunks of ${chunk} records go through resolveBatch against the customers lock-and-read-batch would lock for them; no Neo4j.`,
    '"not found whole": customers of that partition whose records this run does not hold as exactly one customer (0 when identical). "links left": pairs of customers sharing a non-generic key that the engine would link if it scored them now. "engine s": time in resolveBatch.',
    'local-rebuild-admit: what the service does (ResolutionPipeline): the chunk and every record of its candidate customers are resolved from scratch, as the rebuild resolves everything, so existing customers can split or give up records; then the candidates\' neighbours, judged as they stand, where one reaches the link band with a record or a cluster the resolution without them formed, taken in from their records (admitStandingEntities). local-rebuild: the neighbours as they stand from the start. local-rebuild-all: the neighbours\' records from scratch too. incremental: what the service did before those, for comparison (all locked customers are units that records join and merge).',
  ]);
}

main();
