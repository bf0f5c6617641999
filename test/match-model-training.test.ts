import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { loadMatchSettings } from '../src/resolution';
import { generatePeople } from './support/people';
import { createTestApp, TEST_KEYS, TestApp, uniqueTag } from './support/test-app';

interface LevelView { level: string; m: number; u: number; weight: number; pinned: boolean }
interface ModelView { version: string; source: string; trainedAt: string | null; linkThreshold: number; comparisons: Array<{ name: string; levels: LevelView[] }> }

async function finished(t: TestApp, job: { id: string; status: string }): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let current = job;
  while (current.status === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    current = (await t.http.get(`/v1/admin/jobs/${job.id}`).set('x-api-key', TEST_KEYS.admin)).body;
  }
  return current;
}

describe('match model trained from the data by EM (real Neo4j)', () => {
  let t: TestApp;
  let replica: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ THROTTLE_LIMIT: '100000' });
  });
  afterAll(async () => {
    // Other test files share the database: leave the settings weights in force.
    await t.http.delete('/v1/admin/resolution/model').set('x-api-key', TEST_KEYS.admin);
    await replica?.close();
    await t.close();
  });

  it('estimates m/u from the stored records, keeps pinned levels, stores the model for every replica, and can go back to the settings', async () => {
    const records = generatePeople(150, uniqueTag('mm'), 5);
    for (const system of new Set(records.map((item) => item.system))) {
      const items = records.filter((item) => item.system === system).map((item) => item.record);
      const response = await t.http.post(`/v1/sources/${system}/records`).set('x-api-key', TEST_KEYS.ingest).send(items);
      expect(response.status).toBe(200);
    }
    const settings = loadMatchSettings();
    const before: ModelView = (await t.http.get('/v1/admin/resolution/model').set('x-api-key', TEST_KEYS.analyst)).body;
    expect(before).toMatchObject({ source: 'settings', trainedAt: null, version: `${settings.version}/default`, linkThreshold: settings.linkThreshold });

    const started = await t.http.post('/v1/admin/resolution/model/train').set('x-api-key', TEST_KEYS.admin).send({ seed: 3, randomPairs: 20000 });
    expect(started.status).toBe(202);
    const job = await finished(t, started.body);
    expect(job).toMatchObject({ status: 'SUCCEEDED', kind: 'match-model-training' });
    expect(job.result.records).toBeGreaterThanOrEqual(records.length);
    expect(job.result.version).toMatch(new RegExp(`^${settings.version}/em-`));
    expect(job.result.rules.some((rule: { accepted: boolean }) => rule.accepted)).toBe(true);
    expect(job.result.randomMatchesLeftOut).toEqual(expect.any(Number));

    const trained: ModelView = (await t.http.get('/v1/admin/resolution/model').set('x-api-key', TEST_KEYS.analyst)).body;
    // A trained model links at its own threshold, the settings weights at theirs.
    expect(trained).toMatchObject({ source: 'trained', version: job.result.version, linkThreshold: settings.trainedLinkThreshold });
    const settingsLevel = (comparison: string, level: string) => settings.comparisons[comparison].levels.find((candidate) => candidate.name === level)!;
    let changed = 0;
    for (const comparison of trained.comparisons) {
      for (const level of comparison.levels) {
        const configured = settingsLevel(comparison.name, level.level);
        if (configured.pinned) expect({ m: level.m, u: level.u }).toEqual({ m: configured.m, u: configured.u });
        else if (Math.abs(level.m - configured.m) > 1e-6 || Math.abs(level.u - configured.u) > 1e-9) changed++;
        expect(level.weight).toBeCloseTo(Math.log2(level.m / level.u), 1);
      }
    }
    expect(changed).toBeGreaterThan(5);

    // Another replica starting now loads the stored model instead of the settings weights.
    replica = await createTestApp();
    expect(replica.app.get(MatchModelProvider).current().version).toBe(job.result.version);
    const decision = await replica.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.ingest).send({ ...records[0].record, sourceId: `${records[0].record.sourceId}-again` });
    expect(decision.status).toBe(200);
    expect(decision.body.outcome).toBe('linked');

    const reset = await t.http.delete('/v1/admin/resolution/model').set('x-api-key', TEST_KEYS.admin);
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ source: 'settings', version: `${settings.version}/default`, linkThreshold: settings.linkThreshold });
    await replica.app.get(MatchModelProvider).refresh();
    expect(replica.app.get(MatchModelProvider).current().version).toBe(`${settings.version}/default`);
  }, 300_000);

  it('refuses bad training requests with a problem naming the field, and non-admins', async () => {
    const tooFew = await t.http.post('/v1/admin/resolution/model/train').set('x-api-key', TEST_KEYS.admin).send({ randomPairs: 5 });
    expect(tooFew.status).toBe(400);
    expect(JSON.stringify(tooFew.body)).toContain('randomPairs');
    const tooMany = await t.http.post('/v1/admin/resolution/model/train').set('x-api-key', TEST_KEYS.admin).send({ randomPairs: 10_000_001 });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('randomPairs');
    const unknown = await t.http.post('/v1/admin/resolution/model/train').set('x-api-key', TEST_KEYS.admin).send({ iterations: 3 });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('iterations');
    expect((await t.http.post('/v1/admin/resolution/model/train').set('x-api-key', TEST_KEYS.analyst).send({})).status).toBe(403);
    expect((await t.http.delete('/v1/admin/resolution/model').set('x-api-key', TEST_KEYS.ingest)).status).toBe(403);
    expect((await t.http.get('/v1/admin/resolution/model').set('x-api-key', TEST_KEYS.ingest)).status).toBe(403);
  });

  it('answers 409 and starts no job when the graph holds fewer records than MATCH_MODEL_MIN_RECORDS', async () => {
    const strict = await createTestApp({ MATCH_MODEL_MIN_RECORDS: '100000000' });
    try {
      const jobsOf = async () => (await strict.neo4j.readRows<{ jobs: number }>(`MATCH (j:Job {kind: 'match-model-training'}) RETURN count(j) AS jobs`))[0].jobs;
      const before = await jobsOf();
      const refused = await strict.http.post('/v1/admin/resolution/model/train').set('x-api-key', TEST_KEYS.admin).send({});
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.detail).toContain('MATCH_MODEL_MIN_RECORDS');
      expect(await jobsOf()).toBe(before);
    } finally {
      await strict.close();
    }
  });
});
