import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { checkRecord } from '../src/ingest/record-validation';
import { prepareRecord } from '../src/ingest/prepared-record';
import { recordToStore } from '../src/ingest/resolution-pipeline.service';
import { BOLT_CHUNK_BYTES, useLargeBoltChunks } from '../src/neo4j/bolt-chunk-size';
import { CypherRegistry } from '../src/neo4j/cypher-registry';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j';
import { defaultMatchModel } from '../src/resolution';
import { generateRecords, GENERATOR_VERSION } from '../seed/generator/generate';
import { ownCpuSeconds, processCpuSeconds } from './lib/process-cpu';
import { recordResults } from './record-results';

/** What one measuring process reports: per statement, in ms. */
interface Measured {
  mode: string;
  parameterMiB: number;
  wallMs: number;
  apiCpuMs: number;
  neo4jCpuMs: number;
}

/**
 * What the size of the driver's outgoing Bolt chunks costs: one chunk's store-records parameters
 * (2,000 generated records as the pipeline sends them) are sent again and again in a statement that
 * only counts them, by a process writing the driver's 1,400-byte chunks and one writing
 * BOLT_CHUNK_BYTES (useLargeBoltChunks), alternated against one embedded Neo4j. The switch is
 * process-wide, so each mode runs in its own child process.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '2000' },
      statements: { type: 'string', default: '100' },
      rounds: { type: 'string', default: '3' },
      child: { type: 'string' },
      uri: { type: 'string' },
      pid: { type: 'string' },
    },
  });
  const records = Number(values.records);
  const statements = Number(values.statements);
  if (values.child) {
    process.send!(await measure(values.child, values.uri!, Number(values.pid), records, statements));
    return;
  }
  const rounds = Number(values.rounds);
  const dataDir = join(tmpdir(), `customer-graph-bench-bolt-chunks-${process.pid}`);
  const neo4jProcess = await EmbeddedNeo4j.start({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 256, log: () => undefined });
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const mode of ['1400', 'large']) {
        const measured = await new Promise<Measured>((done, fail) => {
          const child = fork(process.argv[1], ['--child', mode, '--uri', neo4jProcess.uri, '--pid', String(neo4jProcess.pid), '--records', String(records), '--statements', String(statements)]);
          child.once('message', (message) => done(message as Measured));
          child.once('exit', (code) => (code === 0 ? undefined : fail(new Error(`measuring process for ${mode} exited with ${code}`))));
        });
        rows.push({
          round,
          'chunk bytes': mode === 'large' ? BOLT_CHUNK_BYTES : 1400,
          'parameters MiB': measured.parameterMiB,
          'wall ms/statement': measured.wallMs,
          'API CPU ms/statement': measured.apiCpuMs,
          'Neo4j CPU ms/statement': measured.neo4jCpuMs,
        });
        console.log(JSON.stringify(rows.at(-1)));
      }
    }
  } finally {
    await neo4jProcess.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  recordResults('bolt-chunks', 'Sending one chunk of records to Neo4j: the driver\'s 1,400-byte Bolt chunks against larger ones', rows, [
    `\`npm run bench:bolt-chunks -- --records ${records} --statements ${statements} --rounds ${rounds}\`; generator ${GENERATOR_VERSION}, seed 42: the store-records parameters of ${records} records, sent ${statements} times (after 10 not counted) in \`UNWIND $records AS r RETURN count(r)\` to an embedded Neo4j 5.26 on the same machine; each mode in its own process, alternated. CPU from /proc over the timed statements.`,
    `The service sends ${BOLT_CHUNK_BYTES}-byte chunks (src/neo4j/bolt-chunk-size.ts).`,
  ]);
}

async function measure(mode: string, uri: string, neo4jPid: number, count: number, statements: number): Promise<Measured> {
  if (mode === 'large' && !useLargeBoltChunks()) throw new Error('useLargeBoltChunks found no Chunker to change');
  const model = defaultMatchModel();
  const toStore = [];
  for (const item of generateRecords({ people: count, seed: 42 })) {
    if (toStore.length >= count) break;
    const check = checkRecord(item.record);
    if (!check.ok) throw new Error(`generated record refused: ${JSON.stringify(check.errors)}`);
    toStore.push(recordToStore(prepareRecord(item.system, check.record, toStore.length, model, 1, new Date().toISOString())));
  }
  // The bare driver, not Neo4jService: the service always enlarges the chunks.
  const driver = neo4j.driver(uri);
  const session = driver.session();
  try {
    const query = new CypherRegistry().get('bench/count-sent-records');
    for (let i = 0; i < 10; i++) await session.run(query, { records: toStore });
    const apiBefore = ownCpuSeconds();
    const neo4jBefore = processCpuSeconds(neo4jPid) ?? NaN;
    const started = performance.now();
    for (let i = 0; i < statements; i++) await session.run(query, { records: toStore });
    const perStatement = (seconds: number) => Math.round((seconds * 1000 * 10) / statements) / 10;
    return {
      mode,
      parameterMiB: Math.round((Buffer.byteLength(JSON.stringify(toStore)) / 2 ** 20) * 10) / 10,
      wallMs: perStatement((performance.now() - started) / 1000),
      apiCpuMs: perStatement(ownCpuSeconds() - apiBefore),
      neo4jCpuMs: perStatement((processCpuSeconds(neo4jPid) ?? NaN) - neo4jBefore),
    };
  } finally {
    await session.close();
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
