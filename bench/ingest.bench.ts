import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.factory';
import { createRootLogger } from '../src/common/logging/logger';
import { loadConfig } from '../src/config/app-config';
import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { PreparedRecord, prepareRecord } from '../src/ingest/prepared-record';
import { ResolutionPipeline } from '../src/ingest/resolution-pipeline.service';
import { checkRecord } from '../src/ingest/record-validation';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j';
import { CypherRegistry } from '../src/neo4j/cypher-registry';
import { Neo4jService } from '../src/neo4j/neo4j.service';
import { SchemaMigrator } from '../src/neo4j/schema-migrator';
import { GeneratedRecord, generateRecords, GENERATOR_VERSION } from '../seed/generator/generate';
import { machineSpeedMs } from './lib/machine-speed';
import { ownCpuSeconds, processCpuSeconds } from './lib/process-cpu';
import { percentile, recordResults } from './record-results';

const API_KEY = 'bench-ingest-key-0123456789';
// As Neo4j's sizing guide advises, the page cache holds the whole store, the 1M graph included;
// BENCH_PAGE_CACHE_MB tries other sizes.
const PAGE_CACHE_MB = Number(process.env.BENCH_PAGE_CACHE_MB ?? 12288);

/**
 * Bulk ingest with full resolution (the same pipeline the API runs, in chunks of one
 * transaction each) into a fresh embedded Neo4j, then the latency of single records sent
 * through the REST API on top of that data.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      chunk: { type: 'string', default: '2000' },
      loaders: { type: 'string', default: '1' },
      // Parts of the records loaded side by side, each by its own loader (see runSize).
      streams: { type: 'string', default: '1' },
      rest: { type: 'string', default: '1000' },
      // Single records sent through REST before the timed ones, so the JVM has compiled the
      // single-record path: after the 10k load, 50 left p50 at 19 ms where 2,000 give 10 ms.
      'warm-up': { type: 'string', default: '2000' },
      seed: { type: 'string', default: '42' },
      // Records of another seed loaded and deleted before each timed load, so the JVM and V8 have
      // compiled the ingest path: at 10k a cold start is most of the run (570 records/s cold).
      'warm-load': { type: 'string', default: '50000' },
    },
  });
  const sizes = values.sizes!.split(',').map(Number);
  const chunk = Number(values.chunk);
  const rows: Array<Record<string, string | number>> = [];
  const loaders = Number(values.loaders);
  const streams = Number(values.streams);
  for (const [name, value] of Object.entries({ chunk, loaders, streams })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1 (got ${JSON.stringify(values[name as keyof typeof values])})`);
  }
  const warmLoad = Number(values['warm-load']);
  if (!Number.isInteger(warmLoad) || warmLoad < 0) throw new Error(`--warm-load must be a whole number (got ${JSON.stringify(values['warm-load'])})`);
  for (const size of sizes) rows.push(await runSize(size, chunk, loaders, streams, Number(values.rest), Number(values['warm-up']), Number(values.seed), warmLoad));
  recordResults('ingest', 'Bulk ingest with resolution, and one record through REST', rows, [
    `\`npm run bench:ingest -- --sizes ${values.sizes} --chunk ${chunk} --loaders ${loaders}${streams > 1 ? ` --streams ${streams}` : ''} --rest ${values.rest} --warm-up ${values['warm-up']} --warm-load ${warmLoad}\`; embedded Neo4j 5.26 on the same machine (heap 4 GiB, page cache ${PAGE_CACHE_MB / 1024} GiB), ${streams > 1 ? `the records in ${streams} consecutive parts loaded side by side, each by ` : ''}${loaders === 1 ? 'one loader' : `${loaders} loaders`} sending chunks of ${chunk} records, each resolved in one transaction; the next chunk is generated and prepared while one resolves. Records: generator ${GENERATOR_VERSION}, seed ${values.seed}. Node flags: ${nodeFlags()}.`,
    'Targets: ≥ 2,000 records/s at 1M, at most 1.3× slower at 1M than at 10k; REST p95 ≤ 20 ms.',
    warmLoad > 0
      ? `Warm runs: each size starts a fresh Neo4j, loads ${warmLoad.toLocaleString('en')} records of another seed through the same path, deletes them, then times its own load, so every size is timed with compiled code (JVM and V8) and 10k against 1M compares graph sizes, not a cold start against a warm one. "store MiB" includes the space the deleted records leave.`
      : 'Cold runs (--warm-load 0): each size is timed from a fresh Neo4j, so the smaller sizes include the JIT warm-up.',
    '"last 10 %" is the rate over the final tenth of the load (how throughput holds up as the graph grows).',
    '"machine speed": a fixed in-memory piece of engine work (10,000 generated records normalised and resolved at once, best of three) timed just before and just after the load, in ms: lower is a faster machine. This shared machine\'s speed moves by a fifth between hours, so compare figures of different runs only with it in view.',
    `CPU per record over the timed load: "API" is this process (the pipeline, and generating the records, ~0.03 ms a record: bench/results/generator.md), "Neo4j" the embedded JVM (from /proc). "CPU ceiling" is ${availableParallelism()} cores × 1,000 ms over their sum: the rate with every core busy on this work and nothing else, so a rate target above it needs less work per record, not more overlap.`,
    `REST: ${values.rest} new records sent one at a time after the load, once the full-text indexes have caught up with it, after ${values['warm-up']} not counted (warm-up: the JVM compiles the single-record path; with 50, p95 after the 10k load was 31.7 ms).`,
  ]);
}

async function runSize(size: number, chunk: number, loaders: number, streams: number, restCount: number, warmUp: number, seed: number, warmLoad: number): Promise<Record<string, string | number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'customer-graph-bench-ingest-'));
  const neo4j = await EmbeddedNeo4j.start({ dataDir, port: 0, heapMb: 4096, pageCacheMb: PAGE_CACHE_MB, log: () => undefined });
  const config = loadConfig({ NEO4J_URI: neo4j.uri, LOG_LEVEL: 'silent', API_KEYS: `${API_KEY}:admin`, NEO4J_MAX_RETRY_MS: '60000', THROTTLE_LIMIT: '1000000' });
  const app = await createApp(config, { logger: createRootLogger('silent') });
  await app.get(SchemaMigrator).migrate();
  await app.listen(0, '127.0.0.1');
  const pipeline = app.get(ResolutionPipeline);
  const models = app.get(MatchModelProvider);
  try {
    if (warmLoad > 0) await loadAndDelete(app, warmLoad, chunk, seed + 1_000);
    const speedBefore = machineSpeedMs();
    const receivedAt = new Date().toISOString();
    // The records in `streams` consecutive parts, each sent by its own loader, as parallel import
    // processes would each send their own file; a part's generator reaches its first record before
    // the clock starts.
    const parts = Array.from({ length: streams }, (_, part) => {
      const from = Math.floor((part * size) / streams);
      const records = generateRecords({ people: size, seed })[Symbol.iterator]();
      for (let skipped = 0; skipped < from; skipped++) records.next();
      return { from, to: Math.floor(((part + 1) * size) / streams), records };
    });
    const neo4jCpuBefore = processCpuSeconds(neo4j.pid);
    const apiCpuBefore = ownCpuSeconds();
    const started = performance.now();
    let sent = 0;
    let lastTenthStarted = 0;
    const outcomes: Record<string, number> = {};
    const load = async ({ from, to, records }: (typeof parts)[number]) => {
      let batch: PreparedRecord[] = [];
      // Up to `loaders` chunks of the part in the database at once, as parallel API clients would
      // send them; meanwhile the next chunk is generated and prepared, as the import does.
      const inFlight = new Set<Promise<void>>();
      const flush = async () => {
        while (inFlight.size >= loaders) await Promise.race(inFlight);
        const sending = batch;
        batch = [];
        const done: Promise<void> = pipeline.resolve(sending, 'bench').then((results) => {
          for (const result of results) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
          inFlight.delete(done);
        });
        inFlight.add(done);
      };
      for (let index = from; index < to; index++) {
        const next = records.next();
        if (next.done) break;
        batch.push(preparedGenerated(next.value, index, models, receivedAt));
        sent++;
        if (sent === Math.floor(size * 0.9)) lastTenthStarted = performance.now();
        if (batch.length >= chunk) await flush();
        // Let the chunk in the database move on (its answer, its resolution) while this one is prepared.
        else if (sent % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (sent % 100_000 === 0) console.log(`  ${sent.toLocaleString('en')} records, ${Math.round(sent / ((performance.now() - started) / 1000))}/s`);
      }
      if (batch.length) await flush();
      await Promise.all(inFlight);
    };
    await Promise.all(parts.map(load));
    const seconds = (performance.now() - started) / 1000;
    const lastTenthSeconds = (performance.now() - lastTenthStarted) / 1000;
    const apiCpuMs = ((ownCpuSeconds() - apiCpuBefore) * 1000) / sent;
    const neo4jCpuAfter = processCpuSeconds(neo4j.pid);
    const speedAfter = machineSpeedMs();
    const neo4jCpuMs = neo4jCpuBefore === undefined || neo4jCpuAfter === undefined ? undefined : ((neo4jCpuAfter - neo4jCpuBefore) * 1000) / sent;

    // Single records are timed on a settled service: the full-text indexes have caught up with the
    // bulk load, and the first requests (warm-up) are not counted.
    await app.get(Neo4jService).writeRows('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
    const address = app.getHttpServer().address() as { port: number };
    const latencies: number[] = [];
    let index = 0;
    for (const item of generateRecords({ people: restCount + warmUp, seed: seed + 1 })) {
      if (index++ >= restCount + warmUp) break;
      const begin = performance.now();
      const response = await fetch(`http://127.0.0.1:${address.port}/v1/sources/${item.system}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ ...item.record, sourceId: `rest-${item.record.sourceId}` }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`REST ingest answered ${response.status}`);
      latencies.push(performance.now() - begin);
    }
    const warm = latencies.slice(warmUp);
    return {
      records: sent,
      'seconds': seconds.toFixed(1),
      'records/s': Math.round(sent / seconds),
      'records/s last 10 %': Math.round((sent - Math.floor(size * 0.9)) / lastTenthSeconds),
      outcomes: Object.entries(outcomes).map(([k, v]) => `${k} ${v}`).join(', '),
      'API CPU ms/record': apiCpuMs.toFixed(2),
      'Neo4j CPU ms/record': neo4jCpuMs === undefined ? 'n/a' : neo4jCpuMs.toFixed(2),
      // All cores busy on this work and nothing else: the most this machine could do at this CPU cost.
      'CPU ceiling records/s': neo4jCpuMs === undefined ? 'n/a' : Math.round((availableParallelism() * 1000) / (apiCpuMs + neo4jCpuMs)),
      'machine speed ms before / after': `${speedBefore} / ${speedAfter}`,
      'REST p50 ms': percentile(warm, 50).toFixed(1),
      'REST p95 ms': percentile(warm, 95).toFixed(1),
      'REST p99 ms': percentile(warm, 99).toFixed(1),
      'peak RSS MiB (API)': Math.round(process.resourceUsage().maxRSS / 1024),
      'store MiB': Math.round(directorySize(join(dataDir, 'data')) / 1024 / 1024),
    };
  } finally {
    await app.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A generated record checked and prepared as the API would (a refused one stops the benchmark). */
function preparedGenerated(item: GeneratedRecord, index: number, models: MatchModelProvider, receivedAt: string): PreparedRecord {
  const check = checkRecord(item.record);
  if (!check.ok) throw new Error(`generated record refused: ${JSON.stringify(check.errors)}`);
  return prepareRecord(item.system, check.record, index, models.current(), models.trustOf(item.system), receivedAt);
}

/**
 * Warms the ingest path: `count` records of another seed resolved in chunks, as the timed load
 * does, then every node but the schema's migrations and match models deleted.
 */
async function loadAndDelete(app: Awaited<ReturnType<typeof createApp>>, count: number, chunk: number, seed: number): Promise<void> {
  const pipeline = app.get(ResolutionPipeline);
  const models = app.get(MatchModelProvider);
  const receivedAt = new Date().toISOString();
  let batch: PreparedRecord[] = [];
  let sent = 0;
  for (const item of generateRecords({ people: count, seed })) {
    if (sent >= count) break;
    batch.push(preparedGenerated(item, sent++, models, receivedAt));
    if (batch.length >= chunk) {
      await pipeline.resolve(batch, 'bench-warm-up');
      batch = [];
    }
  }
  if (batch.length) await pipeline.resolve(batch, 'bench-warm-up');
  const [{ left }] = await app.get(Neo4jService).runAutoCommit(app.get(CypherRegistry).get('bench/delete-data'));
  if (Number(left) !== 0) throw new Error(`the warm-up load left ${left} nodes`);
  // The customer full-text indexes drop the deleted customers in the background: not during the timed load.
  await app.get(Neo4jService).writeRows('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
  console.log(`  warm-up: ${count.toLocaleString('en')} records loaded and deleted`);
}

/** The V8 flags this run had (the npm script passes --max-semi-space-size=64, as `npm start` does). */
function nodeFlags(): string {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(' ')].filter((flag) => flag.startsWith('--'));
  return flags.length ? flags.join(' ') : 'none';
}

function directorySize(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  return stat.isDirectory() ? readdirSync(path).reduce((sum, entry) => sum + directorySize(join(path, entry)), 0) : stat.size;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
