import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkRecord } from '../../src/ingest/record-validation';
import { generateDemo, DemoManifest } from './demo-dataset';
import { DemoRecord, DEMO_REFERENCE_MS } from './demo-record';
import { EVENT_KINDS } from './demo-events';
import { checkWatchlistEntry } from '../../src/kyc/watchlists/watchlist-entry';
import { WatchlistEntry } from './demo-watchlist';

const SIX_SYSTEMS = ['crm', 'core_banking', 'ecommerce', 'loyalty', 'support', 'partner_feed'];
const REGISTRY = 'company_registry';
const keyOf = (system: string, sourceId: string) => `${system}:${sourceId}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line.length > 0);
const csv = (path: string) => lines(path).slice(1).map((line) => line.split(','));

describe('the demo dataset', () => {
  const root = mkdtempSync(join(tmpdir(), 'demo-dataset-'));
  const dirA = join(root, 'a');
  const dirB = join(root, 'b');
  let manifest: DemoManifest;
  const records = new Map<string, { system: string; record: DemoRecord; entityId: string }>();
  const truthEntity = new Map<string, string>();

  beforeAll(async () => {
    manifest = await generateDemo({ outDir: dirA });
    await generateDemo({ outDir: dirB });
    for (const [system, sourceId, entityId] of csv(join(dirA, 'truth/records.csv'))) truthEntity.set(keyOf(system, sourceId), entityId);
    const recordFiles = [...SIX_SYSTEMS.map((system) => [system, `records/${system}.ndjson`]), [REGISTRY, 'records/companies.ndjson']];
    for (const [system, path] of recordFiles) {
      for (const line of lines(join(dirA, path))) {
        const record = JSON.parse(line) as DemoRecord;
        const key = keyOf(system, record.sourceId);
        expect(records.has(key)).toBe(false);
        records.set(key, { system, record, entityId: truthEntity.get(key)! });
      }
    }
  }, 120_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is byte-identical for the same seed', () => {
    const files = filesUnder(dirA);
    expect(files).toEqual(filesUnder(dirB));
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'records/companies.ndjson', 'events/core_banking.ndjson', 'watchlists/demo-sanctions.ndjson', 'truth/ownership.csv']));
    for (const file of files) expect(readFileSync(join(dirA, file)).equals(readFileSync(join(dirB, file)))).toBe(true);
  });

  it('has the defaults, a truth row for every record and manifest counts that match the files', () => {
    expect(manifest.seed).toBe(2026);
    expect(manifest.people).toBe(3000);
    expect(truthEntity.size).toBe(records.size);
    expect([...records.values()].filter(({ entityId }) => !/^[PO]/.test(entityId ?? ''))).toEqual([]);
    for (const [path, count] of Object.entries(manifest.files)) {
      const header = path.endsWith('.csv') ? 1 : 0;
      expect(lines(join(dirA, path)).length - header).toBe(count);
    }
    expect(manifest.records.bySystem[REGISTRY]).toBeGreaterThan(150);
  });

  it('points every relationship and referral at a record that exists', () => {
    let relationships = 0;
    let referrals = 0;
    const dangling: string[] = [];
    for (const { record } of records.values()) {
      for (const { target } of record.relationships ?? []) {
        if (!records.has(keyOf(target.system, target.sourceId))) dangling.push(`${record.sourceId} → ${target.system}:${target.sourceId}`);
        relationships++;
      }
      if (record.referredBy) {
        if (!records.has(keyOf(record.referredBy.system, record.referredBy.sourceId))) dangling.push(`${record.sourceId} referred by ${record.referredBy.sourceId}`);
        referrals++;
      }
    }
    expect(dangling).toEqual([]);
    expect(relationships).toBeGreaterThan(500);
    expect(referrals).toBeGreaterThan(50);
  });

  it('writes registry records the ingest API accepts', () => {
    for (const { system, record } of records.values()) {
      if (system !== REGISTRY) continue;
      const check = checkRecord(JSON.parse(JSON.stringify(record)));
      if (!check.ok) throw new Error(`${record.sourceId}: ${JSON.stringify(check.errors)}`);
    }
  });

  it('resolves every registry person onto a person of the six systems', () => {
    const sixSystemEntities = new Set([...records.values()].filter(({ system }) => system !== REGISTRY).map(({ entityId }) => entityId));
    const registryPeople = [...records.values()].filter(({ system, record }) => system === REGISTRY && record.type === 'person');
    expect(registryPeople.length).toBeGreaterThan(50);
    for (const { entityId, record } of registryPeople) {
      expect(sixSystemEntities.has(entityId)).toBe(true);
      expect(record.relationships?.every((r) => r.type === 'OWNS' || r.type === 'DIRECTOR_OF')).toBe(true);
    }
  });

  it('ties every event to a record of its system, with all seven kinds, unique ids and dates in the window', () => {
    const kinds = new Set<string>();
    const earliest = DEMO_REFERENCE_MS - 549 * 86_400_000;
    const wrong: string[] = [];
    for (const system of SIX_SYSTEMS) {
      const ids = new Set<string>();
      for (const line of lines(join(dirA, `events/${system}.ndjson`))) {
        const event = JSON.parse(line) as { eventId: string; sourceId: string; kind: string; occurredAt: string };
        const at = Date.parse(event.occurredAt);
        if (!records.has(keyOf(system, event.sourceId))) wrong.push(`${event.eventId}: no record ${event.sourceId}`);
        if (ids.has(event.eventId)) wrong.push(`${event.eventId}: repeated`);
        if (!(at >= earliest && at < DEMO_REFERENCE_MS)) wrong.push(`${event.eventId}: at ${event.occurredAt}`);
        ids.add(event.eventId);
        kinds.add(event.kind);
      }
    }
    expect(wrong).toEqual([]);
    expect([...kinds].sort()).toEqual([...EVENT_KINDS].sort());
    expect(manifest.events.byKind.transaction).toBe(Math.max(...Object.values(manifest.events.byKind)));
    expect(manifest.events.total / manifest.people).toBeGreaterThan(10);
  });

  it('has five true hits that match their entity and five near misses that do not', () => {
    const entries = new Map(lines(join(dirA, 'watchlists/demo-sanctions.ndjson')).map((line) => {
      const entry = JSON.parse(line) as WatchlistEntry;
      return [entry.entryId, entry] as const;
    }));
    expect(entries.size).toBeGreaterThanOrEqual(190);
    // Every entry is one the watchlist endpoint accepts as it is.
    for (const entry of entries.values()) expect(checkWatchlistEntry(entry).problems).toEqual([]);
    const hits = csv(join(dirA, 'truth/watchlist-hits.csv'));
    expect(hits.filter(([, , kind]) => kind === 'true_hit')).toHaveLength(5);
    expect(hits.filter(([, , kind]) => kind === 'near_miss')).toHaveLength(5);
    for (const [entryId, entityId, kind] of hits) {
      const entry = entries.get(entryId)!;
      const own = [...records.values()].filter((item) => item.entityId === entityId);
      expect(own.length).toBeGreaterThan(0);
      const birthDates = new Set(own.map(({ record }) => record.birthDate));
      if (entry.type === 'organization') {
        const numbers = new Set(own.map(({ record }) => record.organization?.registrationNumber));
        expect(entry.identifiers.some((identifier) => numbers.has(identifier.value))).toBe(kind === 'true_hit');
      } else if (kind === 'true_hit') {
        expect(entry.birthDates.some((date) => birthDates.has(date))).toBe(true);
      } else {
        expect(entry.birthDates.some((date) => birthDates.has(date))).toBe(false);
      }
    }
  });

  it('has multiplied ownership shares and a cycle among the companies', () => {
    const edges: Array<{ owner: string; company: string; pct: number }> = [];
    for (const { entityId, record } of records.values()) {
      for (const relationship of record.relationships ?? []) {
        if (relationship.type !== 'OWNS') continue;
        expect(relationship.ownershipPct).toBeGreaterThan(0);
        edges.push({ owner: entityId, company: truthEntity.get(keyOf(relationship.target.system, relationship.target.sourceId))!, pct: relationship.ownershipPct! });
      }
    }
    const rows = csv(join(dirA, 'truth/ownership.csv')).map(([owner, company, pct]) => ({ owner, company, pct: Number(pct) }));
    expect(rows.every((row) => row.pct >= 25 && row.pct <= 100)).toBe(true);
    const direct = new Set(edges.map((edge) => `${edge.owner}>${edge.company}`));
    const multiplied = rows.filter((row) =>
      !direct.has(`${row.owner}>${row.company}`) &&
      edges.some((first) => first.owner === row.owner && edges.some((second) => second.owner === first.company && second.company === row.company && Math.abs((first.pct * second.pct) / 100 - row.pct) < 1e-9)),
    );
    expect(multiplied.length).toBeGreaterThan(0);
    // parallel chains add up: someone reaches a company through two intermediaries
    expect(rows.some((row) => !direct.has(`${row.owner}>${row.company}`) && edges.filter((first) => first.owner === row.owner && edges.some((second) => second.owner === first.company && second.company === row.company)).length >= 2)).toBe(true);

    const companyEdges = edges.filter((edge) => edge.owner.startsWith('O'));
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      companyEdges.some((edge) => edge.owner === from && (edge.company === to || (!seen.has(edge.company) && reaches(edge.company, to, seen.add(edge.company)))));
    expect(companyEdges.some((edge) => reaches(edge.company, edge.owner))).toBe(true);
  });
});
