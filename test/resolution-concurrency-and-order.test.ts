import { createTestApp, TEST_KEYS, TestApp, uniqueTag } from './support/test-app';
import { generatePeople, GeneratedRecord, seededRandom, shuffled } from './support/people';

/** Sends records as arrays of `batchSize` per system, one request after another. */
async function sendAll(t: TestApp, records: GeneratedRecord[], batchSize: number): Promise<void> {
  for (let start = 0; start < records.length; start += batchSize) {
    const slice = records.slice(start, start + batchSize);
    const bySystem = new Map<string, GeneratedRecord[]>();
    for (const item of slice) bySystem.set(item.system, [...(bySystem.get(item.system) ?? []), item]);
    for (const [system, items] of bySystem) {
      const response = await t.http.post(`/v1/sources/${system}/records`).set('x-api-key', TEST_KEYS.ingest).send(items.map((item) => item.record));
      if (response.status !== 200 || response.body.errors.length > 0) throw new Error(`ingest failed: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    }
  }
}

/** Runs a rebuild through the API and waits for its job; answers the job's result. */
async function rebuild(t: TestApp): Promise<Record<string, number>> {
  const started = await t.http.post('/v1/admin/resolution/rebuild').set('x-api-key', TEST_KEYS.admin);
  expect(started.status).toBe(202);
  let job = started.body;
  while (job.status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = (await t.http.get(`/v1/admin/jobs/${job.id}`).set('x-api-key', TEST_KEYS.admin)).body;
  }
  expect(job).toMatchObject({ status: 'SUCCEEDED', kind: 'resolution-rebuild' });
  return job.result;
}

/** The partition of one tag's records as sorted lists of `person-record` ordinals. */
async function partitionOf(t: TestApp, tag: string): Promise<string[]> {
  const rows = await t.neo4j.readRows<{ customerId: string; status: string; keys: string[] }>(
    `MATCH (r:SourceRecord)-[:RESOLVED_TO]->(c:Customer) WHERE r.sourceId STARTS WITH $prefix
     WITH c, collect(r.sourceId) AS ids RETURN c.id AS customerId, c.status AS status, ids AS keys`,
    { prefix: `${tag}-` },
  );
  for (const row of rows) expect(row.status).toBe('ACTIVE');
  return rows.map((row) => row.keys.map((id) => id.slice(tag.length + 1)).sort().join(' ')).sort();
}

function truthOf(records: GeneratedRecord[], tag: string): string[] {
  const byPerson = new Map<number, string[]>();
  for (const item of records) byPerson.set(item.personIndex, [...(byPerson.get(item.personIndex) ?? []), item.record.sourceId.slice(tag.length + 1)]);
  return [...byPerson.values()].map((ids) => ids.sort().join(' ')).sort();
}

describe('resolution under concurrency and in any order (real Neo4j)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NEO4J_MAX_RETRY_MS: '60000', THROTTLE_LIMIT: '100000' });
  });
  afterAll(() => t.close());

  it('8 parallel clients sending the same 1,000 people in different orders create no duplicates', async () => {
    const tag = uniqueTag('cc');
    const records = generatePeople(1000, tag, 7);
    await Promise.all(Array.from({ length: 8 }, (_, client) => sendAll(t, shuffled(records, seededRandom(100 + client)), 50)));

    const [counts] = await t.neo4j.readRows<{ records: number; links: number; unlinked: number }>(
      `MATCH (r:SourceRecord) WHERE r.sourceId STARTS WITH $prefix
       RETURN count(r) AS records, sum(COUNT { (r)-[:RESOLVED_TO]->(:Customer {status: 'ACTIVE'}) }) AS links,
              sum(CASE WHEN COUNT { (r)-[:RESOLVED_TO]->() } = 1 THEN 0 ELSE 1 END) AS unlinked`,
      { prefix: `${tag}-` },
    );
    expect(counts).toEqual({ records: records.length, links: records.length, unlinked: 0 });
    expect(await partitionOf(t, tag)).toEqual(truthOf(records, tag));
  }, 600_000);

  it('five random orders give identical partitions', async () => {
    const partitions: string[][] = [];
    let truth: string[] = [];
    const tags: string[] = [];
    for (let order = 0; order < 5; order++) {
      const tag = uniqueTag(`or${order}x`);
      tags.push(tag);
      const records = generatePeople(150, tag, 11);
      truth = truthOf(records, tag);
      await sendAll(t, shuffled(records, seededRandom(order + 1)), 1 + order * 20);
      partitions.push(await partitionOf(t, tag));
    }
    for (const partition of partitions.slice(1)) expect(partition).toEqual(partitions[0]);
    expect(partitions[0]).toEqual(truth);

    // A full rebuild from the source records reaches the same partition.
    await rebuild(t);
    for (const tag of tags) expect(await partitionOf(t, tag)).toEqual(partitions[0]);
    expect((await t.http.post('/v1/admin/resolution/rebuild').set('x-api-key', TEST_KEYS.analyst)).status).toBe(403);
  }, 600_000);

  it('a rebuild re-links records stored under older blocking keys to the current ones', async () => {
    const tag = uniqueTag('rk');
    const record = {
      sourceId: `${tag}-1`, name: { given: 'Ingrid', family: `Rekeyson${tag}` }, birthDate: '1971-05-06',
      addresses: [{ line1: '9 Key Street', locality: 'York', postcode: 'YO1 7HH', country: 'GB' }],
    };
    expect((await t.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.ingest).send(record)).status).toBe(200);
    const keysOf = async () =>
      (await t.neo4j.readRows<{ key: string }>('MATCH (:SourceRecord {key: $key})-[:HAS_KEY]->(k:BlockingKey) RETURN k.key AS key ORDER BY key', { key: `crm:${tag}-1` })).map((row) => row.key);
    const current = await keysOf();
    expect(current.length).toBeGreaterThan(1);
    // As a record stored by a version with other keys: one key gone, one key no longer made.
    await t.neo4j.writeRows(
      `MATCH (r:SourceRecord {key: $key})-[h:HAS_KEY]->(k:BlockingKey {key: $dropped}) DELETE h
       WITH DISTINCT r MERGE (old:BlockingKey {key: $stale}) MERGE (r)-[:HAS_KEY]->(old)`,
      { key: `crm:${tag}-1`, dropped: current[0], stale: `pc:YO17HH|${tag}` },
    );
    expect(await keysOf()).not.toEqual(current);

    const result = await rebuild(t);
    expect(result.keysRefreshed).toBeGreaterThanOrEqual(1);
    expect(await keysOf()).toEqual(current);
  }, 300_000);

  it('a rebuild reads records stored by older normalisers again from what the source sent', async () => {
    const tag = uniqueTag('rn');
    const key = `crm:${tag}-1`;
    const record = {
      sourceId: `${tag}-1`, name: { given: 'Bob', family: `Renormson${tag}` }, birthDate: '1968-02-03',
      addresses: [{ line1: '195 ch. Jean Jaurès', locality: 'Paris', postcode: '75002', country: 'FR' }],
    };
    expect((await t.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.ingest).send(record)).status).toBe(200);
    const stored = async () => (await t.neo4j.readRows<{ normalised: string }>('MATCH (r:SourceRecord {key: $key}) RETURN r.normalised AS normalised', { key }))[0].normalised;
    const current = await stored();
    // As a version that knew neither the nickname nor the street type stored it.
    const older = JSON.parse(current);
    older.given = ['BOB'];
    older.addresses[0].key = older.addresses[0].key.replace('|JEAN', '|CH');
    await t.neo4j.writeRows('MATCH (r:SourceRecord {key: $key}) SET r.normalised = $normalised', { key, normalised: JSON.stringify(older) });

    const result = await rebuild(t);
    expect(result.recordsRenormalised).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(await stored())).toEqual(JSON.parse(current));
    expect(JSON.parse(current).given).toEqual(['ROBERT']);
  }, 300_000);

  it('parallel batches whose records name each other and share contacts never deadlock', async () => {
    const tag = uniqueTag('dl');
    const failuresBefore = [...t.neo4j.transientWriteFailures.values()].reduce((sum, count) => sum + count, 0);
    const pairs = 30;
    const side = (round: number, letter: 'a' | 'b', i: number) => {
      const other = letter === 'a' ? 'b' : 'a';
      return {
        sourceId: `${tag}-${round}-${letter}${i}`,
        name: { given: letter === 'a' ? 'Alma' : 'Bruno', family: `Pairson${round}x${i}` },
        birthDate: letter === 'a' ? '1980-01-02' : '1978-11-12',
        emails: [`home.${round}.${i}.${tag}@example.com`],
        phones: [`+44 20 7946 ${String(round * 100 + i).padStart(4, '0')}`],
        addresses: [{ line1: `${i + 1} Lock Order Lane`, locality: 'Leeds', postcode: `LS${round + 1} ${i % 9}AB`, country: 'GB' }],
        relationships: [{ type: 'SPOUSE', target: { system: 'crm', sourceId: `${tag}-${round}-${other}${i}` } }],
      };
    };
    for (let round = 0; round < 5; round++) {
      // The two batches name each other's records and reach the shared nodes in opposite orders:
      // without one lock order across records, contacts and addresses, they wait on each other.
      const a = Array.from({ length: pairs }, (_, i) => side(round, 'a', i));
      const b = Array.from({ length: pairs }, (_, i) => side(round, 'b', pairs - 1 - i));
      const responses = await Promise.all([a, b].map((batch) => t.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.ingest).send(batch)));
      for (const response of responses) expect({ status: response.status, errors: response.body.errors }).toEqual({ status: 200, errors: [] });
    }
    const failuresAfter = [...t.neo4j.transientWriteFailures.values()].reduce((sum, count) => sum + count, 0);
    expect(failuresAfter - failuresBefore).toBe(0);

    const [graph] = await t.neo4j.readRows<{ records: number; stubs: number; spouses: number }>(
      `MATCH (r:SourceRecord) WHERE r.sourceId STARTS WITH $prefix
       RETURN count(r) AS records, sum(CASE WHEN r.stub THEN 1 ELSE 0 END) AS stubs,
              sum(COUNT { (r)-[:RELATED_TO {type: 'SPOUSE'}]->(:SourceRecord) }) AS spouses`,
      { prefix: `${tag}-` },
    );
    expect(graph).toEqual({ records: 5 * 2 * pairs, stubs: 0, spouses: 5 * 2 * pairs });
    const metrics = await t.http.get('/metrics');
    expect(metrics.text).toContain('# TYPE neo4j_write_transient_failures_total counter');
  }, 300_000);
});
