import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { createApp } from '../src/app.factory';
import { createRootLogger } from '../src/common/logging/logger';
import { loadConfig } from '../src/config/app-config';
import { IngestRepository, LockedBatch, LockedCustomer } from '../src/ingest/ingest.repository';
import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { PreparedRecord, prepareRecord } from '../src/ingest/prepared-record';
import { checkRecord } from '../src/ingest/record-validation';
import { ResolutionPipeline } from '../src/ingest/resolution-pipeline.service';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j';
import { Neo4jService } from '../src/neo4j/neo4j.service';
import { SchemaMigrator } from '../src/neo4j/schema-migrator';
import { generateRecords, GENERATOR_VERSION } from '../seed/generator/generate';
import { recordResults } from './record-results';

/** The phases timed inside one chunk's transaction (IngestRepository's statements). */
const PHASES = ['lockAndReadBatch', 'lockAndReadCustomers', 'storeRecords', 'lockAndReadNeighbours', 'applyResolution'] as const;

/** The pipeline's one-transaction resolution, which this diagnostic runs in transactions it rolls back. */
interface ResolvesInTransaction {
  resolveInTransaction(tx: ManagedTransaction, records: PreparedRecord[], decidedBy: string): Promise<unknown>;
}

/**
 * Where one chunk's time goes on a grown graph: loads `--load` records once into a kept data
 * directory (the records bench:ingest's 1M run loads first), then resolves the next `--chunks`
 * chunks in transactions that are rolled back, so every round sees the same graph, timing each
 * statement, the engine (the rest of the transaction) and, with `--commit`, the commit of a last
 * round. Also counts what each statement writes. A diagnostic: records/s come from bench:ingest.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      load: { type: 'string', default: '500000' },
      chunk: { type: 'string', default: '2000' },
      chunks: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '3' },
      commit: { type: 'boolean', default: false },
      seed: { type: 'string', default: '42' },
      'data-dir': { type: 'string' },
    },
  });
  const [load, chunk, chunkCount, rounds, seed] = [values.load, values.chunk, values.chunks, values.rounds, values.seed].map(Number);
  for (const [name, value] of Object.entries({ load, chunk, chunks: chunkCount, rounds })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1 (got ${JSON.stringify(values[name as keyof typeof values])})`);
  }
  const dataDir = values['data-dir'] ?? join(tmpdir(), `customer-graph-chunk-phases-${load}-${seed}`);
  const loadedMarker = join(dataDir, 'loaded');
  const loaded = existsSync(loadedMarker);
  mkdirSync(dataDir, { recursive: true });
  const neo4j = await EmbeddedNeo4j.start({ dataDir, port: 0, heapMb: 4096, pageCacheMb: 12288, log: () => undefined });
  const config = loadConfig({ NEO4J_URI: neo4j.uri, LOG_LEVEL: 'silent', API_KEYS: 'bench-chunk-phases-key-0123:admin', NEO4J_MAX_RETRY_MS: '60000' });
  const app = await createApp(config, { logger: createRootLogger('silent') });
  try {
    await app.get(SchemaMigrator).migrate();
    const pipeline = app.get(ResolutionPipeline);
    const models = app.get(MatchModelProvider);
    const receivedAt = new Date().toISOString();
    const probed: PreparedRecord[][] = [];
    let batch: PreparedRecord[] = [];
    let sent = 0;
    const started = performance.now();
    // The generator is walked from the start either way: the probed chunks are the records after the load.
    for (const item of generateRecords({ people: 1_000_000, seed })) {
      if (sent >= load + chunkCount * chunk) break;
      // Records already loaded are only counted: preparing them again took minutes at 950k.
      if (loaded && sent < load) {
        sent++;
        continue;
      }
      const check = checkRecord(item.record);
      if (!check.ok) throw new Error(`generated record refused: ${JSON.stringify(check.errors)}`);
      batch.push(prepareRecord(item.system, check.record, sent, models.current(), models.trustOf(item.system), receivedAt));
      sent++;
      if (batch.length < chunk) continue;
      if (sent > load) probed.push(batch);
      else if (!loaded) await pipeline.resolve(batch, 'bench');
      batch = [];
      if (!loaded && sent % 100_000 === 0) console.log(`  loaded ${sent.toLocaleString('en')} records, ${Math.round(sent / ((performance.now() - started) / 1000))}/s`);
    }
    if (!loaded) writeFileSync(loadedMarker, `${GENERATOR_VERSION} seed ${seed}\n`);

    const repository = app.get(IngestRepository) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const spent: Record<string, number> = {};
    // What the first read of a chunk locks and reads, summed over every chunk of every round.
    const read: Record<string, number> = {};
    for (const phase of PHASES) {
      const original = repository[phase].bind(repository);
      repository[phase] = async (...args: unknown[]) => {
        const begin = performance.now();
        try {
          const result = await original(...args);
          if (phase === 'lockAndReadBatch') countRead(read, (result as LockedBatch).customers);
          if (phase === 'lockAndReadNeighbours') countRead(read, result as LockedCustomer[], 'neighbours');
          return result;
        } finally {
          spent[phase] = (spent[phase] ?? 0) + performance.now() - begin;
        }
      };
    }
    const writes: Record<string, Record<string, number>> = {};
    // The database's own time per statement in a round (its summary's available + consumed after).
    const serverMs: Record<string, number> = {};
    const driver = app.get(Neo4jService).driver;
    const rows: Array<Record<string, string | number>> = [];
    for (let round = 0; round < rounds; round++) {
      const committing = values.commit && round === rounds - 1;
      const totals: Record<string, number> = {};
      const neighbourPassesBefore = pipeline.counts.withNeighbours;
      for (const statement of Object.keys(serverMs)) delete serverMs[statement];
      for (const records of probed) {
        for (const phase of Object.keys(spent)) delete spent[phase];
        const session = driver.session();
        const tx = session.beginTransaction();
        const run = tx.run.bind(tx);
        // Counts what each statement writes, by its first line.
        (tx as unknown as { run: typeof tx.run }).run = ((query: string, parameters?: Record<string, unknown>) => {
          const result = run(query, parameters);
          const statement = statementName(query);
          result.then((done: QueryResult) => {
            const counts = (writes[statement] ??= {});
            for (const [name, value] of Object.entries(done.summary.counters.updates())) counts[name] = (counts[name] ?? 0) + value;
            const { resultAvailableAfter, resultConsumedAfter } = done.summary;
            serverMs[statement] = (serverMs[statement] ?? 0) + Number(resultAvailableAfter ?? 0) + Number(resultConsumedAfter ?? 0);
          }, () => undefined);
          return result;
        }) as typeof tx.run;
        const begin = performance.now();
        await (pipeline as unknown as ResolvesInTransaction).resolveInTransaction(tx as unknown as ManagedTransaction, records, 'bench');
        const inTransaction = performance.now() - begin;
        const ending = performance.now();
        if (committing) await tx.commit();
        else await tx.rollback();
        const end = performance.now() - ending;
        await session.close();
        const measured = { 'in transaction': inTransaction, ...spent, [committing ? 'commit' : 'rollback']: end };
        for (const [name, value] of Object.entries(measured)) totals[name] = (totals[name] ?? 0) + value;
      }
      const row: Record<string, string | number> = { round: round + 1, kind: committing ? 'committed' : 'rolled back' };
      for (const [name, value] of Object.entries(totals)) row[`${name} ms`] = Math.round(value / probed.length);
      // What the statements awaited one after another leave of the transaction: the engine, and storeRecords where it is the longer.
      row['engine ms'] = Math.round((totals['in transaction'] - (totals.lockAndReadBatch ?? 0) - (totals.lockAndReadCustomers ?? 0) - (totals.applyResolution ?? 0)) / probed.length);
      for (const [statement, value] of Object.entries(serverMs)) row[`${statement} in the database ms`] = Math.round(value / probed.length);
      row['chunks a neighbour changed'] = pipeline.counts.withNeighbours - neighbourPassesBefore;
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    const chunksRead = rounds * probed.length;
    const readNote = `Read per chunk: ${Object.entries(read)
      .map(([name, value]) => `${name} ${Math.round(value / chunksRead)}`)
      .join(', ')}`;
    console.log(readNote);
    // Statements that write nothing (read-record-payloads) are left out.
    const writeNotes = Object.entries(writes)
      .map(([statement, counts]) => [statement, Object.entries(counts).filter(([, value]) => value > 0)] as const)
      .filter(([, written]) => written.length > 0)
      .map(([statement, written]) => `${statement} writes per chunk: ${written.map(([name, value]) => `${name} ${Math.round(value / rounds / probed.length)}`).join(', ')}`);
    recordResults('chunk-phases', `One chunk of ${chunk} records resolved on a graph of ${load.toLocaleString('en')}: where its time goes`, rows, [
      `\`npm run bench:chunk-phases -- --load ${load} --chunk ${chunk} --chunks ${chunkCount} --rounds ${rounds}${values.commit ? ' --commit' : ''}\`; generator ${GENERATOR_VERSION}, seed ${seed}, the records bench:ingest's 1M run loads first; the next ${chunkCount} chunks are resolved in each round, in transactions rolled back${values.commit ? ' (committed in the last round)' : ''}. Milliseconds per chunk; the first round warms the JVM.`,
      'storeRecords and lockAndReadNeighbours run while the engine decides, and their figures are never below the engine\'s: the driver settles them only once the engine gives back the event loop; their own work is "… in the database". "engine" is "in transaction" less lockAndReadBatch, lockAndReadCustomers and applyResolution: the engine deciding (and planning the write), or the statements sent before it where they are the longer. "chunks a neighbour changed": of the round\'s chunks, those where a neighbour reached the link band, so the part of the chunk connected to it was resolved again with it (admitStandingEntities).',
      '"… in the database": the statement\'s own time in Neo4j (its summary\'s result available + consumed after), without the round trip and the driver\'s reading of the rows.',
      readNote,
      ...writeNotes,
    ]);
  } finally {
    await app.close();
    await neo4j.stop();
    // A committed round changed the graph: the next run loads again.
    if (values.commit) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Adds up what one lock-and-read returned: customers locked (candidates and previous, or neighbours) and their records. */
function countRead(read: Record<string, number>, customers: LockedCustomer[], kind = 'candidates and previous customers'): void {
  const add = (name: string, value: number) => (read[name] = (read[name] ?? 0) + value);
  add(kind, customers.length);
  add(`records of the ${kind}`, customers.reduce((sum, customer) => sum + customer.records.length, 0));
}

/** The statements of a chunk's transaction by what they are (see IngestRepository). */
function statementName(query: string): string {
  if (query.includes('$recordLocks')) return 'lock-and-read-batch';
  if (query.includes('RETURN size(changed) AS stored')) return 'store-records';
  if (query.includes('$batchKeys')) return 'lock-and-read-neighbours';
  if (query.includes('r.payload AS payload')) return 'read-record-payloads';
  if (query.includes('RETURN step')) return 'the write (applyResolution)';
  return query.split('\n').find((line) => line.trim() && !line.startsWith('//'))!.trim().slice(0, 40);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
