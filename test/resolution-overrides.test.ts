import { createTestApp, TEST_KEYS, TestApp, uniqueSurname, uniqueTag } from './support/test-app';

describe('record views, reviews, analyst overrides and retraction (real Neo4j)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ingest = (system: string, body: unknown) => t.http.post(`/v1/sources/${system}/records`).set('x-api-key', TEST_KEYS.ingest).send(body as object);
  const analyst = { 'x-api-key': TEST_KEYS.analyst };

  function threeRecordsOfOnePerson() {
    const family = uniqueSurname();
    const email = `${family.toLowerCase()}@example.net`;
    const base = { name: { given: 'Theodora', family }, birthDate: '1971-07-19', emails: [email], phones: [`+44 161 496 ${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`] };
    return [
      { system: 'crm', record: { ...base, sourceId: uniqueTag('c-') } },
      { system: 'core_banking', record: { ...base, sourceId: uniqueTag('b-'), name: { full: `Theodora ${family.toUpperCase()}` } } },
      { system: 'support', record: { ...base, sourceId: uniqueTag('s-'), phones: [] } },
    ];
  }

  it('shows a record, its normalised form, its customer and why; 404 for an unknown one', async () => {
    const [a, b] = threeRecordsOfOnePerson();
    await ingest(a.system, a.record);
    const linked = await ingest(b.system, b.record);
    const view = await t.http.get(`/v1/sources/${b.system}/records/${b.record.sourceId}`).set(analyst);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ recordKey: linked.body.recordKey, customerId: linked.body.customerId, decision: { rule: 'linked' } });
    expect(view.body.normalised.emails).toEqual([b.record.emails[0]]);
    expect(view.body.decision.explanation.matchedRecordKey).toBe(`${a.system}:${a.record.sourceId}`);
    expect(view.body.decision.explanation.comparisons).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'email', level: 'exact' })]));
    // Stored weights keep three decimals (bits): enough to explain, a third of the bytes of full doubles.
    const weights = [view.body.decision.explanation.matchWeight, ...view.body.decision.explanation.comparisons.map((c: { weight: number }) => c.weight)];
    expect(weights.every((weight) => typeof weight === 'number' && Math.round(weight * 1000) / 1000 === weight)).toBe(true);
    expect(weights.some((weight) => weight !== Math.round(weight))).toBe(true);
    expect((await t.http.get('/v1/sources/crm/records/nope-404').set(analyst)).status).toBe(404);

    const explained = await t.http.get(`/v1/customers/${linked.body.customerId}/explain`).set(analyst);
    expect(explained.body.decisions.map((d: { recordKey: string }) => d.recordKey).sort()).toEqual([`${a.system}:${a.record.sourceId}`, linked.body.recordKey].sort());
  });

  it('explains a pair on demand and refuses an ambiguous target', async () => {
    const [a, b] = threeRecordsOfOnePerson();
    await ingest(a.system, a.record);
    const second = await ingest(b.system, b.record);
    const response = await t.http
      .post('/v1/resolution/explain')
      .set(analyst)
      .send({ left: { system: a.system, sourceId: a.record.sourceId }, right: { customerId: second.body.customerId } });
    expect(response.status).toBe(200);
    expect(response.body.best).toMatchObject({ rightRecordKey: second.body.recordKey, decision: 'link' });
    const bad = await t.http.post('/v1/resolution/explain').set(analyst).send({ left: { system: a.system, sourceId: a.record.sourceId }, right: {} });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('right');
  });

  it('streams the crosswalk as NDJSON', async () => {
    const system = `cw${uniqueTag().slice(0, 8)}`;
    const [a] = threeRecordsOfOnePerson();
    const created = await ingest(system, a.record);
    const response = await t.http.get(`/v1/resolution/crosswalk?system=${system}`).set(analyst);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(response.text.trim().split('\n').map((line) => JSON.parse(line))).toEqual([{ system, sourceId: a.record.sourceId, customerId: created.body.customerId }]);
  });

  it('keeps an analyst split when the records are re-sent, changed or not', async () => {
    const records = threeRecordsOfOnePerson();
    const results = [];
    for (const { system, record } of records) results.push((await ingest(system, record)).body);
    const customerId = results[0].customerId;
    expect(new Set(results.map((r) => r.customerId))).toEqual(new Set([customerId]));

    const split = await t.http.post(`/v1/customers/${customerId}/split`).set(analyst).send({ recordKeys: [results[2].recordKey] });
    expect(split.status).toBe(200);
    expect(split.body.customers[0]).toMatchObject({ customerId, recordKeys: [results[0].recordKey, results[1].recordKey].sort() });
    const movedTo = split.body.customers[1].customerId;
    expect(movedTo).not.toBe(customerId);

    for (const { system, record } of records) expect((await ingest(system, record)).body.outcome).toBe('unchanged');
    const changed = await ingest(records[2].system, { ...records[2].record, phones: ['+44 161 496 0001'] });
    expect(changed.body.customerId).toBe(movedTo);
    expect(changed.body.customerIds).not.toContain(customerId);
  });

  it('a split that moves a record waits for a resolution holding that record\'s blocking keys', async () => {
    // Ingest reads candidates once, under its key locks; a split must not move a record behind its back.
    const records = threeRecordsOfOnePerson();
    const results = [];
    for (const { system, record } of records) results.push((await ingest(system, record)).body);
    const customerId = results[0].customerId;
    const session = t.neo4j.driver.session();
    const resolution = await session.beginTransaction();
    const events: string[] = [];
    try {
      const held = await resolution.run('MATCH (:SourceRecord {key: $key})-[:HAS_KEY]->(k:BlockingKey) WITH k ORDER BY k.key LIMIT 1 SET k.locked = true RETURN k.key AS key', { key: results[2].recordKey });
      expect(held.records).toHaveLength(1);
      const split = t.http
        .post(`/v1/customers/${customerId}/split`)
        .set(analyst)
        .send({ recordKeys: [results[2].recordKey] })
        .then((response) => {
          events.push('split answered');
          return response;
        });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      events.push('resolution committed');
      await resolution.commit();
      expect((await split).status).toBe(200);
      expect(events).toEqual(['resolution committed', 'split answered']);
    } finally {
      if (resolution.isOpen()) await resolution.rollback();
      await session.close();
    }
  });

  it('merges two customers on an analyst request; the older id survives', async () => {
    const [a] = threeRecordsOfOnePerson();
    const [b] = threeRecordsOfOnePerson();
    const first = (await ingest(a.system, a.record)).body.customerId;
    const second = (await ingest(b.system, b.record)).body.customerId;
    const merged = await t.http.post(`/v1/customers/${second}/merge`).set(analyst).send({ customerId: first });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ customers: [{ customerId: first }], retired: [second] });
    const forbidden = await t.http.post(`/v1/customers/${second}/merge`).set('x-api-key', TEST_KEYS.ingest).send({ customerId: first });
    expect(forbidden.status).toBe(403);
  });

  /** Two records of one name, the second with the birth year alone: a review task between them. */
  async function recordsUnderReview(given: string, birthDate: string) {
    const family = uniqueSurname();
    const anchor = await ingest('crm', { sourceId: uniqueTag('r-'), name: { given, family }, birthDate });
    const maybeId = uniqueTag('r-');
    const maybe = await ingest('loyalty', { sourceId: maybeId, name: { given, family }, birthDate: birthDate.slice(0, 4) });
    expect(maybe.body.outcome).toBe('review');
    return { family, anchor, maybe, maybeId };
  }

  it('lists review tasks and applies decisions: no_match keeps apart, match merges', async () => {
    const { family, anchor, maybe, maybeId } = await recordsUnderReview('Ottoline', '1962-03-04');
    const open = await t.http.get('/v1/reviews?status=open&limit=100').set(analyst);
    const task = open.body.items.find((item: { id: string }) => item.id === maybe.body.reviewTaskId);
    expect(task).toMatchObject({ recordKey: maybe.body.recordKey, candidateRecordKey: anchor.body.recordKey, status: 'OPEN' });

    const decided = await t.http.post(`/v1/reviews/${task.id}/decision`).set(analyst).send({ decision: 'match' });
    expect(decided.status).toBe(200);
    expect(decided.body.customers[0].recordKeys.sort()).toEqual([anchor.body.recordKey, maybe.body.recordKey].sort());
    // The decision holds when the record comes back changed, though its score alone would only open a review again.
    const resent = await ingest('loyalty', { sourceId: maybeId, name: { given: 'Ottoline', family }, birthDate: '1962', phones: ['+44 20 7946 0311'] });
    expect(resent.body).toMatchObject({ outcome: 'linked', customerId: decided.body.customers[0].customerId });
    const again = await t.http.post(`/v1/reviews/${task.id}/decision`).set(analyst).send({ decision: 'no_match' });
    expect(again.status).toBe(409);
    const invalid = await t.http.post(`/v1/reviews/${task.id}/decision`).set(analyst).send({ decision: 'perhaps' });
    expect(invalid.status).toBe(400);
  });

  it('a no_match decision keeps the two records apart when one comes back matching the other', async () => {
    const { family, anchor, maybe, maybeId } = await recordsUnderReview('Perpetua', '1971-08-09');
    const decided = await t.http.post(`/v1/reviews/${maybe.body.reviewTaskId}/decision`).set(analyst).send({ decision: 'no_match' });
    expect(decided.status).toBe(200);
    // With the full birth date the two would link, as the control from a third system below does.
    const resent = await ingest('loyalty', { sourceId: maybeId, name: { given: 'Perpetua', family }, birthDate: '1971-08-09' });
    expect(resent.status).toBe(200);
    expect(resent.body.customerId).not.toBe(anchor.body.customerId);
    // The control links to one of the two and cannot join them.
    const control = await ingest('partner_feed', { sourceId: uniqueTag('n-'), name: { given: 'Perpetua', family }, birthDate: '1971-08-09' });
    expect(control.body).toMatchObject({ outcome: 'linked' });
  });

  it('retracting the record that bridged two customers splits them again', async () => {
    const family = uniqueSurname();
    const email = `${family.toLowerCase()}.bridge@example.org`;
    const nationalId = `QQ${Math.floor(Math.random() * 900000 + 100000)}C`;
    const byEmail = await ingest('crm', { sourceId: uniqueTag('e-'), name: { given: 'Cressida', family }, emails: [email] });
    const byId = await ingest('core_banking', { sourceId: uniqueTag('i-'), name: { given: 'Cressida', family }, identifiers: [{ type: 'national_id', value: nationalId, country: 'GB' }] });
    const bridgeId = uniqueTag('x-');
    const bridge = await ingest('partner_feed', {
      sourceId: bridgeId,
      name: { given: 'Cressida', family },
      birthDate: '1990-10-10',
      emails: [email],
      identifiers: [{ type: 'national_id', value: nationalId, country: 'GB' }],
    });
    expect(bridge.body.outcome).toBe('merged');
    const survivor = bridge.body.customerId;

    const retracted = await t.http.delete(`/v1/sources/partner_feed/records/${bridgeId}`).set('x-api-key', TEST_KEYS.ingest);
    expect(retracted.status).toBe(200);
    expect(retracted.body.customers).toHaveLength(2);
    expect(retracted.body.customers[0].customerId).toBe(survivor);
    const keys = retracted.body.customers.map((c: { recordKeys: string[] }) => c.recordKeys).flat().sort();
    expect(keys).toEqual([byEmail.body.recordKey, byId.body.recordKey].sort());
    expect((await t.http.get(`/v1/sources/partner_feed/records/${bridgeId}`).set(analyst)).status).toBe(404);
    expect((await t.http.delete(`/v1/sources/partner_feed/records/${bridgeId}`).set('x-api-key', TEST_KEYS.ingest)).status).toBe(404);
  });
});
