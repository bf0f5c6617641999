import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.factory';
import { createRootLogger } from '../src/common/logging/logger';
import { loadConfig } from '../src/config/app-config';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j';
import { ensureEmbeddedNeo4jBuilt } from '../src/neo4j/embedded/build-embedded-neo4j';
import { SchemaMigrator } from '../src/neo4j/schema-migrator';
import { percentile, recordResults } from './record-results';

/**
 * Start-up figures: the embedded Neo4j's cold start (new data folder) and warm start
 * (existing data), and the API's start (app built, schema checked, listening) once Neo4j is up.
 */
async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  ensureEmbeddedNeo4jBuilt();
  const cold: number[] = [];
  const warm: number[] = [];
  const api: number[] = [];
  const stop: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'customer-graph-bench-startup-'));
    const options = { dataDir, port: 0, heapMb: 1024, pageCacheMb: 512, log: () => undefined };
    let neo4j = await EmbeddedNeo4j.start(options);
    cold.push(neo4j.startupMs);
    let started = performance.now();
    await neo4j.stop();
    stop.push(performance.now() - started);
    neo4j = await EmbeddedNeo4j.start(options);
    warm.push(neo4j.startupMs);

    started = performance.now();
    const config = loadConfig({ NEO4J_URI: neo4j.uri, PORT: '0', LOG_LEVEL: 'silent', API_KEYS: 'bench-admin-key-0123456789:admin' });
    const app = await createApp(config, { logger: createRootLogger('silent') });
    await app.get(SchemaMigrator).migrate();
    await app.listen(0, '127.0.0.1');
    api.push(performance.now() - started);
    await app.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const row = (what: string, values: number[]) => ({
    measurement: what,
    rounds: values.length,
    'median ms': Math.round(percentile(values, 50)),
    'max ms': Math.round(Math.max(...values)),
  });
  recordResults(
    'startup',
    'Start-up times',
    [
      row('embedded Neo4j cold start (new data folder, JVM spawn → Bolt ready)', cold),
      row('embedded Neo4j warm start (existing data folder)', warm),
      row('embedded Neo4j clean stop', stop),
      row('API start (create app + schema migrations on a new store + listen)', api),
    ],
    ['`npm run bench:startup`; heap 1 GiB, page cache 512 MiB; the API start includes applying every schema migration on a new store.'],
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
