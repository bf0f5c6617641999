import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, TEST_KEYS, TestApp, uniqueTag } from './support/test-app';

describe('HTTP conventions (real app, real Neo4j)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a protected route without a key with a 401 problem', async () => {
    const response = await t.http.get('/v1/customers');
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', type: '/problems/unauthenticated', instance: '/v1/customers' });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('refuses an unknown key with 401 and a wrong role with 403', async () => {
    expect((await t.http.get('/v1/customers').set('x-api-key', 'not-a-key-at-all-000')).status).toBe(401);
    const forbidden = await t.http.get('/v1/customers').set('x-api-key', TEST_KEYS.ingest);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
  });

  it('accepts the key as a bearer token and as X-API-Key', async () => {
    expect((await t.http.get('/v1/customers').set('authorization', `Bearer ${TEST_KEYS.analyst}`)).status).toBe(200);
    expect((await t.http.get('/v1/customers').set('x-api-key', TEST_KEYS.admin)).status).toBe(200);
  });

  it('answers an unknown field with 400 naming the field', async () => {
    const response = await t.http.get('/v1/customers?colour=blue').set('x-api-key', TEST_KEYS.analyst);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toEqual([{ field: 'colour', reason: 'property colour should not exist' }]);
  });

  it('caps the page size and validates formats', async () => {
    const response = await t.http.get('/v1/customers?limit=1000&birthDate=12/04/1980').set('x-api-key', TEST_KEYS.analyst);
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { field: string }) => error.field).sort();
    expect(fields).toEqual(['birthDate', 'limit']);
  });

  it('answers unknown routes with a 404 problem', async () => {
    const response = await t.http.get('/v1/nothing-here').set('x-api-key', TEST_KEYS.admin);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('reports health with Neo4j up and how it was reached', async () => {
    const response = await t.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'up', neo4j: { status: 'up', mode: process.env.TEST_NEO4J_MODE } });
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await t.http.get('/health');
    const response = await t.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.text).toContain('http_request_duration_seconds_bucket');
    expect(response.text).toContain('route="/health"');
  });

  it('serves a valid OpenAPI 3 document that declares the API-key security', async () => {
    const response = await t.http.get('/docs-json');
    expect(response.status).toBe(200);
    const document = response.body;
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.components.securitySchemes['api-key']).toMatchObject({ type: 'apiKey', name: 'X-API-Key' });
    expect(document.paths['/v1/customers'].get.security).toEqual(expect.arrayContaining([{ 'api-key': [] }]));
    expect((await t.http.get('/docs')).status).toBe(200);
  });

  it('searches customers by fuzzy name with cursor pagination', async () => {
    const tag = uniqueTag('zq');
    await t.neo4j.writeRows(
      `UNWIND range(1, 3) AS n
       CREATE (:Customer {id: $tag + '-' + n, status: 'ACTIVE', displayName: 'Annabel ' + $tag + ' Featherstonehaugh'})`,
      { tag },
    );
    const first = await t.http.get(`/v1/customers?q=${tag}%20Featherstonhaugh&limit=2`).set('x-api-key', TEST_KEYS.analyst);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http.get(`/v1/customers?q=${tag}%20Featherstonhaugh&limit=2&cursor=${first.body.nextCursor}`).set('x-api-key', TEST_KEYS.analyst);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id).sort();
    expect(ids).toEqual([`${tag}-1`, `${tag}-2`, `${tag}-3`]);
    const none = await t.http.get(`/v1/customers?q=${uniqueTag('nobody')}`).set('x-api-key', TEST_KEYS.analyst);
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });
});

describe('rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ THROTTLE_LIMIT: '3', THROTTLE_TTL_MS: '60000' });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json once a key exceeds its limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http.get('/v1/customers').set('x-api-key', TEST_KEYS.analyst)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const response = await t.http.get('/v1/customers').set('x-api-key', TEST_KEYS.analyst);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('TOO_MANY_REQUESTS');
    // another key has its own budget
    expect((await t.http.get('/v1/customers').set('x-api-key', TEST_KEYS.admin)).status).toBe(200);
  });
});
