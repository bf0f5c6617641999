import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { projectRoot } from '../src/config/project-root';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j';
import { describeIf, javaAvailable } from './support/describe-if';

const root = projectRoot();
const seedCli = join(root, 'dist', 'src', 'cli', 'seed', 'seed-cli.js');

function runSeed(dataDir: string, uri: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(seedCli)) throw new Error('dist/ is missing: `npm test` builds first; run `npm run build` when running jest directly');
  const child = spawn(process.execPath, [seedCli, '--data-dir', dataDir], { cwd: root, env: { ...process.env, NEO4J_URI: uri, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

// A Neo4j of its own: the demo's thousands of common names stay out of the shared test database.
describeIf(javaAvailable(), 'no Java on this machine for a Neo4j of its own')('npm run seed (the demo dataset)', () => {
  let graph: EmbeddedNeo4j;
  let driver: Driver;
  let workDir: string;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'customer-graph-seed-'));
    graph = await EmbeddedNeo4j.start({ dataDir: join(workDir, 'neo4j'), port: 0, heapMb: 768, pageCacheMb: 128, log: () => undefined });
    driver = neo4j.driver(graph.uri);
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
    await graph?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('loads every demo record, resolves the duplicates of one person onto one customer, and a second run loads nothing', async () => {
    const dataDir = join(workDir, 'demo');
    const first = await runSeed(dataDir, graph.uri);
    expect(first.stderr).not.toMatch(/seed failed/);
    expect(first.code).toBe(0);

    const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
    expect(first.stdout).toContain(`loaded ${manifest.records.total} records (0 rejected`);
    expect(first.stdout).toContain(`loaded ${manifest.events.total} events (0 refused)`);
    for (const folder of ['events', 'watchlists', 'truth']) expect(existsSync(join(dataDir, folder))).toBe(true);

    // Ground truth against the graph: every record on one active customer, and the partition close to the truth.
    const truth = readFileSync(join(dataDir, 'truth', 'records.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const { records } = await driver.executeQuery(
      `UNWIND $keys AS key MATCH (r:SourceRecord {key: key})-[:RESOLVED_TO]->(c:Customer {status: 'ACTIVE'}) RETURN r.key AS key, c.id AS customerId`,
      { keys: truth.map(([system, sourceId]) => `${system}:${sourceId}`) },
    );
    expect(records).toHaveLength(truth.length);
    const customerOf = new Map(records.map((record) => [record.get('key') as string, record.get('customerId') as string]));
    const { precision, recall } = pairwise(truth.map(([system, sourceId, entityId]) => ({ entityId, customerId: customerOf.get(`${system}:${sourceId}`)! })));
    expect(precision).toBeGreaterThan(0.95);
    expect(recall).toBeGreaterThan(0.8);

    // The watchlist's truth: its true hits are hits on their customers, its near misses are not.
    const watchlistTruth = readFileSync(join(dataDir, 'truth', 'watchlist-hits.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const customersOfEntity = new Map<string, Set<string>>();
    for (const [system, sourceId, entityId] of truth) customersOfEntity.set(entityId, (customersOfEntity.get(entityId) ?? new Set()).add(customerOf.get(`${system}:${sourceId}`)!));
    const { records: hitRows } = await driver.executeQuery(`MATCH (c:Customer {status: 'ACTIVE'})-[:POSSIBLE_MATCH]->(w:WatchlistEntry {list: 'demo-sanctions'}) RETURN c.id AS customerId, w.entryId AS entryId`);
    const hits = new Set(hitRows.map((row) => `${row.get('customerId')}|${row.get('entryId')}`));
    const hitFor = ([entryId, entityId]: string[]) => [...(customersOfEntity.get(entityId) ?? [])].some((customerId) => hits.has(`${customerId}|${entryId}`));
    expect(watchlistTruth.filter((row) => row[2] === 'true_hit').map(hitFor)).toEqual(watchlistTruth.filter((row) => row[2] === 'true_hit').map(() => true));
    expect(watchlistTruth.filter((row) => row[2] === 'near_miss').map(hitFor)).toEqual(watchlistTruth.filter((row) => row[2] === 'near_miss').map(() => false));
    expect(first.stdout).toMatch(/watchlist demo-sanctions: 200 entries \(200 new, 0 rejected\)/);

    const second = await runSeed(dataDir, graph.uri);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/already in the graph; nothing to load/);
  }, 240_000);
});

/** Pairwise precision and recall of a clustering against the truth, counted per pair of records. */
function pairwise(rows: Array<{ entityId: string; customerId: string }>): { precision: number; recall: number } {
  const pairs = (groups: Map<string, number>) => [...groups.values()].reduce((sum, size) => sum + (size * (size - 1)) / 2, 0);
  const count = (key: (row: { entityId: string; customerId: string }) => string) => {
    const groups = new Map<string, number>();
    for (const row of rows) groups.set(key(row), (groups.get(key(row)) ?? 0) + 1);
    return groups;
  };
  const both = pairs(count((row) => `${row.entityId}|${row.customerId}`));
  return { precision: both / pairs(count((row) => row.customerId)), recall: both / pairs(count((row) => row.entityId)) };
}
