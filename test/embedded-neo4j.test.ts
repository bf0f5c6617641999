import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedNeo4j, freePort } from '../src/neo4j/embedded/embedded-neo4j';
import { describeIf, javaAvailable } from './support/describe-if';
import { createTestApp, TEST_KEYS } from './support/test-app';

const start = (dataDir: string, port = 0) => EmbeddedNeo4j.start({ dataDir, port, heapMb: 512, pageCacheMb: 64, log: () => undefined });

describeIf(javaAvailable(), 'no Java on this machine, so the embedded Neo4j cannot run (the other suites use NEO4J_URI or a container)')(
  'embedded Neo4j: persistence and outages',
  () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'customer-graph-embedded-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('keeps its data across a restart, and the second start applies no migration', async () => {
      let neo4j = await start(dataDir);
      let t = await createTestApp({ NEO4J_URI: neo4j.uri });
      expect(t.migration.applied.length).toBeGreaterThan(0);
      await t.neo4j.writeRows("CREATE (:Customer {id: 'persisted-1', status: 'ACTIVE', displayName: 'Kept Across Restarts'})");
      await t.close();
      await neo4j.stop();
      expect(neo4j.running).toBe(false);

      neo4j = await start(dataDir);
      t = await createTestApp({ NEO4J_URI: neo4j.uri });
      try {
        expect(t.migration.applied).toEqual([]);
        expect(t.migration.alreadyApplied.length).toBeGreaterThan(0);
        const rows = await t.neo4j.readRows("MATCH (c:Customer {id: 'persisted-1'}) RETURN c.displayName AS name");
        expect(rows).toEqual([{ name: 'Kept Across Restarts' }]);
      } finally {
        await t.close();
        await neo4j.stop();
      }
    }, 180_000);

    it('answers 503 while Neo4j is down and recovers without restarting the API', async () => {
      const port = await freePort();
      let neo4j = await start(dataDir, port);
      const t = await createTestApp({ NEO4J_URI: neo4j.uri, NEO4J_MAX_RETRY_MS: '500', NEO4J_CONNECTION_TIMEOUT_MS: '1000' });
      try {
        const search = () => t.http.get('/v1/customers').set('x-api-key', TEST_KEYS.analyst);
        expect((await search()).status).toBe(200);

        await neo4j.stop();
        const down = await search();
        expect(down.status).toBe(503);
        expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(down.headers['retry-after']).toBe('5');
        expect(down.body.code).toBe('DATABASE_UNAVAILABLE');
        const health = await t.http.get('/health');
        expect(health.status).toBe(503);
        expect(health.body).toMatchObject({ status: 'down', neo4j: { status: 'down' } });

        neo4j = await start(dataDir, port);
        expect((await search()).status).toBe(200);
        expect((await t.http.get('/health')).body.status).toBe('up');
      } finally {
        await t.close();
        await neo4j.stop();
      }
    }, 180_000);
  },
);
