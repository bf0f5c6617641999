import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { createApp } from '../src/app.factory';
import { createRootLogger } from '../src/common/logging/logger';
import { loadConfig } from '../src/config/app-config';
import { IngestRepository, StoredEvent } from '../src/ingest/ingest.repository';
import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { CypherRegistry } from '../src/neo4j/cypher-registry';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j';
import { Neo4jService } from '../src/neo4j/neo4j.service';
import { SchemaMigrator } from '../src/neo4j/schema-migrator';
import { seededRandom } from '../src/resolution/train/seeded-random';
import { addPayloadsAndGolden, loadResolvedGraph, sampleCustomerIds } from './lib/resolved-graph';
import { percentile, recordResults } from './record-results';

const API_KEY = 'bench-profile-key-0123456789';
const PAGE = 5000;
const KINDS = ['transaction', 'transaction', 'transaction', 'product', 'interaction', 'incident', 'campaign', 'loyalty', 'social'] as const;

/**
 * The 360 profile and customer search at scale: a graph of generated people on their true
 * customers (shared with bench:network through --data-dir), events added through the same
 * statement the events endpoint uses, then profiles and searches through the REST API.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '1000000' },
      'events-per-record': { type: 'string', default: '4' },
      samples: { type: 'string', default: '500' },
      seed: { type: 'string', default: '42' },
      'data-dir': { type: 'string' },
    },
  });
  const people = Number(values.people);
  const samples = Number(values.samples);
  const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'customer-graph-bench-profile-'));
  const embedded = await EmbeddedNeo4j.start({ dataDir, port: 0, heapMb: 4096, pageCacheMb: 6144, log: () => undefined });
  const config = loadConfig({ NEO4J_URI: embedded.uri, LOG_LEVEL: 'silent', API_KEYS: `${API_KEY}:admin`, NEO4J_MAX_RETRY_MS: '60000', THROTTLE_LIMIT: '100000000' });
  const app = await createApp(config, { logger: createRootLogger('silent') });
  try {
    await app.get(SchemaMigrator).migrate();
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as { port: number }).port;
    const graph = app.get(Neo4jService);
    const cypher = app.get(CypherRegistry);
    const random = seededRandom(Number(values.seed) + 11);

    const [{ customers }] = await graph.readRows<{ customers: number }>('MATCH (c:Customer) RETURN count(c) AS customers');
    if (customers === 0) await loadResolvedGraph(app.get(MatchModelProvider), graph, cypher, people, Number(values.seed));
    else {
      const [{ withoutGolden }] = await graph.readRows<{ withoutGolden: number }>('MATCH (c:Customer) WITH c LIMIT 1000 RETURN count(CASE WHEN c.golden IS NULL THEN 1 END) AS withoutGolden');
      if (withoutGolden > 0) await addPayloadsAndGolden(app.get(MatchModelProvider), graph, cypher, people, Number(values.seed));
    }
    const [{ events: existingEvents }] = await graph.readRows<{ events: number }>('MATCH (e:Event) RETURN count(e) AS events');
    const eventLoad = existingEvents > 0 ? undefined : await addEvents(graph, app.get(IngestRepository), Number(values['events-per-record']), random);
    const [counts] = await graph.readRows<{ customers: number; records: number; events: number }>(
      `CALL () { MATCH (c:Customer) RETURN count(c) AS customers }
       CALL () { MATCH (r:SourceRecord) RETURN count(r) AS records }
       CALL () { MATCH (e:Event) RETURN count(e) AS events }
       RETURN customers, records, events`,
    );
    console.log(`graph: ${JSON.stringify(counts)}`);

    const get = async (path: string) => {
      const begin = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'x-api-key': API_KEY } });
      const body = (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - begin, body };
    };
    const ids = await sampleCustomerIds(graph, samples + 100, people, random);
    for (const id of ids.slice(0, 100)) await get(`/v1/customers/${id}`);

    const profile: number[] = [];
    const eventsRead: number[] = [];
    const names: string[] = [];
    const emails: string[] = [];
    const phones: string[] = [];
    for (const id of ids.slice(100)) {
      const { ms, body } = await get(`/v1/customers/${id}`);
      profile.push(ms);
      eventsRead.push(body.eventsRead);
      if (body.displayName) names.push(body.displayName);
      if (body.attributes.emails?.[0]) emails.push(body.attributes.emails[0].value);
      if (body.attributes.phones?.[0]) phones.push(body.attributes.phones[0].value);
    }
    const search = async (queries: string[]) => {
      const latencies: number[] = [];
      for (const query of queries) latencies.push((await get(`/v1/customers?${query}&limit=10`)).ms);
      return latencies;
    };
    const byName = await search(names.map((name) => `q=${encodeURIComponent(name)}`));
    // Exact filters go through the records' blocking keys, which a graph built by bench:network does not have.
    const [{ keys }] = await graph.readRows<{ keys: number }>('MATCH (k:BlockingKey) WITH k LIMIT 1 RETURN count(k) AS keys');
    const byEmail = keys > 0 ? await search(emails.map((email) => `email=${encodeURIComponent(email)}`)) : [];
    const byPhone = keys > 0 ? await search(phones.map((phone) => `phone=${encodeURIComponent(phone)}`)) : [];

    const row = (query: string, latencies: number[], extra: Record<string, string | number> = {}) => ({
      query,
      samples: latencies.length,
      'p50 (ms)': Number(percentile(latencies, 50).toFixed(1)),
      'p95 (ms)': Number(percentile(latencies, 95).toFixed(1)),
      'p99 (ms)': Number(percentile(latencies, 99).toFixed(1)),
      ...extra,
    });
    recordResults(
      'profile',
      `360 profile and search at ${counts.customers.toLocaleString('en')} customers`,
      [
        row('GET /v1/customers/{id} (profile)', profile, { 'mean events read': Math.round(eventsRead.reduce((a, b) => a + b, 0) / Math.max(1, eventsRead.length)) }),
        row('search by name (full text)', byName),
        ...(keys > 0 ? [row('search by email', byEmail), row('search by phone', byPhone)] : []),
      ],
      [
        `\`npm run bench:profile -- --people ${people}\`: ${counts.customers.toLocaleString('en')} customers, ${counts.records.toLocaleString('en')} source records, ${counts.events.toLocaleString('en')} events (${values['events-per-record']} per record on average, seven kinds, over 18 months)${eventLoad ? `, events stored in ${Math.round(eventLoad.seconds)} s through the events endpoint's statement` : ''}.`,
        'Embedded Neo4j 5.26 on the same machine (heap 4 GiB, page cache 6 GiB); every request through the REST API with its key check and audit (batched), one client, after 100 warm-up profiles.',
        'Target: profile p95 ≤ 10 ms.',
      ],
    );
  } finally {
    await app.close();
    await embedded.stop();
    if (!values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Events for every record, page by page in key order, through the statement the events endpoint uses. */
async function addEvents(graph: Neo4jService, repository: IngestRepository, perRecord: number, random: () => number): Promise<{ seconds: number }> {
  const started = performance.now();
  const now = Date.parse('2026-11-01T00:00:00Z');
  let after = '';
  let total = 0;
  for (;;) {
    const records = await graph.readRows<{ key: string; system: string; sourceId: string }>(
      'MATCH (r:SourceRecord) WHERE r.key > $after AND r.contentHash IS NOT NULL RETURN r.key AS key, r.system AS system, r.sourceId AS sourceId ORDER BY r.key LIMIT $page',
      { after, page: neo4j.int(PAGE) },
    );
    if (records.length === 0) break;
    after = records[records.length - 1].key;
    const events: StoredEvent[] = [];
    for (const record of records) {
      const count = Math.floor(random() * perRecord * 2 + 0.5);
      for (let n = 0; n < count; n++) events.push(eventFor(record, n, now, random, events.length));
    }
    await graph.write((tx) => repository.upsertEvents(tx, events, new Date().toISOString()));
    total += events.length;
    if (Math.floor(total / 500_000) !== Math.floor((total - events.length) / 500_000)) console.log(`  events ${total.toLocaleString('en')}, ${Math.round(total / ((performance.now() - started) / 1000))}/s`);
  }
  return { seconds: (performance.now() - started) / 1000 };
}

function eventFor(record: { key: string; system: string; sourceId: string }, n: number, now: number, random: () => number, index: number): StoredEvent {
  const kind = KINDS[Math.floor(random() * KINDS.length)];
  const occurredAt = new Date(now - Math.floor(random() * 548 * 24 * 3600 * 1000)).toISOString();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const details: Record<string, string | number | boolean | null> = {
    amount: kind === 'transaction' ? Math.round(random() * 50_000) / 100 : null,
    currency: kind === 'transaction' ? 'GBP' : null,
    channel: kind === 'transaction' ? pick(['card', 'transfer', 'online', 'cash']) : kind === 'interaction' ? pick(['web', 'branch', 'app', 'phone']) : null,
    direction: kind === 'transaction' ? pick(['debit', 'debit', 'debit', 'credit']) : null,
    product: kind === 'product' ? pick(['current_account', 'savings', 'mortgage', 'credit_card']) : null,
    action: kind === 'product' ? pick(['opened', 'opened', 'closed']) : kind === 'loyalty' ? pick(['earned', 'earned', 'redeemed']) : null,
    accountId: kind === 'product' ? `${record.sourceId}-ACC${n}` : null,
    satisfaction: kind === 'interaction' ? 1 + Math.floor(random() * 5) : null,
    category: kind === 'incident' ? pick(['complaint', 'refund', 'fraud_report']) : null,
    severity: kind === 'incident' ? pick(['low', 'medium', 'high']) : null,
    resolved: kind === 'incident' ? random() < 0.8 : null,
    campaign: kind === 'campaign' ? pick(['spring_offer', 'mortgage_switch', 'card_upgrade']) : null,
    response: kind === 'campaign' ? pick(['sent', 'opened', 'clicked', 'converted']) : null,
    points: kind === 'loyalty' ? Math.floor(random() * 500) : null,
    platform: kind === 'social' ? pick(['x', 'trustpilot', 'facebook']) : null,
    sentiment: kind === 'social' ? Math.round((random() * 2 - 1) * 100) / 100 : null,
    mentions: kind === 'social' ? Math.floor(random() * 10) : null,
  };
  const eventId = `EV-${record.sourceId}-${n}`;
  return {
    index,
    key: `${record.system}:${eventId}`,
    recordKey: record.key,
    system: record.system,
    eventId,
    sourceId: record.sourceId,
    kind,
    occurredAt,
    contentHash: `${eventId}:${occurredAt}`,
    details: JSON.stringify({ kind, occurredAt, ...details }),
    ...details,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
