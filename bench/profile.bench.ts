import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { IngestRepository, StoredEvent } from '../src/ingest/ingest.repository';
import { MatchModelProvider } from '../src/ingest/match-model.provider';
import { CypherRegistry } from '../src/neo4j/cypher-registry';
import { Neo4jService } from '../src/neo4j/neo4j.service';
import { seededRandom } from '../src/resolution/train/seeded-random';
import { addPayloadsAndGolden, graphCounts, loadResolvedGraph, sampleCustomerIds } from './lib/resolved-graph';
import { latencyRow, startBenchService } from './lib/bench-service';
import { recordResults } from './record-results';

const PAGE = 5000;
/** Profiles read right after start, before anything is warm. */
const COLD_SAMPLES = 300;
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
      'warm-store': { type: 'boolean', default: true },
      'warm-up': { type: 'string', default: '2000' },
    },
  });
  const people = Number(values.people);
  const samples = Number(values.samples);
  const service = await startBenchService(values['data-dir'], 'profile');
  const { app, graph, cypher } = service;
  try {
    const random = seededRandom(Number(values.seed) + 11);

    const before = await graphCounts(graph, cypher);
    if (before.customers === 0) await loadResolvedGraph(app.get(MatchModelProvider), graph, cypher, people, Number(values.seed));
    else if (before.withoutGolden > 0) await addPayloadsAndGolden(app.get(MatchModelProvider), graph, cypher, people, Number(values.seed));
    const eventLoad = before.events > 0 ? undefined : await addEvents(graph, cypher, app.get(IngestRepository), Number(values['events-per-record']), random);
    const counts = await graphCounts(graph, cypher);
    console.log(`graph: ${JSON.stringify(counts)}`);

    const get = (path: string) => service.get(path);
    // First, as a service just started answers: page cache empty, code not yet compiled.
    const coldIds = await sampleCustomerIds(graph, cypher, COLD_SAMPLES, people, seededRandom(Number(values.seed) + 13));
    const cold: number[] = [];
    for (const id of coldIds) cold.push((await get(`/v1/customers/${id}`)).ms);

    // A service that has been up a while has the store in its page cache; a freshly started one reads it from disk.
    const warmStart = performance.now();
    if (values['warm-store']) await graph.readRows(cypher.get('bench/warm-up-store'));
    const warmSeconds = (performance.now() - warmStart) / 1000;
    if (values['warm-store']) console.log(`store read into the page cache in ${warmSeconds.toFixed(0)} s`);

    const ids = await sampleCustomerIds(graph, cypher, samples + 100, people, random);
    // Node compiles the request path after some thousands of calls; a service up a while has done so.
    const warmUp = Number(values['warm-up']);
    for (let n = 0; n < warmUp; n++) await get(`/v1/customers/${ids[n % 100]}`);

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
    const keys = counts.blockingKeys;
    const byEmail = keys > 0 ? await search(emails.map((email) => `email=${encodeURIComponent(email)}`)) : [];
    const byPhone = keys > 0 ? await search(phones.map((phone) => `phone=${encodeURIComponent(phone)}`)) : [];

    const storeBytes = directorySize(join(service.dataDir, 'data', 'databases', 'neo4j'));
    recordResults(
      'profile',
      `360 profile and search at ${counts.customers.toLocaleString('en')} customers`,
      [
        latencyRow('GET /v1/customers/{id} (profile), just started', cold),
        latencyRow('GET /v1/customers/{id} (profile)', profile, { 'mean events read': Math.round(eventsRead.reduce((a, b) => a + b, 0) / Math.max(1, eventsRead.length)) }),
        latencyRow('search by name (full text)', byName),
        ...(keys > 0 ? [latencyRow('search by email', byEmail), latencyRow('search by phone', byPhone)] : []),
      ],
      [
        `\`npm run bench:profile -- --people ${people}\`: ${counts.customers.toLocaleString('en')} customers, ${counts.records.toLocaleString('en')} source records, ${counts.events.toLocaleString('en')} events (${(counts.events / counts.records).toFixed(1)} per record on average, seven kinds, over 18 months)${eventLoad ? `, events stored in ${Math.round(eventLoad.seconds)} s through the events endpoint's statement` : ''}.`,
        `Embedded Neo4j 5.26 on the same machine (heap 4 GiB, page cache ${service.pageCacheMb / 1024} GiB for a ${(storeBytes / 2 ** 30).toFixed(1)} GiB store); every request through the REST API with its key check and audit (batched), one client, after ${warmUp} warm-up profiles (of 100 other customers)${values['warm-store'] ? ` and after the store was read into the page cache (${warmSeconds.toFixed(0)} s; --no-warm-store skips it)` : ', the store not read beforehand (--no-warm-store)'}.`,
        `"Just started": ${COLD_SAMPLES} profiles of other customers read first, with the page cache empty and the request path not yet compiled by Node.`,
        'Target: profile p95 ≤ 10 ms.',
      ],
    );
  } finally {
    await service.close();
  }
}

/** Events for every record, page by page in key order, through the statement the events endpoint uses. */
async function addEvents(graph: Neo4jService, cypher: CypherRegistry, repository: IngestRepository, perRecord: number, random: () => number): Promise<{ seconds: number }> {
  const started = performance.now();
  const now = Date.parse('2026-11-01T00:00:00Z');
  let after = '';
  let total = 0;
  for (;;) {
    const records = await graph.readRows<{ key: string; system: string; sourceId: string }>(cypher.get('bench/read-records-page'), { after, limit: neo4j.int(PAGE) });
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

function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}
