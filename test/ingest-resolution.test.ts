import type { ManagedTransaction } from 'neo4j-driver';
import { emptyWrite } from '../src/ingest/golden-write';
import { IngestRepository } from '../src/ingest/ingest.repository';
import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { prepareRecord } from '../src/ingest/prepared-record';
import { checkRecord } from '../src/ingest/record-validation';
import { recordToStore } from '../src/ingest/resolution-pipeline.service';
import { Neo4jService } from '../src/neo4j/neo4j.service';
import { normaliseRecord, resolveBatch, SourceRecordInput } from '../src/resolution';
import { createTestApp, TEST_KEYS, TestApp, uniqueSurname, uniqueTag } from './support/test-app';

describe('ingest and real-time resolution (real Neo4j)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (system: string, body: unknown) => t.http.post(`/v1/sources/${system}/records`).set('x-api-key', TEST_KEYS.ingest).send(body as object);
  const recordsOf = (customerId: string) =>
    t.neo4j.readRows<{ key: string }>('MATCH (:Customer {id: $customerId})<-[:RESOLVED_TO]-(r:SourceRecord) RETURN r.key AS key ORDER BY key', { customerId });

  function person(overrides: Record<string, unknown> = {}) {
    const family = uniqueSurname();
    // One of 18,000 postcodes: every person here is a Margaret at 12 Baker Street, and two at one postcode whose surnames start
    // alike share a blocking key and are scored (the same dwelling and given name): a review where a test expects a new customer.
    const postcode = `NW${Math.floor(Math.random() * 90 + 10)} ${Math.floor(Math.random() * 10)}${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(Math.random() * 20)]}E`;
    // Random over seven digits: other suites load people on 020 7946 numbers, and a shared number is found by a phone search too.
    const phone = `+44 20 7${String(Math.floor(Math.random() * 1000)).padStart(3, '0')} ${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
    return {
      phone,
      family,
      postcode,
      record: {
        sourceId: uniqueTag('crm-'),
        name: { given: 'Margaret', family },
        birthDate: `19${50 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`,
        gender: 'F',
        emails: [`margaret.${family.toLowerCase()}@example.com`],
        phones: [phone],
        addresses: [{ line1: '12 Baker Street', locality: 'London', postcode, country: 'GB' }],
        ...overrides,
      },
    };
  }

  it('a customer that gains a record is scored again against the customers its older records share a key with', async () => {
    const family = uniqueSurname();
    const phone = `+44 20 7${String(Math.floor(Math.random() * 1000)).padStart(3, '0')} ${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
    const email = `m.${family.toLowerCase()}@example.com`;
    const bank = await post('core_banking', {
      sourceId: uniqueTag('cb-'),
      name: { given: 'Mary', family },
      birthDate: '1977-06-09',
      phones: [phone],
      addresses: [{ line1: '59 Kings Road', locality: 'Cambridge', postcode: 'CB8 6LU', country: 'GB' }],
    });
    // An initial and the same phone: just below the link band, so a customer of its own under review.
    const support = await post('support', { sourceId: uniqueTag('su-'), name: { given: 'M', family }, phones: [phone], emails: [email] });
    expect(support.body).toMatchObject({ outcome: 'review' });
    expect(support.body.customerId).not.toBe(bank.body.customerId);
    // The given name written out, with the support record's email only: it links to that customer, which
    // now matches the bank's through the phone, a key the new record does not hold.
    const shopRecord = { sourceId: uniqueTag('ec-'), name: { given: 'Mary', family }, emails: [email] };

    // What resolution reads for it (in a transaction rolled back): its state and the support customer
    // as a candidate with its records, then the bank's customer as the candidate's neighbour.
    const check = checkRecord(shopRecord);
    if (!check.ok) throw new Error(JSON.stringify(check.errors));
    const models = t.app.get(MatchModelProvider);
    const model = models.current();
    const toStore = recordToStore(prepareRecord('ecommerce', check.record, 0, model, models.trustOf('ecommerce'), new Date().toISOString()));
    const session = t.app.get(Neo4jService).driver.session();
    const tx = session.beginTransaction();
    try {
      const read = await t.app.get(IngestRepository).lockAndReadBatch(tx as unknown as ManagedTransaction, [toStore], model.settings.genericCutoff, model.settings.maxCandidates);
      expect(read.states).toEqual([expect.objectContaining({ key: toStore.key, customerId: null, unchanged: false })]);
      expect(read.customers.map((customer) => [customer.customerId, customer.records.length])).toEqual([[support.body.customerId, 1]]);
      const neighbours = await t.app
        .get(IngestRepository)
        .lockAndReadNeighbours(tx as unknown as ManagedTransaction, [support.body.customerId], toStore.keys, model.settings.genericCutoff, model.settings.maxCandidates);
      expect(neighbours.map((customer) => [customer.customerId, customer.records.length])).toEqual([[bank.body.customerId, 1]]);
    } finally {
      await tx.rollback();
      await session.close();
    }

    const shop = await post('ecommerce', shopRecord);
    expect(shop.status).toBe(200);
    expect(shop.body).toMatchObject({ outcome: 'merged', customerId: bank.body.customerId, customerIds: [bank.body.customerId, support.body.customerId] });
    expect(await recordsOf(bank.body.customerId)).toHaveLength(3);
    // The bank's customer took part as a neighbour; its golden record is rebuilt from all three
    // records, and only the bank record has the birth date.
    const profile = await t.http.get(`/v1/customers/${bank.body.customerId}`).set('x-api-key', TEST_KEYS.analyst);
    expect(profile.status).toBe(200);
    expect(profile.body.attributes.birthDate).toMatchObject({ value: '1977-06-09', system: 'core_banking' });
  });

  it('gives the same customers whatever order the records arrive in: a stronger match takes a record from a customer it joined earlier', async () => {
    // "J" with a phone shared with James; John shares J's email and address, so J is John. James and
    // John written out disagree, so a customer holding J and James would not take John.
    const load = async (order: Array<'j' | 'james' | 'john'>) => {
      const family = uniqueSurname();
      const phone = `+44 20 7${String(Math.floor(Math.random() * 1000)).padStart(3, '0')} ${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
      const email = `jq.${family.toLowerCase()}@example.com`;
      const address = { line1: '12 Baker Street', locality: 'London', postcode: `NW${Math.floor(Math.random() * 90 + 10)} 6XE`, country: 'GB' };
      const records = {
        j: ['crm', { sourceId: uniqueTag('crm-'), name: { given: 'J', family }, birthDate: '1980-05-01', emails: [email], phones: [phone], addresses: [address] }],
        james: ['core_banking', { sourceId: uniqueTag('cb-'), name: { given: 'James', family }, birthDate: '1980-05-01', phones: [phone] }],
        john: ['ecommerce', { sourceId: uniqueTag('ec-'), name: { given: 'John', family }, birthDate: '1980-05-01', emails: [email], addresses: [address] }],
      } as const;
      const responses: Record<string, { status: number; body: { customerId: string; recordKey: string; outcome: string } }> = {};
      for (const name of order) responses[name] = await post(records[name][0], records[name][1]);
      for (const response of Object.values(responses)) expect(response.status).toBe(200);
      const customerOf = async (name: string) => {
        const [row] = await t.neo4j.readRows<{ customerId: string; rule: string }>(
          'MATCH (:SourceRecord {key: $key})-[d:RESOLVED_TO]->(c:Customer) RETURN c.id AS customerId, d.rule AS rule',
          { key: responses[name].body.recordKey },
        );
        return row;
      };
      return { responses, j: await customerOf('j'), james: await customerOf('james'), john: await customerOf('john') };
    };

    const jamesFirst = await load(['j', 'james', 'john']);
    expect(jamesFirst.responses.james.body.outcome).toBe('linked');
    // John takes J's customer (it keeps its id); James's record moves to a customer of its own.
    expect(jamesFirst.responses.john.body).toMatchObject({ outcome: 'linked', customerId: jamesFirst.j.customerId });
    expect(jamesFirst.j.customerId).toBe(jamesFirst.responses.j.body.customerId);
    expect(jamesFirst.james.customerId).not.toBe(jamesFirst.j.customerId);
    expect(jamesFirst.james.rule).toBe('reresolved');

    const johnFirst = await load(['j', 'john', 'james']);
    expect(johnFirst.john.customerId).toBe(johnFirst.j.customerId);
    expect(johnFirst.james.customerId).not.toBe(johnFirst.j.customerId);
  });

  it('retires a customer whose records went to several customers and redirects one whose records went to one', async () => {
    const created = [];
    for (let i = 0; i < 3; i++) created.push((await post('crm', person().record)).body as { customerId: string });
    const [kept, redirected, retired] = created.map((body) => body.customerId);
    const repository = t.app.get(IngestRepository);
    const by = 'test';
    await t.neo4j.write((tx) =>
      repository.applyResolution(tx, {
        ...emptyWrite(new Date().toISOString()),
        retire: [
          { customerId: redirected, mergedInto: kept, by, reason: 'test: records went to one customer' },
          { customerId: retired, mergedInto: null, by, reason: 'test: records went to several customers' },
        ],
      }),
    );
    const rows = await t.neo4j.readRows<{ id: string; status: string; mergedInto: string | null; displayName: string | null; redirect: string | null }>(
      'MATCH (c:Customer) WHERE c.id IN $ids OPTIONAL MATCH (c)-[:MERGED_INTO]->(s:Customer) RETURN c.id AS id, c.status AS status, c.mergedInto AS mergedInto, c.displayName AS displayName, s.id AS redirect',
      { ids: [redirected, retired] },
    );
    expect(rows.find((row) => row.id === redirected)).toMatchObject({ status: 'MERGED', mergedInto: kept, displayName: null, redirect: kept });
    expect(rows.find((row) => row.id === retired)).toMatchObject({ status: 'RETIRED', mergedInto: null, displayName: null, redirect: null });
    // The API follows the redirect as after any merge.
    const redirect = await t.http.get(`/v1/customers/${redirected}`).set('x-api-key', TEST_KEYS.analyst);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe(`/v1/customers/${kept}`);
  });

  it('resolves the same person from three systems into one customer', async () => {
    const { family, record } = person();
    const first = await post('crm', record);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'created', recordKey: `crm:${record.sourceId}` });
    const customerId = first.body.customerId;

    const banking = await post('core_banking', {
      ...record,
      sourceId: uniqueTag('cb-'),
      name: { full: `Mrs Peggy ${family.slice(0, -1)}on` }, // nickname and a typo in the surname
      emails: [record.emails[0].toUpperCase()],
      phones: [record.phones[0].replace('+44 20', '020')],
    });
    expect(banking.body).toMatchObject({ outcome: 'linked', customerId });
    expect(banking.body.score).toBeGreaterThan(0.99);

    const shop = await post('ecommerce', { ...record, sourceId: uniqueTag('ec-'), name: { given: 'Maggie', family }, addresses: [] });
    expect(shop.body).toMatchObject({ outcome: 'linked', customerId });
    expect(await recordsOf(customerId)).toHaveLength(3);

    const [customer] = await t.neo4j.readRows<{ displayName: string; recordCount: number }>(
      'MATCH (c:Customer {id: $customerId}) RETURN c.displayName AS displayName, c.recordCount AS recordCount',
      { customerId },
    );
    expect(customer.recordCount).toBe(3);
    // core banking is the most trusted source, so its spelling of the name wins
    expect(customer.displayName).toContain('Peggy');
  });

  it('links a copy whose identifier has two digits swapped when the identifier is all the keys could share', async () => {
    // Two different digits in the middle, so swapping them changes the id.
    const digits = `${Math.floor(Math.random() * 90 + 10)}47${Math.floor(Math.random() * 90 + 10)}`;
    const { record } = person({ birthDate: undefined, emails: [], phones: [], identifiers: [{ type: 'national_id', value: `QQ${digits}C`, country: 'GB' }] });
    const first = await post('core_banking', record);
    expect(first.body.outcome).toBe('created');
    // The same dwelling with a slip in the postcode (so no postcode key is shared) and the id's 3rd and 4th digits swapped.
    const slipped = `QQ${digits.slice(0, 2)}${digits[3]}${digits[2]}${digits.slice(4)}C`;
    const postcode = record.addresses[0].postcode.replace(/E$/, 'F');
    const copy = await post('partner_feed', {
      ...record,
      sourceId: uniqueTag('pf-'),
      addresses: [{ ...record.addresses[0], postcode }],
      identifiers: [{ type: 'national_id', value: slipped, country: 'GB' }],
    });
    expect(copy.body).toMatchObject({ outcome: 'linked', customerId: first.body.customerId });
  });

  it('answers unchanged for a re-sent record and re-resolves a changed one', async () => {
    const { record } = person();
    const first = await post('crm', record);
    const again = await post('crm', record);
    expect(again.body).toMatchObject({ outcome: 'unchanged', customerId: first.body.customerId });
    const sameWithNewTime = await post('crm', { ...record, observedAt: '2026-11-02T10:00:00Z' });
    expect(sameWithNewTime.body.outcome).toBe('unchanged');
    const stored = () =>
      t.neo4j.readRows<{ phones: string[]; keys: string[]; ingestedAt: string; payload: string }>(
        `MATCH (r:SourceRecord {key: $key})
         RETURN [(r)-[:HAS_PHONE]->(p) | p.value] AS phones, [(r)-[:HAS_KEY]->(k) | k.key] AS keys,
                toString(r.ingestedAt) AS ingestedAt, r.payload AS payload`,
        { key: first.body.recordKey },
      );
    const [before] = await stored();
    expect(before.ingestedAt).toEqual(expect.any(String));
    const changed = await post('crm', { ...record, phones: ['+44 20 7946 1111'] });
    expect(changed.body.outcome).not.toBe('unchanged');
    expect(changed.body.customerId).toBe(first.body.customerId);
    // The record now holds the new number only: its old phone node and phone key are unlinked.
    const [after] = await stored();
    expect(after.phones).toEqual(['+442079461111']);
    expect(after.keys).toContain('phone:79461111');
    expect(after.keys.filter((key) => key.startsWith('phone:'))).toHaveLength(1);
    expect(JSON.parse(after.payload).phones).toEqual(['+44 20 7946 1111']);
    expect(after.ingestedAt).toBe(before.ingestedAt);
  });

  it('keeps a spouse at the same address and twins with different given names apart', async () => {
    const { family, postcode, record } = person();
    const anna = await post('crm', record);
    const spouse = await post('crm', {
      ...record,
      sourceId: uniqueTag('crm-'),
      name: { given: 'Robert', family },
      birthDate: '1977-01-30',
      gender: 'M',
      emails: [`robert.${family.toLowerCase()}@example.com`],
    });
    const twin = await post('crm', { ...record, sourceId: uniqueTag('crm-'), name: { given: 'Beatrice', family }, emails: [`bea.${family.toLowerCase()}@example.com`] });
    const ids = new Set([anna.body.customerId, spouse.body.customerId, twin.body.customerId]);
    expect(ids.size).toBe(3);
    expect(spouse.body.outcome).toBe('created');
    expect(twin.body.outcome).toBe('created');
    expect(postcode).toBeDefined();
  });

  it('merges two customers bridged by a record: the older id survives, the other redirects', async () => {
    const { family, record } = person({ phones: [], addresses: [] });
    // Two records that share nothing but the name: two customers.
    const byEmail = await post('crm', { ...record, birthDate: undefined, emails: [`m.${family.toLowerCase()}@example.com`], identifiers: [] });
    const byId = await post('core_banking', {
      sourceId: uniqueTag('cb-'),
      name: { given: 'Margaret', family },
      birthDate: record.birthDate.slice(0, 4),
      identifiers: [{ type: 'national_id', value: `QQ${Math.floor(Math.random() * 900000 + 100000)}C`, country: 'GB' }],
    });
    expect(byEmail.body.customerId).not.toBe(byId.body.customerId);
    const older = byEmail.body.customerId;
    const newer = byId.body.customerId;
    const bridge = await post('partner_feed', {
      sourceId: uniqueTag('pf-'),
      name: { given: 'Margaret', family },
      birthDate: record.birthDate,
      emails: [`m.${family.toLowerCase()}@example.com`],
      identifiers: (await t.neo4j.readRows<{ payload: string }>('MATCH (r:SourceRecord {key: $key}) RETURN r.payload AS payload', { key: byId.body.recordKey }))
        .map((row) => JSON.parse(row.payload).identifiers)[0],
    });
    expect(bridge.body.outcome).toBe('merged');
    expect(bridge.body.customerId).toBe(older);
    expect(bridge.body.customerIds).toEqual([older, newer]);
    expect(await recordsOf(older)).toHaveLength(3);
    const [absorbed] = await t.neo4j.readRows<{ status: string; mergedInto: string }>(
      'MATCH (c:Customer {id: $id}) RETURN c.status AS status, c.mergedInto AS mergedInto',
      { id: newer },
    );
    expect(absorbed).toEqual({ status: 'MERGED', mergedInto: older });
  });

  it('compares no records through a key the graph holds generic, though the records resolved together hold it alone, as the rebuild does', async () => {
    const models = t.app.get(MatchModelProvider);
    const model = models.current();
    // A cutoff of two: a phone held by three records is generic, as a switchboard number is at the default of fifty.
    const strict = { ...model, settings: { ...model.settings, genericCutoff: 2 } };
    const family = uniqueSurname();
    const phone = `+44 20 7${String(Math.floor(Math.random() * 1000)).padStart(3, '0')} ${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
    const email = `household.${family.toLowerCase()}@example.com`;
    // Records with a name and no birth date or address have no name keys: what they share is the phone and the email.
    const sent: Array<Omit<SourceRecordInput, 'system'>> = [];
    const send = async (items: Array<{ given: string; family: string; phones?: string[]; emails?: string[] }>) => {
      const records = items.map(({ given, family: surname, phones = [], emails = [] }) => ({ sourceId: uniqueTag('crm-'), name: { given, family: surname }, phones, emails }));
      sent.push(...records);
      const response = await post('crm', records);
      expect(response.body.errors).toEqual([]);
      return response.body.results as Array<{ recordKey: string; customerId: string; outcome: string }>;
    };
    models.use(strict);
    try {
      // Three people on one switchboard number: it is generic from now on.
      await send(['Alina', 'Bogdan', 'Cosmin'].map((given) => ({ given, family: uniqueSurname(), phones: [phone] })));
      const [patrick] = await send([{ given: 'Patrick', family, phones: [phone], emails: [email] }]);
      // Olga shares the email with Patrick, so his customer is a candidate of this batch; the second
      // Patrick shares only the generic phone with him, and only these two of the batch's records hold it.
      const [, second] = await send([
        { given: 'Olga', family: uniqueSurname(), emails: [email] },
        { given: 'Patrick', family, phones: [phone] },
      ]);
      expect(second.outcome).toBe('created');
      expect(second.customerId).not.toBe(patrick.customerId);

      // What resolving every one of these records at once gives (the rebuild: nothing else holds their keys),
      // and what it gives where the phone is not generic: the two Patricks as one customer.
      const normalised = sent.map((record) => normaliseRecord({ ...record, system: 'crm' }, strict.settings));
      const groups = (resolution: ReturnType<typeof resolveBatch>) => resolution.newCustomers.map((customer) => customer.recordKeys.sort().join(' ')).sort();
      const atOnce = groups(resolveBatch({ incoming: normalised, entities: [], model: strict }));
      expect(groups(resolveBatch({ incoming: normalised, entities: [], model }))).toContain([patrick.recordKey, second.recordKey].sort().join(' '));
      const stored = await t.neo4j.readRows<{ keys: string[] }>(
        'UNWIND $keys AS key MATCH (r:SourceRecord {key: key})-[:RESOLVED_TO]->(c:Customer) WITH c, collect(r.key) AS keys RETURN keys',
        { keys: normalised.map((record) => record.key) },
      );
      expect(stored.map((row) => row.keys.sort().join(' ')).sort()).toEqual(atOnce);
    } finally {
      models.use(model);
    }
  });

  it('compares a record without a birth date through the birth year its mailbox ends with', async () => {
    // The same name, one record with a birth date and a phone, the other with only an email: only
    // the year in the mailbox gives them a blocking key in common (the name-and-year key).
    const send = async (year: string) => {
      const family = uniqueSurname();
      const banking = await post('core_banking', { sourceId: uniqueTag('cb-'), name: { given: 'Ottoline', family }, birthDate: '1962-03-04' });
      const shop = await post('ecommerce', { sourceId: uniqueTag('ec-'), name: { given: 'Ottoline', family }, emails: [`ottoline.${family.toLowerCase()}${year}@example.com`] });
      return { banking: banking.body, shop: shop.body };
    };
    const { banking, shop } = await send('62');
    expect(shop.outcome).toBe('review');
    const [task] = await t.neo4j.readRows<{ candidate: string; explanation: string }>(
      'MATCH (t:ReviewTask {id: $id})-[:CANDIDATE]->(o:SourceRecord) RETURN o.key AS candidate, t.explanation AS explanation',
      { id: shop.reviewTaskId },
    );
    expect(task.candidate).toBe(banking.recordKey);
    expect(task.explanation).toContain('email_year');
    // Other digits: no key in common, so never compared.
    const other = await send('63');
    expect(other.shop.outcome).toBe('created');
    expect(other.shop.reviewTaskId).toBeUndefined();
  });

  it('opens a review task for a borderline pair', async () => {
    const family = uniqueSurname();
    await post('crm', { sourceId: uniqueTag('crm-'), name: { given: 'Ottoline', family }, birthDate: '1962-03-04' });
    const borderline = await post('loyalty', { sourceId: uniqueTag('loy-'), name: { given: 'Ottoline', family }, birthDate: '1962' });
    expect(borderline.body.outcome).toBe('review');
    expect(borderline.body.reviewTaskId).toEqual(expect.any(String));
    const tasks = await t.neo4j.readRows('MATCH (t:ReviewTask {id: $id})-[:ABOUT]->(r:SourceRecord) RETURN t.status AS status, r.key AS key', {
      id: borderline.body.reviewTaskId,
    });
    expect(tasks).toEqual([{ status: 'OPEN', key: borderline.body.recordKey }]);
  });

  it('finds an ingested customer by email in any case, phone in any format, identifier value and a misspelt name', async () => {
    const { family, record } = person({ identifiers: [{ type: 'national_id', value: `QQ${Math.floor(Math.random() * 900000 + 100000)}C`, country: 'GB' }] });
    const created = await post('crm', record);
    const search = (query: string) => t.http.get(`/v1/customers?${query}`).set('x-api-key', TEST_KEYS.analyst);
    const ids = async (query: string) => (await search(query)).body.items.map((item: { id: string }) => item.id);
    expect(await ids(`email=${encodeURIComponent(record.emails[0].toUpperCase())}`)).toEqual([created.body.customerId]);
    expect(await ids(`phone=${encodeURIComponent(record.phones[0].replace('+44 20', '020'))}`)).toEqual([created.body.customerId]);
    const nationalId = (record as unknown as { identifiers: Array<{ value: string }> }).identifiers[0].value;
    expect(await ids(`identifier=${nationalId.slice(0, 2)}-${nationalId.slice(2)}`)).toEqual([created.body.customerId]);
    expect(await ids(`q=Margaret%20${family.slice(0, 3)}x${family.slice(4)}`)).toContain(created.body.customerId);
    expect(await ids(`email=nobody-${family.toLowerCase()}@example.com`)).toEqual([]);
    const bad = await search('phone=call%20me');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('phone');
  });

  describe('bad input', () => {
    it('answers malformed JSON with a 400 problem', async () => {
      const response = await t.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.ingest).set('content-type', 'application/json').send('{"sourceId": "x",');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('MALFORMED_BODY');
    });

    it('names wrong types, unknown fields, impossible dates and empty names', async () => {
      const response = await post('crm', { sourceId: 7, name: { given: ' ', family: '' }, birthDate: '1981-02-29', emails: 'x@example.com', favouriteColour: 'red' });
      expect(response.status).toBe(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['sourceId', 'name', 'birthDate', 'emails', 'favouriteColour']));
    });

    it('refuses a bad system name', async () => {
      const response = await post('CRM System!', person().record);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('system');
    });

    it('keeps the valid items of a batch and reports the bad ones by index', async () => {
      const good = [person().record, person().record];
      const response = await post('crm', [good[0], { sourceId: 'x', birthDate: '2099-01-01', name: { given: 'A' } }, good[1]]);
      expect(response.status).toBe(200);
      expect(response.body.results.map((result: { index: number }) => result.index)).toEqual([0, 2]);
      expect(response.body.errors).toEqual([{ index: 1, sourceId: 'x', errors: [expect.objectContaining({ field: 'birthDate' })] }]);
      const stored = await t.neo4j.readRows('MATCH (r:SourceRecord) WHERE r.key IN $keys RETURN r.key AS key', {
        keys: good.map((record) => `crm:${record.sourceId}`),
      });
      expect(stored).toHaveLength(2);
    });

    it('takes a name part of silent letters only (an OCR remnant, Gh), which once failed the phonetic key', async () => {
      const record = { ...person().record, name: { given: 'Gh', family: 'Gh' } };
      const response = await post('crm', [record]);
      expect(response.status).toBe(200);
      expect(response.body.errors).toEqual([]);
      expect(response.body.results[0].outcome).toBe('created');
    });

    it('refuses an oversized batch with 413 and stores nothing of it', async () => {
      const small = await createTestApp({ INGEST_MAX_BATCH: '3' });
      try {
        const records = [1, 2, 3, 4].map(() => person().record);
        const response = await small.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.ingest).send(records);
        expect(response.status).toBe(413);
        expect(response.body.errors[0].field).toBe('(body)');
        const stored = await t.neo4j.readRows('MATCH (r:SourceRecord) WHERE r.key IN $keys RETURN r.key', { keys: records.map((r) => `crm:${r.sourceId}`) });
        expect(stored).toHaveLength(0);
      } finally {
        await small.close();
      }
    });

    it('refuses a body above the size limit with 413', async () => {
      const small = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
      try {
        const response = await small.http
          .post('/v1/sources/crm/records')
          .set('x-api-key', TEST_KEYS.ingest)
          .send({ ...person().record, attributes: { note: 'x'.repeat(900), other: 'y'.repeat(900), third: 'z'.repeat(900) } });
        expect(response.status).toBe(413);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      } finally {
        await small.close();
      }
    });

    it('requires the ingest role to write', async () => {
      const response = await t.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.analyst).send(person().record);
      expect(response.status).toBe(403);
    });
  });

  it('streams NDJSON: results line by line, bad lines reported by line number', async () => {
    const records = [person().record, person().record];
    const body = [JSON.stringify(records[0]), '{not json', JSON.stringify({ sourceId: 'bad', name: {} }), JSON.stringify(records[1])].join('\n');
    const response = await t.http
      .post('/v1/sources/crm/records')
      .set('x-api-key', TEST_KEYS.ingest)
      .set('content-type', 'application/x-ndjson')
      .send(body);
    expect(response.status).toBe(200);
    const lines = response.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.find((line) => line.index === 1)).toMatchObject({ errors: [{ field: '(line)' }] });
    expect(lines.find((line) => line.index === 2)).toMatchObject({ sourceId: 'bad' });
    expect(lines.filter((line) => line.outcome === 'created').map((line) => line.index).sort()).toEqual([0, 3]);
    expect(lines.at(-1)).toEqual({ summary: { lines: 4, accepted: 2, refused: 2 } });
  });

  it('streams NDJSON over several chunks: every line answered once, chunks answered in input order, all records stored', async () => {
    const chunked = await createTestApp({ INGEST_CHUNK_SIZE: '2' });
    try {
      const records = [1, 2, 3, 4, 5].map(() => person().record);
      // 7 lines, chunks of 2: a bad line in the 1st and 3rd chunks, so refusals and results interleave.
      const input = [records[0], '{not json', records[1], records[2], { sourceId: 'bad-2', name: {} }, records[3], records[4]];
      const body = input.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
      const response = await chunked.http.post('/v1/sources/crm/records').set('x-api-key', TEST_KEYS.ingest).set('content-type', 'application/x-ndjson').send(body);
      expect(response.status).toBe(200);
      const lines = response.text.trim().split('\n').map((line) => JSON.parse(line));
      const answers = lines.slice(0, -1) as Array<{ index: number; outcome?: string }>;
      expect(answers.map((line) => line.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      const chunks = answers.map((line) => Math.floor(line.index / 2));
      expect(chunks).toEqual([...chunks].sort((a, b) => a - b));
      expect(answers.filter((line) => line.outcome).map((line) => line.index).sort((a, b) => a - b)).toEqual([0, 2, 3, 5, 6]);
      expect(lines.at(-1)).toEqual({ summary: { lines: 7, accepted: 5, refused: 2 } });
      const stored = await t.neo4j.readRows('MATCH (r:SourceRecord)-[:RESOLVED_TO]->(:Customer) WHERE r.key IN $keys RETURN r.key AS key', {
        keys: records.map((record) => `crm:${record.sourceId}`),
      });
      expect(stored).toHaveLength(5);
    } finally {
      await chunked.close();
    }
  });
});
