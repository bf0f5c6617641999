import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { createRootLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/app-config';
import { CypherRegistry } from '../../src/neo4j/cypher-registry';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded/embedded-neo4j';
import { Neo4jService } from '../../src/neo4j/neo4j.service';
import { SchemaMigrator } from '../../src/neo4j/schema-migrator';
import { percentile } from '../record-results';

const API_KEY = 'bench-service-key-0123456789';

/** The API on an embedded Neo4j of its own, listening on a free port, for latency benchmarks. */
export interface BenchService {
  app: INestApplication;
  graph: Neo4jService;
  cypher: CypherRegistry;
  /** Where the graph lives, and the page cache it was given. */
  dataDir: string;
  pageCacheMb: number;
  /** GET through HTTP with the benchmark's admin key; throws on a non-2xx answer. */
  get<T = Record<string, any>>(path: string): Promise<{ ms: number; body: T }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** POST a JSON body through HTTP with the admin key; throws on a non-2xx answer. */
  post<T = Record<string, any>>(path: string, body: unknown): Promise<{ ms: number; body: T }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** `dataDir` keeps the graph between runs (a later run reuses it); without it a temporary one is removed at the end. */
export async function startBenchService(dataDir: string | undefined, name: string): Promise<BenchService> {
  const directory = dataDir ?? mkdtempSync(join(tmpdir(), `customer-graph-bench-${name}-`));
  // The page cache should hold the store, as Neo4j's sizing guide advises (the 1M-customer graphs
  // take 11 GiB); BENCH_PAGE_CACHE_MB tries other sizes.
  const pageCacheMb = Number(process.env.BENCH_PAGE_CACHE_MB ?? 12288);
  const embedded = await EmbeddedNeo4j.start({ dataDir: directory, port: 0, heapMb: 4096, pageCacheMb, log: () => undefined });
  const config = loadConfig({ NEO4J_URI: embedded.uri, LOG_LEVEL: 'silent', API_KEYS: `${API_KEY}:admin`, NEO4J_MAX_RETRY_MS: '60000', THROTTLE_LIMIT: '100000000' });
  const app = await createApp(config, { logger: createRootLogger('silent') });
  await app.get(SchemaMigrator).migrate();
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  async function call<T>(path: string, init: RequestInit): Promise<{ ms: number; body: T }> {
    const begin = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`, init);
    const body = (await response.json()) as T;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - begin, body };
  }
  return {
    app,
    graph: app.get(Neo4jService),
    cypher: app.get(CypherRegistry),
    dataDir: directory,
    pageCacheMb,
    get<T>(path: string) {
      return call<T>(path, { headers: { 'x-api-key': API_KEY } });
    },
    post<T>(path: string, body: unknown) {
      return call<T>(path, { method: 'POST', headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    },
    async close() {
      await app.close();
      await embedded.stop();
      if (!dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** One result row: p50, p95 and p99 of a list of latencies, plus whatever else the benchmark reports. */
export function latencyRow(query: string, latencies: number[], extra: Record<string, string | number> = {}): Record<string, string | number> {
  return {
    query,
    samples: latencies.length,
    'p50 (ms)': Number(percentile(latencies, 50).toFixed(1)),
    'p95 (ms)': Number(percentile(latencies, 95).toFixed(1)),
    'p99 (ms)': Number(percentile(latencies, 99).toFixed(1)),
    ...extra,
  };
}
