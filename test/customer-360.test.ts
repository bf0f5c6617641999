import { AddressInfo } from 'node:net';
import { AuditService } from '../src/common/audit/audit.service';
import { createTestApp, TEST_KEYS, TestApp, uniqueSurname, uniqueTag } from './support/test-app';

describe('the 360 view', () => {
  let t: TestApp;
  const analyst = { 'x-api-key': TEST_KEYS.analyst };
  const ingestKey = { 'x-api-key': TEST_KEYS.ingest };
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const tag = uniqueTag('v');
  const randomDigits = (n: number) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');

  function person(sourceId: string, given: string, family: string, extra: Record<string, unknown> = {}) {
    return { sourceId: `${tag}-${sourceId}`, name: { given, family }, birthDate: '1971-02-03', ...extra };
  }

  async function ingest(system: string, records: unknown[]) {
    const response = await t.http.post(`/v1/sources/${system}/records`).set(ingestKey).send(records);
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([]);
    return response.body.results as Array<{ recordKey: string; customerId: string; outcome: string }>;
  }

  const events = (system: string, body: object) => t.http.post(`/v1/sources/${system}/events`).set(ingestKey).send(body);
  const asOf = '2026-11-01T00:00:00Z';
  const daysBefore = (days: number) => new Date(Date.parse(asOf) - days * 24 * 3600 * 1000).toISOString();

  describe('events and the profile', () => {
    const family = uniqueSurname();
    const phone = `+44 20 7${randomDigits(3)} ${randomDigits(4)}`;
    const email = `greta.${tag}@example.com`;
    let customerId: string;

    beforeAll(async () => {
      const [crm] = await ingest('crm', [person('g1', 'Greta', family, { emails: [email], phones: [phone], addresses: [{ line1: '4 Quay Street', locality: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' }] })]);
      const [bank] = await ingest('core_banking', [person('g2', 'Greta', family, { emails: [email.toUpperCase()] })]);
      expect(bank.customerId).toBe(crm.customerId);
      customerId = crm.customerId;
    });

    it('stores events by id, counts a re-sent one once, and reports bad items by index', async () => {
      const batch = [
        { eventId: `${tag}-t1`, sourceId: `${tag}-g2`, kind: 'transaction', occurredAt: daysBefore(10), amount: 120.5, currency: 'GBP', channel: 'card', direction: 'debit' },
        { eventId: `${tag}-t2`, sourceId: `${tag}-g2`, kind: 'transaction', occurredAt: daysBefore(100), amount: 79.5, currency: 'GBP', channel: 'online', direction: 'debit' },
        { eventId: `${tag}-t3`, sourceId: `${tag}-g2`, kind: 'transaction', occurredAt: daysBefore(120), amount: 2000, currency: 'GBP', channel: 'transfer', direction: 'credit' },
        { eventId: `${tag}-p1`, sourceId: `${tag}-g2`, kind: 'product', occurredAt: daysBefore(300), product: 'current_account', action: 'opened', accountId: `${tag}-A1` },
        { eventId: `${tag}-x1`, sourceId: `${tag}-g2`, kind: 'transaction', occurredAt: daysBefore(5), currency: 'GBP' },
        { eventId: `${tag}-x2`, sourceId: `${tag}-g2`, kind: 'gossip', occurredAt: daysBefore(5) },
        { eventId: `${tag}-x3`, sourceId: `${tag}-g2`, kind: 'social', occurredAt: daysBefore(5), platform: 'x', mood: 'happy' },
      ];
      const first = await events('core_banking', batch);
      expect(first.status).toBe(200);
      expect(first.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created', 'created', 'created']);
      expect(first.body.results[0]).toMatchObject({ index: 0, eventKey: `core_banking:${tag}-t1`, customerId });
      expect(first.body.errors).toEqual([
        { index: 4, eventId: `${tag}-x1`, errors: [{ field: 'amount', reason: 'is required for a transaction event' }] },
        { index: 5, eventId: `${tag}-x2`, errors: [expect.objectContaining({ field: 'kind' })] },
        { index: 6, eventId: `${tag}-x3`, errors: [expect.objectContaining({ field: 'mood' })] },
      ]);

      const again = await events('core_banking', batch.slice(0, 1));
      expect(again.body.results[0].outcome).toBe('unchanged');
      const single = await events('crm', { eventId: `${tag}-i1`, sourceId: `${tag}-g1`, kind: 'interaction', occurredAt: daysBefore(3), channel: 'branch', satisfaction: 4 });
      expect(single.status).toBe(200);
      expect(single.body).toMatchObject({ outcome: 'created', customerId });
      const changed = await events('crm', { eventId: `${tag}-i1`, sourceId: `${tag}-g1`, kind: 'interaction', occurredAt: daysBefore(3), channel: 'branch', satisfaction: 5 });
      expect(changed.body.outcome).toBe('updated');
      const tooMany = await events('crm', Array.from({ length: 5001 }, (_, n) => ({ eventId: `${tag}-many-${n}` })));
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.errors).toEqual([{ field: '(body)', reason: 'must hold at most 5000 events' }]);
      const bad = await events('crm', { eventId: `${tag}-i2`, sourceId: `${tag}-g1`, kind: 'interaction', occurredAt: 'yesterday', channel: 'web' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    });

    it('answers the profile with lineage and a summary per dimension from the events', async () => {
      const response = await t.http.get(`/v1/customers/${customerId}?asOf=${asOf}`).set(analyst);
      expect(response.status).toBe(200);
      const profile = response.body;
      expect(profile).toMatchObject({ id: customerId, status: 'ACTIVE', asOf: '2026-11-01T00:00:00.000Z', eventsRead: 5 });
      expect(profile.records.map((r: { recordKey: string }) => r.recordKey).sort()).toEqual([`core_banking:${tag}-g2`, `crm:${tag}-g1`]);
      expect(profile.attributes.birthDate).toMatchObject({ value: '1971-02-03', system: expect.any(String), sourceId: expect.stringContaining(tag), observedAt: expect.any(String) });
      expect(profile.attributes.phones[0]).toMatchObject({ system: 'crm', sourceId: `${tag}-g1` });
      expect(profile.dimensions.demography).toMatchObject({ birthDate: '1971-02-03', age: 55 });
      expect(profile.dimensions.geography).toMatchObject({ countries: ['GB'], addresses: 1 });
      expect(profile.dimensions.transactions).toMatchObject({ count: 3, debitTotal: 200, creditTotal: 2000, last90Days: 1, previous90Days: 2, trend: 'falling', byChannel: { card: 1, online: 1, transfer: 1 } });
      expect(profile.dimensions.products.held).toEqual([{ product: 'current_account', accountId: `${tag}-A1`, since: daysBefore(300) }]);
      expect(profile.dimensions.interactions).toMatchObject({ count: 1, averageSatisfaction: 5 });
      expect(profile.dimensions.value).toMatchObject({ inputs: { debit365Days: 200, productsHeld: 1 }, method: expect.stringContaining('products held') });
      expect(profile.dimensions.risk.attrition.signals).toHaveLength(5);
    });

    it('finds the customer by a surname with one typo (top 3) and by a phone written another way', async () => {
      const typo = family.slice(0, 2) + (family[2] === 'x' ? 'y' : 'x') + family.slice(3);
      const byName = await t.http.get(`/v1/customers?q=Greta%20${typo}&limit=3`).set(analyst);
      expect(byName.body.items.map((item: { id: string }) => item.id)).toContain(customerId);
      const byPhone = await t.http.get(`/v1/customers?phone=${encodeURIComponent(phone.replace('+44 20 ', '020-').replace(/ /g, ''))}`).set(analyst);
      expect(byPhone.body.items.map((item: { id: string }) => item.id)).toEqual([customerId]);
    });

    it('moves events to the survivor on a merge, and the merged id redirects', async () => {
      const other = uniqueSurname();
      const [a] = await ingest('loyalty', [person('m1', 'Hamish', other)]);
      const [b] = await ingest('support', [person('m2', 'Ingrid', uniqueSurname(), { birthDate: '1985-05-05' })]);
      await events('loyalty', { eventId: `${tag}-l1`, sourceId: `${tag}-m1`, kind: 'loyalty', occurredAt: daysBefore(20), points: 300, action: 'earned' });
      await events('support', { eventId: `${tag}-s1`, sourceId: `${tag}-m2`, kind: 'incident', occurredAt: daysBefore(15), category: 'complaint', resolved: false });
      const merged = await t.http.post(`/v1/customers/${b.customerId}/merge`).set(analyst).send({ customerId: a.customerId });
      expect(merged.status).toBe(200);
      const survivor = merged.body.customers[0].customerId;
      const absorbed = merged.body.retired[0];
      const profile = (await t.http.get(`/v1/customers/${survivor}?asOf=${asOf}`).set(analyst)).body;
      expect(profile.dimensions.loyalty).toMatchObject({ balance: 300 });
      expect(profile.dimensions.incidents).toMatchObject({ count: 1, open: 1 });
      const redirect = await t.http.get(`/v1/customers/${absorbed}`).set(analyst);
      expect(redirect.status).toBe(308);
      expect(redirect.headers.location).toBe(`/v1/customers/${survivor}`);
      expect(redirect.body).toEqual({ id: absorbed, status: 'MERGED', mergedInto: survivor });
    });

    it('keeps an event about a record not sent yet, and counts it once the record arrives', async () => {
      const early = await events('partner_feed', { eventId: `${tag}-e1`, sourceId: `${tag}-late`, kind: 'social', occurredAt: daysBefore(2), platform: 'trustpilot', sentiment: 0.5, mentions: 2 });
      expect(early.body).toMatchObject({ outcome: 'created', customerId: null });
      const [late] = await ingest('partner_feed', [person('late', 'Jolyon', uniqueSurname())]);
      const profile = (await t.http.get(`/v1/customers/${late.customerId}?asOf=${asOf}`).set(analyst)).body;
      expect(profile.dimensions.social).toMatchObject({ count: 1, mentions: 2, averageSentiment: 0.5 });
    });
  });

  it('streams the changes of an ingest to a live client, in order', async () => {
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/v1/events/stream`, { headers: { 'x-api-key': TEST_KEYS.analyst }, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const received: Array<{ event: string; data: { customerId: string; recordKeys: string[]; sequence: number } }> = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(message)?.[1];
            const data = /^data: (.*)$/m.exec(message)?.[1];
            if (event && data) received.push({ event, data: JSON.parse(data) });
          }
        }
      } catch {
        // aborted at the end of the test
      }
    })();

    const family = uniqueSurname();
    const [first] = await ingest('crm', [person('s1', 'Kasimir', family, { emails: [`kasimir.${tag}@example.com`] })]);
    const [second] = await ingest('ecommerce', [person('s2', 'Kasimir', family, { emails: [`kasimir.${tag}@example.com`] })]);
    const [third] = await ingest('crm', [person('s3', 'Ludmila', uniqueSurname(), { birthDate: '1990-09-09' })]);
    const deadline = Date.now() + 10_000;
    const ours = () => received.filter((message) => message.data.recordKeys?.some((key) => key.includes(tag)));
    while (ours().length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    abort.abort();
    await reading;
    expect(ours().map((message) => [message.event, message.data.customerId, message.data.recordKeys[0]])).toEqual([
      ['customer.created', first.customerId, first.recordKey],
      ['customer.linked', first.customerId, second.recordKey],
      ['customer.created', third.customerId, third.recordKey],
    ]);
    const sequences = ours().map((message) => message.data.sequence);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  });

  it('erases a customer so that no endpoint, query or index returns its values', async () => {
    const family = uniqueSurname();
    const email = `erase.${tag}@example.com`;
    const phone = `+44 161 496 ${randomDigits(4)}`;
    const nationalId = `QQ${randomDigits(6)}C`;
    const [a] = await ingest('crm', [person('x1', 'Ottoline', family, { emails: [email], phones: [phone], identifiers: [{ type: 'national_id', value: nationalId, country: 'GB' }] })]);
    const [b] = await ingest('loyalty', [person('x2', 'Ottoline', family, { emails: [email] })]);
    expect(b.customerId).toBe(a.customerId);
    await events('crm', { eventId: `${tag}-xe`, sourceId: `${tag}-x1`, kind: 'transaction', occurredAt: daysBefore(1), amount: 10 });

    const forbidden = await t.http.delete(`/v1/customers/${a.customerId}`).set(analyst);
    expect(forbidden.status).toBe(403);
    const erased = await t.http.delete(`/v1/customers/${a.customerId}`).set('x-api-key', TEST_KEYS.admin);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ customerId: a.customerId, erased: { sourceRecords: 2, events: 1, reviewTasks: 0, identifiers: expect.any(Number), mergedIds: 0 } });

    expect((await t.http.get(`/v1/customers/${a.customerId}`).set(analyst)).status).toBe(404);
    expect((await t.http.get(`/v1/sources/crm/records/${tag}-x1`).set(analyst)).status).toBe(404);
    expect((await t.http.get(`/v1/customers/${a.customerId}/network`).set(analyst)).status).toBe(404);
    for (const query of [`email=${encodeURIComponent(email)}`, `phone=${encodeURIComponent(phone)}`, `identifier=${nationalId}`]) {
      expect((await t.http.get(`/v1/customers?${query}`).set(analyst)).body.items).toEqual([]);
    }
    // A name search ranks any word's match, so other tests' Ottolines may come back; none may be this one.
    const byName = (await t.http.get(`/v1/customers?q=Ottoline%20${family}`).set(analyst)).body.items as Array<{ id: string; displayName: string }>;
    expect(byName.filter((item) => item.id === a.customerId || item.displayName.includes(family))).toEqual([]);
    const crosswalk = await t.http.get('/v1/resolution/crosswalk?system=crm').set(analyst);
    expect(crosswalk.text).not.toContain(`${tag}-x1`);
    const [left] = await t.neo4j.readRows<{ values: number; events: number; names: number }>(
      `CALL () { MATCH (n) WHERE (n:Email AND n.value = $email) OR (n:Identifier AND n.value CONTAINS $nationalId) OR (n:BlockingKey AND (n.key CONTAINS $email OR n.key CONTAINS $family)) RETURN count(n) AS values }
       CALL () { MATCH (e:Event {key: $eventKey}) RETURN count(e) AS events }
       CALL () { CALL db.index.fulltext.queryNodes('customer_name_fulltext', $family) YIELD node RETURN count(node) AS names }
       RETURN values, events, names`,
      { email, nationalId, family: family.toUpperCase(), eventKey: `crm:${tag}-xe` },
    );
    expect(left).toEqual({ values: 0, events: 0, names: 0 });

    await t.app.get(AuditService).flush();
    const [audit] = await t.neo4j.readRows<{ parameters: string; actor: string }>(
      `MATCH (a:AuditEvent {action: 'customer.erase', target: $id}) RETURN a.parameters AS parameters, a.actor AS actor`,
      { id: a.customerId },
    );
    expect(JSON.parse(audit.parameters)).toEqual(erased.body.erased);
    expect(audit.parameters).not.toContain(family);
  });
});
