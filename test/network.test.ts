import { AuditService } from '../src/common/audit/audit.service';
import { createTestApp, TEST_KEYS, TestApp, uniqueSurname, uniqueTag } from './support/test-app';

type Edge = { from: string; to: string; type: string; properties: Record<string, unknown> };
type Graph = { customerId: string; nodes: Array<{ id: string; label: string; displayName: string | null; depth: number }>; edges: Edge[]; truncated: boolean };

describe('the relationship, referral and household graph', () => {
  let t: TestApp;
  const analyst = { 'x-api-key': TEST_KEYS.analyst };
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const system = 'crm';
  const tag = uniqueTag('n');
  const sourceId = (name: string) => `${tag}-${name}`;
  const key = (name: string) => `${system}:${sourceId(name)}`;
  const randomPhone = () => `+44 7700 ${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

  /** A person record with a name and birth date no other test uses. */
  function person(name: string, given: string, family: string, birthDate: string, extra: Record<string, unknown> = {}) {
    return { sourceId: sourceId(name), name: { given, family }, birthDate, ...extra };
  }

  async function ingest(records: unknown[]): Promise<Record<string, string>> {
    const response = await t.http.post(`/v1/sources/${system}/records`).set('x-api-key', TEST_KEYS.ingest).send(records);
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([]);
    return Object.fromEntries(response.body.results.map((result: { recordKey: string; customerId: string }) => [result.recordKey, result.customerId]));
  }

  const customerOf = async (name: string) => (await t.http.get(`/v1/sources/${system}/records/${sourceId(name)}`).set(analyst)).body.customerId as string;
  const network = async (customerId: string, query = '') => {
    const response = await t.http.get(`/v1/customers/${customerId}/network${query}`).set(analyst);
    expect(response.status).toBe(200);
    return response.body as Graph;
  };

  describe('a small town with known answers', () => {
    const family = uniqueSurname();
    const other = uniqueSurname();
    const third = uniqueSurname();
    const sharedPhone = randomPhone();
    const home = { line1: '12 Orchard Lane', locality: 'Leeds', postcode: 'LS6 2AB', country: 'GB' };
    const flat = { line1: '7 Mill Street', locality: 'Leeds', postcode: 'LS9 8QT', country: 'GB' };
    let ids: Record<string, string>;

    beforeAll(async () => {
      await ingest([
        person('anna', 'Annabel', family, '1961-03-14', { addresses: [home], phones: [randomPhone()], relationships: [{ type: 'SPOUSE', target: { system, sourceId: sourceId('ben') } }] }),
        person('ben', 'Benedict', family, '1958-11-02', { addresses: [home], phones: [randomPhone()] }),
        person('cara', 'Carys', other, '1990-07-21', { phones: [sharedPhone], referredBy: { system, sourceId: sourceId('ben') } }),
        person('cara2', 'Ottilie', third, '1987-01-05', { referredBy: { system, sourceId: sourceId('ben') } }),
        person('dan', 'Desmond', third, '1975-05-30', { phones: [sharedPhone], addresses: [{ line1: '1 Dock Road', locality: 'Hull', postcode: 'HU1 1AA', country: 'GB' }] }),
        person('eve', 'Evangeline', other, '1983-09-09', { addresses: [flat], emails: [`eve.${tag}@example.com`] }),
        person('finn', 'Fitzgerald', third, '1984-10-10', { addresses: [flat], emails: [`finn.${tag}@example.com`] }),
      ]);
      ids = Object.fromEntries(await Promise.all(['anna', 'ben', 'cara', 'cara2', 'dan', 'eve', 'finn'].map(async (name) => [name, await customerOf(name)])));
      expect(new Set(Object.values(ids)).size).toBe(7);
    });

    it('finds the path spouse → referral → shared phone, with every edge on the way', async () => {
      const response = await t.http.get(`/v1/network/paths?from=${ids.anna}&to=${ids.dan}&maxDepth=4`).set(analyst);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ found: true, hops: 3 });
      const [path] = response.body.paths;
      expect(path.customers).toEqual([ids.anna, ids.ben, ids.cara, ids.dan]);
      const phoneNode = response.body.nodes.find((node: { label: string }) => node.label === 'Phone');
      expect(path.edges).toEqual([
        { from: ids.anna, to: ids.ben, type: 'SPOUSE', properties: expect.objectContaining({ origin: 'record', source: system }) },
        { from: ids.ben, to: ids.cara, type: 'REFERRED', properties: expect.objectContaining({ origin: 'record' }) },
        { from: ids.cara, to: phoneNode.id, type: 'HAS_PHONE', properties: {} },
        { from: ids.dan, to: phoneNode.id, type: 'HAS_PHONE', properties: {} },
      ]);

      const tooShort = await t.http.get(`/v1/network/paths?from=${ids.anna}&to=${ids.dan}&maxDepth=2`).set(analyst);
      expect(tooShort.body).toMatchObject({ found: false, hops: null, paths: [] });
      const withoutPhones = await t.http.get(`/v1/network/paths?from=${ids.anna}&to=${ids.dan}&maxDepth=6&types=RELATIONSHIP,REFERRAL`).set(analyst);
      expect(withoutPhones.body.found).toBe(false);
    });

    it('draws the neighbourhood as nodes and edges, depth by depth, filtered by type', async () => {
      const one = await network(ids.ben, '?depth=1');
      expect(one.nodes.filter((node) => node.label === 'Customer').map((node) => node.id).sort()).toEqual([ids.anna, ids.ben, ids.cara, ids.cara2].sort());
      expect(one.edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: ids.anna, to: ids.ben, type: 'SPOUSE' }), expect.objectContaining({ from: ids.ben, to: ids.cara2, type: 'REFERRED' })]));
      expect(one.truncated).toBe(false);

      const two = await network(ids.ben, '?depth=2');
      expect(two.nodes.find((node) => node.id === ids.dan)).toMatchObject({ depth: 2, label: 'Customer' });
      const spousesOnly = await network(ids.ben, '?depth=2&types=SPOUSE');
      expect(spousesOnly.nodes.map((node) => node.id).sort()).toEqual([ids.anna, ids.ben].sort());
    });

    it('answers the referral tree down and up, and counts top referrers', async () => {
      const down = await t.http.get(`/v1/customers/${ids.ben}/referrals?direction=down&depth=2`).set(analyst);
      expect(down.body.nodes.map((node: { id: string }) => node.id).sort()).toEqual([ids.ben, ids.cara, ids.cara2].sort());
      expect(down.body.edges.every((edge: Edge) => edge.type === 'REFERRED' && edge.from === ids.ben)).toBe(true);
      const up = await t.http.get(`/v1/customers/${ids.cara}/referrals?direction=up`).set(analyst);
      expect(up.body.nodes.map((node: { id: string }) => node.id).sort()).toEqual([ids.ben, ids.cara].sort());
      const top = await t.http.get('/v1/network/top-referrers?limit=100').set(analyst);
      expect(top.body.items).toContainEqual({ id: ids.ben, displayName: expect.any(String), referrals: 2 });
    });

    it('finds a household through address and surname, but not flatmates with different surnames and nothing shared', async () => {
      const household = await t.http.get(`/v1/customers/${ids.anna}/household`).set(analyst);
      expect(household.status).toBe(200);
      expect(household.body.household.members).toEqual([
        { id: ids.anna, displayName: expect.any(String), reasons: ['surname'] },
        { id: ids.ben, displayName: expect.any(String), reasons: ['surname'] },
      ]);
      expect(household.body.household.address).toMatchObject({ postcode: 'LS62AB', country: 'GB' });
      const flatmates = await t.http.get(`/v1/customers/${ids.eve}/household`).set(analyst);
      expect(flatmates.body).toEqual({ customerId: ids.eve, household: null });
    });

    it('keeps the household current when a member moves', async () => {
      // A newer record of Ben at another address: his current address changes, and the household with it.
      const moved = await ingest([person('ben-move', 'Benedict', family, '1958-11-02', { addresses: [{ line1: '3 Sea View', locality: 'Whitby', postcode: 'YO21 3AA', country: 'GB' }], observedAt: new Date(Date.now() + 60_000).toISOString() })]);
      expect(moved[key('ben-move')]).toBe(ids.ben);
      const household = await t.http.get(`/v1/customers/${ids.anna}/household`).set(analyst);
      expect(household.body.household).toBeNull();
    });

    it('adds an analyst edge with its provenance, and refuses a bad one', async () => {
      const added = await t.http.post('/v1/relationships').set(analyst).send({ from: { customerId: ids.eve }, to: { system, sourceId: sourceId('finn') }, type: 'BUSINESS_PARTNER', source: 'case-4711' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ from: { customerId: ids.eve, recordKey: key('eve') }, to: { customerId: ids.finn }, origin: 'api', source: 'case-4711', assertedBy: expect.stringMatching(/^api-key:/) });
      const graph = await network(ids.eve, '?depth=1&types=BUSINESS_PARTNER');
      expect(graph.edges).toEqual([{ from: ids.eve, to: ids.finn, type: 'BUSINESS_PARTNER', properties: expect.objectContaining({ origin: 'api', source: 'case-4711' }) }]);

      const both = await t.http.post('/v1/relationships').set(analyst).send({ from: { customerId: ids.eve, system }, to: { customerId: ids.finn }, type: 'SPOUSE' });
      expect(both.status).toBe(400);
      expect(both.body.errors).toEqual([{ field: 'from', reason: expect.stringMatching(/either a customerId, or a record/) }]);
      const unknown = await t.http.post('/v1/relationships').set(analyst).send({ from: { customerId: ids.eve }, to: { customerId: 'cus_nobody' }, type: 'SPOUSE' });
      expect(unknown.status).toBe(404);
      const badType = await t.http.post('/v1/relationships').set(analyst).send({ from: { customerId: ids.eve }, to: { customerId: ids.finn }, type: 'spouse' });
      expect(badType.status).toBe(400);
      expect(badType.body.errors[0].field).toBe('type');
      const forbidden = await t.http.post('/v1/relationships').set('x-api-key', 'nope').send({});
      expect(forbidden.status).toBe(401);
    });

    it('enforces the depth, size and type caps with 400s naming the field', async () => {
      for (const [query, field] of [
        ['?depth=4', 'depth'],
        ['?limit=100000', 'limit'],
        ['?types=SPOUSE;DROP', 'types'],
      ]) {
        const response = await t.http.get(`/v1/customers/${ids.ben}/network${query}`).set(analyst);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(response.body.errors[0].field).toBe(field);
      }
      const deepPath = await t.http.get(`/v1/network/paths?from=${ids.anna}&to=${ids.dan}&maxDepth=7`).set(analyst);
      expect(deepPath.status).toBe(400);
      expect(deepPath.body.errors[0].field).toBe('maxDepth');
      const unknown = await t.http.get('/v1/customers/cus_nobody/network').set(analyst);
      expect(unknown.status).toBe(404);
    });

    it('audits every analyst query: who, what, when, how many results', async () => {
      const count = async () => (await t.neo4j.readRows<{ n: number }>(`MATCH (a:AuditEvent {action: 'network.neighbourhood', target: $target}) RETURN count(a) AS n`, { target: ids.dan }))[0].n;
      const before = await count();
      await Promise.all([1, 2, 3, 4, 5].map(() => network(ids.dan, '?depth=1')));
      await t.app.get(AuditService).flush();
      expect(await count()).toBe(before + 5);
      const [event] = await t.neo4j.readRows<{ actor: string; role: string; resultCount: number; at: string }>(
        `MATCH (a:AuditEvent {action: 'network.neighbourhood', target: $target}) RETURN a.actor AS actor, a.role AS role, a.resultCount AS resultCount, toString(a.at) AS at LIMIT 1`,
        { target: ids.dan },
      );
      expect(event).toMatchObject({ actor: expect.stringMatching(/^api-key:/), role: 'analyst', resultCount: 2 });

      // Admins read the trail through the API, newest first; nobody can change it there.
      const trail = await t.http.get(`/v1/audit?action=network.neighbourhood&target=${ids.dan}&limit=100`).set('x-api-key', TEST_KEYS.admin);
      expect(trail.status).toBe(200);
      expect(trail.body.items).toHaveLength(before + 5);
      expect(trail.body.items[0]).toMatchObject({ action: 'network.neighbourhood', target: ids.dan, role: 'analyst', parameters: { depth: 1 }, resultCount: 2 });
      const times = trail.body.items.map((item: { at: string }) => Date.parse(item.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect((await t.http.get('/v1/audit').set(analyst)).status).toBe(403);
      expect((await t.http.delete('/v1/audit').set('x-api-key', TEST_KEYS.admin)).status).toBe(404);
      expect((await t.http.get('/v1/audit?from=yesterday').set('x-api-key', TEST_KEYS.admin)).body.errors[0].field).toBe('from');
    });
  });

  describe('edges over time', () => {
    it('connects an edge to a record that had not arrived yet when it arrives', async () => {
      const family = uniqueSurname();
      await ingest([person('gil', 'Gilbert', family, '1970-02-02', { relationships: [{ type: 'SIBLING', target: { system, sourceId: sourceId('hal') } }] })]);
      const gil = await customerOf('gil');
      expect((await network(gil, '?depth=1')).nodes).toHaveLength(1);
      expect((await t.http.get(`/v1/sources/${system}/records/${sourceId('hal')}`).set(analyst)).status).toBe(404);

      const halPhone = randomPhone();
      await ingest([person('hal', 'Halvard', family, '1972-12-12', { phones: [halPhone] })]);
      const hal = await customerOf('hal');
      expect((await network(gil, '?depth=1')).edges).toEqual([expect.objectContaining({ from: gil, to: hal, type: 'SIBLING' })]);

      // Retracted, Hal's record stays a stub because Gil's names it; its phone, held by nobody else, goes.
      const retracted = await t.http.delete(`/v1/sources/${system}/records/${sourceId('hal')}`).set('x-api-key', TEST_KEYS.admin);
      expect(retracted.status).toBe(200);
      expect((await t.http.get(`/v1/sources/${system}/records/${sourceId('hal')}`).set(analyst)).status).toBe(404);
      expect((await network(gil, '?depth=1')).edges).toEqual([]);
      const phones = await t.neo4j.readRows<{ n: number }>('MATCH (p:Phone) WHERE p.value ENDS WITH $digits RETURN count(p) AS n', { digits: halPhone.replace(/\D/g, '').slice(-6) });
      expect(phones[0].n).toBe(0);

      await ingest([person('hal', 'Halvard', family, '1972-12-12')]);
      expect((await network(gil, '?depth=1')).edges).toEqual([expect.objectContaining({ from: gil, type: 'SIBLING', to: await customerOf('hal') })]);
    });

    it('keeps edges through a merge and a split: they follow the records', async () => {
      const family = uniqueSurname();
      await ingest([
        person('ivy', 'Ivy', family, '1980-04-04', { addresses: [{ line1: '9 Elm Row', locality: 'York', postcode: 'YO1 7HH', country: 'GB' }] }),
        person('ivy-b', 'Isadora', uniqueSurname(), '1979-01-01', { relationships: [{ type: 'PARTNER', target: { system, sourceId: sourceId('jon') } }] }),
        person('jon', 'Jonah', uniqueSurname(), '1978-08-08'),
      ]);
      const [ivy, ivyB, jon] = await Promise.all(['ivy', 'ivy-b', 'jon'].map(customerOf));
      expect(new Set([ivy, ivyB, jon]).size).toBe(3);

      const merged = await t.http.post(`/v1/customers/${ivyB}/merge`).set(analyst).send({ customerId: ivy });
      expect(merged.status).toBe(200);
      const survivor = merged.body.customers[0].customerId as string;
      expect((await network(jon, '?depth=1')).edges).toEqual([expect.objectContaining({ from: survivor, to: jon, type: 'PARTNER' })]);
      // The merged-away id leads to the survivor.
      expect((await network(survivor === ivy ? ivyB : ivy, '?depth=1')).customerId).toBe(survivor);

      const split = await t.http.post(`/v1/customers/${survivor}/split`).set(analyst).send({ recordKeys: [key('ivy-b')] });
      expect(split.status).toBe(200);
      const ivyBNow = await customerOf('ivy-b');
      expect(ivyBNow).not.toBe(survivor);
      expect((await network(jon, '?depth=1')).edges).toEqual([expect.objectContaining({ from: ivyBNow, to: jon, type: 'PARTNER' })]);
      expect((await network(survivor, '?depth=1')).edges).toEqual([]);
    });
  });

  describe('a hub: one phone on 10,000 customers', () => {
    const hubPhone = `+4480${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const hubPrefix = uniqueTag('cus_hub');
    let owner: string;

    // The hub's records are bare (no received or normalised form): a rebuild in a later test must not meet them.
    afterAll(async () => {
      await t.neo4j.writeRows(
        `MATCH (r:SourceRecord {system: 'hub'})-[:RESOLVED_TO]->(c:Customer) WHERE c.id STARTS WITH $prefix DETACH DELETE r, c`,
        { prefix: hubPrefix },
      );
    });

    beforeAll(async () => {
      // 10,000 customers of the shape ingest writes, created directly: loading them through resolution would only slow the test.
      await t.neo4j.writeRows(
        `MERGE (p:Phone {value: $phone})
         WITH p
         UNWIND range(1, 10000) AS i
         CREATE (c:Customer {id: $prefix + i, status: 'ACTIVE', displayName: 'Hub customer ' + i})
         CREATE (r:SourceRecord {key: 'hub:' + $prefix + i, system: 'hub', sourceId: $prefix + i, contentHash: 'h' + i})
         CREATE (r)-[:RESOLVED_TO]->(c), (r)-[:HAS_PHONE]->(p)`,
        { phone: hubPhone, prefix: hubPrefix },
      );
      await ingest([person('kit', 'Kitty', uniqueSurname(), '1966-06-06', { phones: [hubPhone] })]);
      owner = await customerOf('kit');
    });

    it('does not blow up a neighbourhood: the answer stops at the limit and says truncated', async () => {
      const graph = await network(owner, '?depth=2&limit=50');
      expect(graph.truncated).toBe(true);
      expect(graph.nodes.length).toBeLessThanOrEqual(50);
      expect(graph.nodes.find((node) => node.label === 'Phone')).toMatchObject({ records: 10001 });
    });

    it('lists the ring first among shared identifiers, with its size and a bounded member list', async () => {
      const response = await t.http.get('/v1/network/shared-identifiers?type=phone&minCustomers=10000&limit=5').set(analyst);
      expect(response.status).toBe(200);
      const ring = response.body.items.find((item: { value: string }) => item.value === hubPhone);
      expect(ring).toMatchObject({ type: 'phone', customers: 10001 });
      expect(ring.members).toHaveLength(50);
    });

    it('does not route paths through the hub', async () => {
      const hubbed = (await network(owner, '?depth=1&limit=3')).nodes.find((node) => node.label === 'Customer' && node.id !== owner)!;
      const response = await t.http.get(`/v1/network/paths?from=${owner}&to=${hubbed.id}&maxDepth=2`).set(analyst);
      expect(response.body).toMatchObject({ found: false });
    });
  });
});
