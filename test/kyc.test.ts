import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importWatchlist } from '../src/cli/watchlist/watchlist-import';
import { AuditService } from '../src/common/audit/audit.service';
import { AutoScreening } from '../src/kyc/screening/auto-screening.service';
import { createTestApp, TEST_KEYS, TestApp, uniqueSurname, uniqueTag } from './support/test-app';

type Hit = { id: string; status: string; score: number; list: string; entryId: string; factors: Array<{ factor: string; effect: number; detail: string }> };
type Profile = {
  customerId: string;
  risk: { score: number; threshold: number; factors: Array<{ factor: string; weight: number; value: number; contribution: number; detail: string }> };
  alert: { id: string; status: string } | null;
  hits: Hit[];
  exposure: { hops: number; flagged: { customerId: string }; path: { customers: string[]; edges: Array<{ type: string }> } } | null;
};

describe('KYC: watchlists, screening, ownership, exposure, risk and audit', () => {
  let t: TestApp;
  const analyst = { 'x-api-key': TEST_KEYS.analyst };
  const ingestKey = { 'x-api-key': TEST_KEYS.ingest };
  const admin = { 'x-api-key': TEST_KEYS.admin };
  const tag = uniqueTag('k');
  const list = `sanctions-${tag}`;
  const system = 'kycbank';
  const sourceId = (name: string) => `${tag}-${name}`;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function loadEntries(entries: unknown[], mode = 'partial', listName = list) {
    const response = await t.http.post(`/v1/watchlists/${listName}/entries?mode=${mode}`).set(ingestKey).send(entries);
    expect(response.status).toBe(200);
    if (response.body.screeningJobId) await finished(response.body.screeningJobId);
    return response.body;
  }

  async function finished(jobId: string) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const job = await t.http.get(`/v1/admin/jobs/${jobId}`).set(admin);
      if (job.body.status !== 'RUNNING') {
        expect(job.body.status).toBe('SUCCEEDED');
        return job.body;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  async function ingest(records: unknown[]): Promise<string[]> {
    const response = await t.http.post(`/v1/sources/${system}/records`).set(ingestKey).send(records);
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([]);
    await t.app.get(AutoScreening).idle();
    return response.body.results.map((result: { customerId: string }) => result.customerId);
  }

  const profile = async (customerId: string): Promise<Profile> => {
    const response = await t.http.get(`/v1/kyc/customers/${customerId}`).set(analyst);
    expect(response.status).toBe(200);
    return response.body;
  };
  const openAlertsOf = async (customerId: string) => {
    const response = await t.http.get('/v1/kyc/alerts?status=all&limit=100').set(analyst);
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ id: string; customerId: string; status: string; raisedAt: string }>).filter((alert) => alert.customerId === customerId);
  };
  const screen = (body: Record<string, unknown>) => t.http.post('/v1/kyc/screenings').set(analyst).send({ lists: [list], ...body });

  describe('screening a name', () => {
    const family = uniqueSurname();
    beforeAll(async () => {
      const loaded = await loadEntries([
        { entryId: 'E-PETROV', type: 'person', names: [`${family.toUpperCase()}, Wiktor`], birthDates: ['1971-03-02'], countries: ['RU'], topics: ['sanctions'] },
        { entryId: 'E-SMITH', type: 'person', names: [`Smith${family}, John Michael`], birthDates: ['1980-04-12'], countries: ['GB'], topics: ['pep'] },
        { entryId: 'E-SMITHERS', type: 'person', names: [`John Smith${family}ers`], birthDates: ['1962'], countries: ['US'], topics: ['crime'] },
        { entryId: 'E-TRADING', type: 'organization', names: [`${family} Trading JSC`], countries: ['TR'], topics: ['sanctions'] },
      ]);
      expect(loaded).toMatchObject({ created: 4, updated: 0, errors: [] });
    });

    it('finds a reordered, transliterated name with a missing middle name, and explains the score', async () => {
      const response = await screen({ name: `Viktor Aleksandrovich ${family}`, birthDate: '1971-03-02', country: 'RU' });
      expect(response.status).toBe(200);
      const [best] = response.body.matches;
      expect(best).toMatchObject({ list, entryId: 'E-PETROV', topics: ['sanctions'], matchedName: `${family.toUpperCase()}, Wiktor` });
      expect(best.score).toBeGreaterThanOrEqual(0.85);
      expect(best.factors.map((factor: { factor: string }) => factor.factor)).toEqual(expect.arrayContaining(['name', 'birthDate', 'country']));
      expect(best.factors.find((factor: { factor: string }) => factor.factor === 'birthDate').effect).toBeGreaterThan(0);

      // A birth date decades away lowers the same name's score.
      const older = await screen({ name: `Viktor Aleksandrovich ${family}`, birthDate: '1940-01-01', threshold: 0.5 });
      const far = older.body.matches.find((match: { entryId: string }) => match.entryId === 'E-PETROV');
      expect(far.score).toBeLessThan(best.score);
    });

    it('scores a different person with a similar common name below the true hit', async () => {
      const response = await screen({ name: `John Michael Smith${family}`, birthDate: '1980-04-12', country: 'GB', threshold: 0.5 });
      const scores = Object.fromEntries(response.body.matches.map((match: { entryId: string; score: number }) => [match.entryId, match.score]));
      expect(response.body.matches[0].entryId).toBe('E-SMITH');
      expect(scores['E-SMITH']).toBeGreaterThanOrEqual(0.85);
      expect(scores['E-SMITHERS'] ?? 0).toBeLessThan(0.85);
      expect(scores['E-SMITHERS'] ?? 0).toBeLessThan(scores['E-SMITH']);
    });

    it('screens organisations without their legal form', async () => {
      const response = await screen({ name: `${family.toUpperCase()} TRADING`, type: 'organization' });
      expect(response.body.matches[0]).toMatchObject({ entryId: 'E-TRADING' });
    });

    it('refuses bad screening requests with the field named', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ birthDate: '1971-03-02' }, 'name'],
        [{ name: 'Viktor Petrov', birthDate: '1971-02-30' }, 'birthDate'],
        [{ name: 'Viktor Petrov', country: 'Russia' }, 'country'],
        [{ name: 'Viktor Petrov', threshold: 2 }, 'threshold'],
        [{ name: 'Viktor Petrov', nickname: 'Vik' }, 'nickname'],
      ];
      for (const [body, field] of cases) {
        const response = await t.http.post('/v1/kyc/screenings').set(analyst).send(body);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      }
      expect((await t.http.post('/v1/kyc/screenings').set(ingestKey).send({ name: 'Viktor Petrov' })).status).toBe(403);
    });
  });

  describe('loading lists', () => {
    it('reports a bad entry by index and field, loads the others, and withdraws on removal and on a full reload', async () => {
      const name = `lists-${tag}`;
      const first = await loadEntries(
        [
          { entryId: 'A', type: 'person', names: ['Alpha Person'], topics: ['pep'] },
          { entryId: 'B', type: 'person', names: ['Bravo Person'], birthDates: ['1980-02-30'] },
          { entryId: 'C', type: 'organization', names: ['Charlie Ltd'], topics: ['sanctions'] },
          { entryId: 'D', type: 'person', names: ['Delta Person'], topics: ['terrorism-ish'] },
        ],
        'partial',
        name,
      );
      expect(first).toMatchObject({ received: 4, created: 2, withdrawn: 0 });
      expect(first.errors).toEqual([
        { index: 1, field: 'birthDates[0]', reason: expect.any(String) },
        { index: 3, field: 'topics[0]', reason: expect.any(String) },
      ]);

      // A full reload with a bad entry withdraws nothing, so nothing is lost by a typo.
      const guarded = await loadEntries([{ entryId: 'A', type: 'person', names: ['Alpha Person'], topics: ['pep'] }, { entryId: 'E' }], 'full', name);
      expect(guarded).toMatchObject({ unchanged: 1, withdrawn: 0 });
      expect(guarded.withdrawalSkipped).toMatch(/invalid entries/);

      const reload = await loadEntries([{ entryId: 'A', type: 'person', names: ['Alpha Person'], topics: ['pep'] }], 'full', name);
      expect(reload).toMatchObject({ unchanged: 1, withdrawn: 1, errors: [] });
      const screened = await t.http.post('/v1/kyc/screenings').set(analyst).send({ name: 'Charlie Ltd', type: 'organization', lists: [name] });
      expect(screened.body.matches).toEqual([]);

      const removed = await loadEntries([{ entryId: 'A', removed: true }], 'partial', name);
      expect(removed).toMatchObject({ withdrawn: 1 });
      expect((await t.http.post('/v1/kyc/screenings').set(analyst).send({ name: 'Alpha Person', lists: [name] })).body.matches).toEqual([]);

      expect((await t.http.post(`/v1/watchlists/Bad List/entries`).set(ingestKey).send([])).status).toBe(400);
      expect((await t.http.post(`/v1/watchlists/${name}/entries?mode=replace`).set(ingestKey).send([])).body.errors[0].field).toBe('mode');
      expect((await t.http.post(`/v1/watchlists/${name}/entries`).set(analyst).send([])).status).toBe(403);
    });
  });

  describe('list loads that are refused', () => {
    it('refuses a batch over WATCHLIST_MAX_BATCH and a single bad entry with 4xx problems, storing nothing', async () => {
      const small = await createTestApp({ WATCHLIST_MAX_BATCH: '2' });
      try {
        const name = `refused-${tag}`;
        const entry = (entryId: string) => ({ entryId, type: 'person', names: [`Refused ${entryId}`], topics: ['pep'] });
        const tooMany = await small.http.post(`/v1/watchlists/${name}/entries`).set(ingestKey).send([entry('A'), entry('B'), entry('C')]);
        expect(tooMany.status).toBe(413);
        expect(tooMany.headers['content-type']).toMatch(/application\/problem\+json/);
        const single = await small.http.post(`/v1/watchlists/${name}/entries`).set(ingestKey).send({ entryId: 'D', type: 'vehicle', names: ['Refused D'] });
        expect(single.status).toBe(400);
        expect(single.body.errors).toEqual([expect.objectContaining({ field: 'type' })]);
        const [stored] = await small.neo4j.readRows<{ entries: number }>('MATCH (w:WatchlistEntry {list: $name}) RETURN count(w) AS entries', { name });
        expect(stored.entries).toBe(0);
      } finally {
        await small.close();
      }
    });
  });

  describe('watchlist files', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'customer-graph-watchlist-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const log = () => undefined;

    it('imports a CSV file, reports its bad line, and a full reload of a damaged file withdraws nothing', async () => {
      const name = `csv-${tag}`;
      const file = join(dir, 'list.csv');
      writeFileSync(
        file,
        [
          'entryId,type,names,aliases,birthDates,countries,identifiers,topics',
          'C1,person,"Karimov, Rustam","Rustam Karimoff;R. Karimov",1966-05-05,UZ;RU,passport:AB123:UZ,sanctions',
          'C2,organization,Zarafshan Metals LLC,,,UZ,registration:998877,sanctions;pep',
          'C3,person,Broken Date,,1966-13-40,UZ,,crime',
        ].join('\r\n'),
      );
      const first = await importWatchlist(t.app, { list: name, file, mode: 'full', log });
      expect(first).toMatchObject({ format: 'csv', loaded: 2, created: 2, withdrawn: 0 });
      expect(first.rejected).toEqual([{ line: 4, problems: [expect.objectContaining({ field: 'birthDates[0]' })] }]);
      const found = await t.http.post('/v1/kyc/screenings').set(analyst).send({ name: 'Rustam Karimov', lists: [name] });
      expect(found.body.matches[0]).toMatchObject({ entryId: 'C1', countries: ['UZ', 'RU'] });
      const byDocument = await t.http.post('/v1/kyc/screenings').set(analyst).send({ name: 'R. Karimov', identifier: 'ab-123', lists: [name] });
      expect(byDocument.body.matches[0].factors).toContainEqual(expect.objectContaining({ factor: 'identifier', effect: expect.any(Number) }));
      expect(byDocument.body.matches[0].factors.find((factor: { factor: string }) => factor.factor === 'identifier').effect).toBeGreaterThan(0);

      writeFileSync(file, 'entryId,type,names,topics\r\nC1,person,"Karimov, Rustam",sanctions\r\n');
      const reload = await importWatchlist(t.app, { list: name, file, mode: 'full', log });
      expect(reload).toMatchObject({ updated: 1, withdrawn: 1 });
      expect((await t.http.post('/v1/kyc/screenings').set(analyst).send({ name: 'Zarafshan Metals', type: 'organization', lists: [name] })).body.matches).toEqual([]);
    });

    it('imports FollowTheMoney JSON lines: persons and companies with their topics, other schemas skipped', async () => {
      const name = `ftm-${tag}`;
      const file = join(dir, 'entities.ftm.json');
      const lines = [
        { id: 'ofac-1', schema: 'Person', properties: { name: ['Dmitriy Olegovich Sokolov'], alias: ['Dmitri Sokolow'], birthDate: ['1970-08-01'], nationality: ['ru'], topics: ['sanction'] } },
        { id: 'ofac-2', schema: 'Company', properties: { name: ['Volga Petroleum Trading JSC'], jurisdiction: ['ru'], topics: ['sanction.linked'] } },
        { id: 'ofac-3', schema: 'Ownership', properties: { owner: ['ofac-1'], asset: ['ofac-2'] } },
        { id: 'pep-1', schema: 'Person', properties: { name: ['Ana Maria Popescu'], topics: ['role.pep'] } },
      ];
      writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
      const summary = await importWatchlist(t.app, { list: name, file, mode: 'partial', log });
      expect(summary).toMatchObject({ format: 'ftm', loaded: 3, created: 3, skipped: 1, rejected: [] });
      const person = await t.http.post('/v1/kyc/screenings').set(analyst).send({ name: 'SOKOLOV, Dmitry', birthDate: '1970-08-01', lists: [name] });
      expect(person.body.matches[0]).toMatchObject({ entryId: 'ofac-1', topics: ['sanctions'] });
      const pep = await t.http.post('/v1/kyc/screenings').set(analyst).send({ name: 'Ana Popescu', lists: [name] });
      expect(pep.body.matches[0]).toMatchObject({ entryId: 'pep-1', topics: ['pep'] });
    });
  });

  describe('customers screened on ingest and when a list changes', () => {
    const family = uniqueSurname();
    const entry = { entryId: 'E-SUBJECT', type: 'person', names: [`${family.toUpperCase()}, Wiktor`], birthDates: ['1969-07-14'], countries: ['RU'], topics: ['sanctions'] };
    let subjectId: string;
    let spouseId: string;

    beforeAll(async () => {
      await loadEntries([entry]);
      [subjectId, spouseId] = await ingest([
        {
          sourceId: sourceId('subject'),
          name: { given: 'Viktor', family },
          birthDate: '1969-07-14',
          addresses: [{ line1: '3 Embankment Road', locality: 'London', postcode: 'SE1 7PB', country: 'GB' }],
          relationships: [{ type: 'SPOUSE', target: { system, sourceId: sourceId('spouse') } }],
        },
        { sourceId: sourceId('spouse'), name: { given: 'Olga', family: `${family}a` }, birthDate: '1972-01-30', identifiers: [{ type: 'passport', value: `P${tag}`, country: 'GB' }] },
      ]);
    });

    it('screens a new customer, scores its risk with every factor and raises an alert', async () => {
      const subject = await profile(subjectId);
      expect(subject.hits).toHaveLength(1);
      expect(subject.hits[0]).toMatchObject({ status: 'open', list, entryId: 'E-SUBJECT' });
      expect(subject.hits[0].score).toBeGreaterThanOrEqual(0.85);
      expect(subject.risk.factors.map((factor) => factor.factor)).toEqual(['watchlist', 'exposure', 'jurisdiction', 'missing-identity', 'shared-identifiers', 'unusual-activity']);
      const watchlist = subject.risk.factors.find((factor) => factor.factor === 'watchlist')!;
      expect(watchlist.contribution).toBeCloseTo(watchlist.weight * watchlist.value, 1);
      expect(subject.risk.score).toBeGreaterThanOrEqual(subject.risk.threshold);
      expect(subject.alert).toMatchObject({ status: 'open' });
      expect((await openAlertsOf(subjectId)).filter((alert) => alert.status === 'open')).toHaveLength(1);
    });

    it('shows the spouse exposed to the sanctioned customer, with the path', async () => {
      const spouse = await profile(spouseId);
      expect(spouse.hits).toEqual([]);
      expect(spouse.exposure).toMatchObject({ hops: 1, flagged: { customerId: subjectId }, path: { customers: [spouseId, subjectId] } });
      expect(spouse.exposure!.path.edges[0].type).toBe('SPOUSE');
      expect(spouse.risk.factors.find((factor) => factor.factor === 'exposure')!.contribution).toBeGreaterThan(0);

      const exposed = await t.http.get('/v1/kyc/exposure?depth=2&limit=500').set(analyst);
      expect(exposed.status).toBe(200);
      const item = exposed.body.items.find((candidate: { customerId: string }) => candidate.customerId === spouseId);
      expect(item).toMatchObject({ hops: 1, flagged: { customerId: subjectId, entryId: 'E-SUBJECT' }, path: { customers: [spouseId, subjectId] } });
      expect((await t.http.get('/v1/kyc/exposure?depth=9').set(analyst)).status).toBe(400);
    });

    it('does not alert again on a false positive until the entry changes', async () => {
      const [hit] = (await profile(subjectId)).hits;
      const decided = await t.http.post(`/v1/kyc/hits/${hit.id}/decision`).set(analyst).send({ decision: 'false_positive', note: 'different person: passport checked' });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ status: 'false_positive', customerId: subjectId });
      expect(decided.body.riskScore).toBeLessThan((await profile(subjectId)).risk.threshold);
      expect((await openAlertsOf(subjectId)).filter((alert) => alert.status === 'open')).toHaveLength(0);

      // The record re-sent with a new address, the list reloaded unchanged: still no alert.
      await ingest([{ sourceId: sourceId('subject'), name: { given: 'Viktor', family }, birthDate: '1969-07-14', addresses: [{ line1: '3 Embankment Road', locality: 'London', postcode: 'SE1 7PB', country: 'GB' }], relationships: [{ type: 'SPOUSE', target: { system, sourceId: sourceId('spouse') } }] }]);
      expect(await loadEntries([entry])).toMatchObject({ unchanged: 1, screeningJobId: null });
      const after = await profile(subjectId);
      expect(after.hits[0].status).toBe('false_positive');
      expect(after.alert).toMatchObject({ status: 'cleared' });
      expect((await openAlertsOf(subjectId)).filter((alert) => alert.status === 'open')).toHaveLength(0);

      // The entry changes (a new alias): the hit is open again and alerts.
      expect(await loadEntries([{ ...entry, aliases: [`Viktor ${family}`] }])).toMatchObject({ updated: 1 });
      const reopened = await profile(subjectId);
      expect(reopened.hits[0].status).toBe('open');
      expect(reopened.alert).toMatchObject({ status: 'open' });
      const alerts = await openAlertsOf(subjectId);
      expect(alerts.filter((alert) => alert.status === 'open')).toHaveLength(1);
      expect(alerts.length).toBe(2);

      expect((await t.http.post('/v1/kyc/hits/hit_nothing/decision').set(analyst).send({ decision: 'confirmed' })).status).toBe(404);
      expect((await t.http.post(`/v1/kyc/hits/${hit.id}/decision`).set(analyst).send({ decision: 'maybe' })).body.errors[0].field).toBe('decision');
    });

    it('raises an alert when a reloaded list brings a new entry matching an existing customer', async () => {
      const other = uniqueSurname();
      const [customerId] = await ingest([{ sourceId: sourceId('late'), name: { given: 'Aleksandr', family: other }, birthDate: '1975-09-09', addresses: [{ line1: '9 Quay Street', locality: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' }] }]);
      expect((await profile(customerId)).hits).toEqual([]);
      expect(await openAlertsOf(customerId)).toEqual([]);

      const loaded = await loadEntries([entry, { entryId: 'E-LATE', type: 'person', names: [`Alexander ${other.toUpperCase()}`], birthDates: ['1975'], topics: ['sanctions'] }], 'full');
      expect(loaded.created).toBe(1);
      const alerts = await openAlertsOf(customerId);
      expect(alerts).toEqual([expect.objectContaining({ status: 'open' })]);
      const listed = await t.http.get('/v1/kyc/alerts').set(analyst);
      const raisedAt = listed.body.items.map((alert: { raisedAt: string }) => Date.parse(alert.raisedAt));
      expect(raisedAt).toEqual([...raisedAt].sort((a, b) => b - a));
    });
  });

  describe('exposure spreads when a customer becomes flagged', () => {
    it("assesses again the neighbours of a customer a new entry matches, and lets the loader follow the job", async () => {
      const family = uniqueSurname();
      const [, partnerId] = await ingest([
        { sourceId: sourceId('later-flagged'), name: { given: 'Radomir', family }, birthDate: '1959-09-19', relationships: [{ type: 'BUSINESS_PARTNER', target: { system, sourceId: sourceId('partner-of-flagged') } }] },
        { sourceId: sourceId('partner-of-flagged'), name: { given: 'Wendeline', family: uniqueSurname() }, birthDate: '1970-04-04' },
      ]);
      const storedExposure = async () => {
        const [row] = await t.neo4j.readRows<{ factors: string | null }>('MATCH (c:Customer {id: $id}) RETURN c.kycRiskFactors AS factors', { id: partnerId });
        const factors = row.factors ? (JSON.parse(row.factors) as Array<{ factor: string; contribution: number }>) : [];
        return factors.find((factor) => factor.factor === 'exposure')?.contribution ?? 0;
      };
      expect(await storedExposure()).toBe(0);

      const response = await t.http.post(`/v1/watchlists/${list}/entries`).set(ingestKey).send([{ entryId: 'E-SPREAD', type: 'person', names: [`${family}, Radomir`], birthDates: ['1959-09-19'], topics: ['sanctions'] }]);
      expect(response.status).toBe(200);
      // The loader (role ingest) follows its screening job itself.
      let job;
      do job = (await t.http.get(`/v1/admin/jobs/${response.body.screeningJobId}`).set(ingestKey)).body;
      while (job.status === 'RUNNING');
      expect(job.status).toBe('SUCCEEDED');
      // Nobody viewed the partner: its stored score already counts the exposure.
      expect(await storedExposure()).toBeGreaterThan(0);
    });
  });

  describe('merges', () => {
    it("clears the alert of a customer merged away, and the survivor carries the hit", async () => {
      const family = uniqueSurname();
      await loadEntries([{ entryId: 'E-MERGED', type: 'person', names: [`${family}, Evdokia`], birthDates: ['1964-10-02'], topics: ['sanctions'] }]);
      const [olderId] = await ingest([{ sourceId: sourceId('older'), name: { given: 'Jonquil', family: uniqueSurname() }, birthDate: '1980-03-03' }]);
      const [flaggedId] = await ingest([{ sourceId: sourceId('flagged'), name: { given: 'Evdokia', family }, birthDate: '1964-10-02' }]);
      expect((await openAlertsOf(flaggedId)).map((alert) => alert.status)).toEqual(['open']);

      const merged = await t.http.post(`/v1/customers/${olderId}/merge`).set(analyst).send({ customerId: flaggedId });
      expect(merged.status).toBe(200);
      await t.app.get(AutoScreening).idle();
      expect((await openAlertsOf(flaggedId)).map((alert) => alert.status)).toEqual(['cleared']);
      expect((await openAlertsOf(olderId)).map((alert) => alert.status)).toEqual(['open']);
      expect((await profile(olderId)).hits).toEqual([expect.objectContaining({ entryId: 'E-MERGED' })]);
    });
  });

  describe('erasure', () => {
    it('removes an erased customer\'s hits and alerts, and its neighbours are no longer exposed to it', async () => {
      const family = uniqueSurname();
      await loadEntries([{ entryId: 'E-ERASED', type: 'person', names: [`${family}, Konstantin`], birthDates: ['1958-02-11'], topics: ['sanctions'] }]);
      const [flaggedId, friendId] = await ingest([
        { sourceId: sourceId('erased'), name: { given: 'Konstantin', family }, birthDate: '1958-02-11', relationships: [{ type: 'BUSINESS_PARTNER', target: { system, sourceId: sourceId('partner') } }] },
        { sourceId: sourceId('partner'), name: { given: 'Ignatius', family: uniqueSurname() }, birthDate: '1961-06-06' },
      ]);
      expect((await openAlertsOf(flaggedId)).length).toBe(1);
      expect((await profile(friendId)).exposure).toMatchObject({ flagged: { customerId: flaggedId } });

      expect((await t.http.delete(`/v1/customers/${flaggedId}`).set(admin)).status).toBe(200);
      expect(await openAlertsOf(flaggedId)).toEqual([]);
      expect((await t.http.get(`/v1/kyc/customers/${flaggedId}`).set(analyst)).status).toBe(404);
      expect((await profile(friendId)).exposure).toBeNull();
      const exposed = await t.http.get('/v1/kyc/exposure?depth=2&limit=500').set(analyst);
      expect(exposed.body.items.map((item: { flagged: { customerId: string } }) => item.flagged.customerId)).not.toContain(flaggedId);
    });
  });

  describe('beneficial ownership', () => {
    const family = uniqueSurname();
    const org = (name: string, legal: string, owns: Array<[string, number]> = []) => ({
      sourceId: sourceId(name),
      type: 'organization',
      organization: { name: `${family} ${legal}`, registrationNumber: `${tag}-${name}`, country: 'GB' },
      relationships: owns.map(([target, pct]) => ({ type: 'OWNS', target: { system, sourceId: sourceId(target) }, ownershipPct: pct })),
    });
    const person = (name: string, given: string, owns: Array<[string, number]>) => ({
      sourceId: sourceId(name),
      name: { given, family },
      birthDate: '1960-01-01',
      relationships: owns.map(([target, pct]) => ({ type: 'OWNS', target: { system, sourceId: sourceId(target) }, ownershipPct: pct })),
    });
    let ids: Record<string, string>;

    beforeAll(async () => {
      const records = [
        org('target', 'Target Plc'),
        org('h1', 'Alpha Holdings Ltd', [['target', 50], ['h3', 10]]),
        org('h2', 'Beta Investments Ltd', [['target', 30]]),
        org('h3', 'Gamma Nominees Ltd', [['h1', 20]]),
        person('p1', 'Leopoldine', [['h1', 60]]),
        person('p2', 'Thaddeus', [['target', 20], ['h2', 50]]),
      ];
      const customers = await ingest(records);
      ids = Object.fromEntries(records.map((record, index) => [record.sourceId.slice(tag.length + 1), customers[index]]));
      expect(new Set(Object.values(ids)).size).toBe(6);
    });

    const owners = async (threshold: number) => {
      const response = await t.http.get(`/v1/kyc/organizations/${ids.target}/beneficial-owners?threshold=${threshold}`).set(analyst);
      expect(response.status).toBe(200);
      return response.body as { owners: Array<{ customerId: string; share: number; chains: Array<{ customers: string[]; percentages: number[]; share: number }> }>; truncated: boolean };
    };

    it('multiplies a 60% × 50% chain into a 30% owner: listed at 25, not at 35', async () => {
      const at25 = await owners(25);
      const p1 = at25.owners.find((owner) => owner.customerId === ids.p1)!;
      expect(p1.share).toBeCloseTo(30, 4);
      expect(p1.chains).toEqual([{ customers: [ids.p1, ids.h1, ids.target], percentages: [60, 50], share: 30 }]);
      expect((await owners(35)).owners.map((owner) => owner.customerId)).not.toContain(ids.p1);
    });

    it('adds parallel chains up and terminates on a cycle', async () => {
      const all = await owners(0);
      const p2 = all.owners.find((owner) => owner.customerId === ids.p2)!;
      expect(p2.share).toBeCloseTo(20 + 0.5 * 30, 4);
      expect(p2.chains).toHaveLength(2);
      // h1 and h3 own each other: the cycle is walked once.
      expect(all.owners.find((owner) => owner.customerId === ids.h3)!.share).toBeCloseTo(0.2 * 50, 4);
      expect(all.truncated).toBe(false);
    });

    it('answers 404 for a person or an unknown id, 400 for a bad threshold', async () => {
      expect((await t.http.get(`/v1/kyc/organizations/${ids.p1}/beneficial-owners`).set(analyst)).status).toBe(404);
      expect((await t.http.get('/v1/kyc/organizations/cus_unknown/beneficial-owners').set(analyst)).status).toBe(404);
      const bad = await t.http.get(`/v1/kyc/organizations/${ids.target}/beneficial-owners?threshold=150`).set(analyst);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('threshold');
    });
  });

  describe('audit', () => {
    it('records every analyst request of a burst, and cannot be changed through the API', async () => {
      const [customer] = await ingest([{ sourceId: sourceId('audited'), name: { given: 'Ysolde', family: uniqueSurname() }, birthDate: '1991-02-03' }]);
      const from = new Date().toISOString();
      const requests = [
        ...Array.from({ length: 20 }, () => screen({ name: 'Viktor Petrov' })),
        ...Array.from({ length: 15 }, () => t.http.get(`/v1/kyc/customers/${customer}`).set(analyst)),
        ...Array.from({ length: 15 }, () => t.http.get(`/v1/customers/${customer}`).set(analyst)),
        ...Array.from({ length: 10 }, () => t.http.get('/v1/customers?q=Petrov').set(analyst)),
      ];
      const responses = await Promise.all(requests);
      expect(responses.map((response) => response.status)).toEqual(requests.map(() => 200));
      await t.app.get(AuditService).flush();

      const counted: Record<string, number> = {};
      for (const action of ['kyc.screening', 'kyc.customer.view', 'customer.view', 'customer.search']) {
        let cursor: string | undefined;
        counted[action] = 0;
        do {
          const page = await t.http.get(`/v1/audit?action=${action}&from=${encodeURIComponent(from)}&limit=100${cursor ? `&cursor=${cursor}` : ''}`).set(admin);
          expect(page.status).toBe(200);
          counted[action] += page.body.items.length;
          cursor = page.body.nextCursor ?? undefined;
        } while (cursor);
      }
      expect(counted).toEqual({ 'kyc.screening': 20, 'kyc.customer.view': 15, 'customer.view': 15, 'customer.search': 10 });

      const screening = await t.http.get(`/v1/audit?action=kyc.screening&from=${encodeURIComponent(from)}&limit=1`).set(admin);
      expect(JSON.stringify(screening.body.items[0])).not.toMatch(/Petrov/i);
      for (const method of ['post', 'put', 'patch', 'delete'] as const) expect([404, 405]).toContain((await t.http[method]('/v1/audit').set(admin)).status);
    });
  });
});
