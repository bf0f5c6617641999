import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_SYSTEMS, SourceSystem } from '../generator/canonical-record';
import { generateRecords } from '../generator/generate-records';
import { LineFileWriter } from '../generator/line-file-writer';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../generator/manifest';
import { buildCompanyRegistry, CompanyRegistry, REGISTRY_SYSTEM } from './company-registry';
import { EVENT_KINDS, EventKind, EventNumbering, eventsForEntity } from './demo-events';
import { EntityProfiles } from './demo-profiles';
import { DEMO_STREAM, demoRandom } from './demo-random';
import { DEMO_REFERENCE_DATE } from './demo-record';
import { buildWatchlist, WatchlistCompany } from './demo-watchlist';
import { effectiveOwnership } from './ownership';

export const DEMO_NAME = 'customer-graph-demo-dataset';
/** Bump when the same seed would give different demo output (the record generator has its own version). */
export const DEMO_VERSION = 'demo-v1';
export const DEFAULT_DEMO_SEED = 2026;
export const DEFAULT_DEMO_PEOPLE = 3000;
/** The registry's file is named for what it holds, not for its system name. */
export const REGISTRY_FILE = 'records/companies.ndjson';
const OWNERSHIP_THRESHOLD_PCT = 25;

export interface DemoOptions {
  outDir: string;
  seed?: number;
  people?: number;
}

/** manifest.json: how to reproduce the dataset and how many lines each file holds. No timestamps, so it is reproducible too. */
export interface DemoManifest {
  generator: { name: string; version: string };
  recordGenerator: { name: string; version: string };
  seed: number;
  people: number;
  organisations: number;
  referenceDate: string;
  systems: Record<string, string>;
  records: { total: number; bySystem: Record<string, number> };
  events: { total: number; bySystem: Record<string, number>; byKind: Record<EventKind, number> };
  watchlist: { entries: number; trueHits: number; nearMisses: number };
  ownership: { edges: number; effectiveOwners: number; thresholdPct: number };
  /** Data lines per file (CSV headers not counted), by path relative to the output folder. */
  files: Record<string, number>;
}

/** A file of lines that counts what it wrote and flushes when its buffer is full. */
class CountedFile {
  lines = 0;
  private readonly writer: LineFileWriter;
  constructor(readonly path: string, outDir: string, header?: string) {
    this.writer = new LineFileWriter(join(outDir, path));
    if (header) this.writer.append(`${header}\n`);
  }
  async write(line: string): Promise<void> {
    this.writer.append(`${line}\n`);
    this.lines++;
    if (this.writer.wantsFlush) await this.writer.flush();
  }
  close(): Promise<void> {
    return this.writer.close();
  }
}

/**
 * Writes the demo dataset into `outDir`: six systems' records from the record generator, a company
 * registry with ownership chains, events, a watchlist and the truth beside them. Deterministic for
 * the seed: the same options give byte-identical files.
 */
export async function generateDemo(options: DemoOptions): Promise<DemoManifest> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const people = options.people ?? DEFAULT_DEMO_PEOPLE;
  const { outDir } = options;
  for (const folder of ['records', 'events', 'watchlists', 'truth']) mkdirSync(join(outDir, folder), { recursive: true });

  const truth = new CountedFile('truth/records.csv', outDir, 'system,sourceId,entityId');
  const profiles = await writeGeneratedRecords(outDir, people, seed, truth);
  const registry = buildCompanyRegistry(profiles, demoRandom(seed, DEMO_STREAM.registry));
  const registryFile = await writeRegistry(outDir, registry, truth);
  await truth.close();
  const eventFiles = await writeEvents(outDir, profiles, seed);
  const watchlistFiles = await writeWatchlist(outDir, profiles, registry, seed);
  const ownershipFile = await writeOwnership(outDir, registry);

  const files = [...profiles.recordFiles, registryFile, ...eventFiles.files, truth, ...watchlistFiles.files, ownershipFile];
  const bySystem = (paths: CountedFile[], folder: string) => Object.fromEntries(paths.map((file) => [file.path.slice(folder.length + 1, -'.ndjson'.length), file.lines]));
  const recordFiles = [...profiles.recordFiles, registryFile];
  const manifest: DemoManifest = {
    generator: { name: DEMO_NAME, version: DEMO_VERSION },
    recordGenerator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    seed,
    people: profiles.people().length,
    organisations: profiles.organisations().length,
    referenceDate: DEMO_REFERENCE_DATE,
    systems: { ...Object.fromEntries(SOURCE_SYSTEMS.map((system) => [system, `records/${system}.ndjson`])), [REGISTRY_SYSTEM]: REGISTRY_FILE },
    records: { total: sum(recordFiles), bySystem: { ...bySystem(profiles.recordFiles, 'records'), [REGISTRY_SYSTEM]: registryFile.lines } },
    events: { total: sum(eventFiles.files), bySystem: bySystem(eventFiles.files, 'events'), byKind: eventFiles.byKind },
    watchlist: watchlistFiles.summary,
    ownership: { edges: registry.edges.length, effectiveOwners: ownershipFile.lines, thresholdPct: OWNERSHIP_THRESHOLD_PCT },
    files: Object.fromEntries(files.map((file) => [file.path, file.lines])),
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

const sum = (files: CountedFile[]) => files.reduce((total, file) => total + file.lines, 0);

/** The generator's records, one file per system, their truth rows, and a profile of each entity for what follows. */
async function writeGeneratedRecords(outDir: string, people: number, seed: number, truth: CountedFile): Promise<EntityProfiles & { recordFiles: CountedFile[] }> {
  const files = new Map<SourceSystem, CountedFile>(SOURCE_SYSTEMS.map((system) => [system, new CountedFile(`records/${system}.ndjson`, outDir)]));
  const profiles = new EntityProfiles();
  for await (const item of generateRecords({ people, seed })) {
    await files.get(item.system)!.write(JSON.stringify(item.record));
    // sourceIds and entity ids carry no commas or quotes, so no CSV quoting is needed
    await truth.write(`${item.system},${item.record.sourceId},${item.entityId}`);
    profiles.add(item);
  }
  await Promise.all([...files.values()].map((file) => file.close()));
  return Object.assign(profiles, { recordFiles: [...files.values()] });
}

async function writeRegistry(outDir: string, registry: CompanyRegistry, truth: CountedFile): Promise<CountedFile> {
  const file = new CountedFile(REGISTRY_FILE, outDir);
  for (const { record, entityId } of registry.records) {
    await file.write(JSON.stringify(record));
    await truth.write(`${REGISTRY_SYSTEM},${record.sourceId},${entityId}`);
  }
  await file.close();
  return file;
}

/** Events entity by entity (so one person's events come from one stream), each to the file of its record's system. */
async function writeEvents(outDir: string, profiles: EntityProfiles, seed: number): Promise<{ files: CountedFile[]; byKind: Record<EventKind, number> }> {
  const files = new Map<SourceSystem, CountedFile>(SOURCE_SYSTEMS.map((system) => [system, new CountedFile(`events/${system}.ndjson`, outDir)]));
  const byKind = Object.fromEntries(EVENT_KINDS.map((kind) => [kind, 0])) as Record<EventKind, number>;
  const numbering = new EventNumbering();
  const random = demoRandom(seed, DEMO_STREAM.events);
  for (const profile of profiles.all()) {
    for (const { system, kind, event } of eventsForEntity(profile, random)) {
      await files.get(system)!.write(JSON.stringify({ eventId: numbering.id(system), ...event }));
      byKind[kind]++;
    }
  }
  await Promise.all([...files.values()].map((file) => file.close()));
  return { files: [...files.values()], byKind };
}

async function writeWatchlist(outDir: string, profiles: EntityProfiles, registry: CompanyRegistry, seed: number): Promise<{ files: CountedFile[]; summary: DemoManifest['watchlist'] }> {
  // a company hit is most telling when a demo person stands behind the company
  const personOwned = new Set(registry.edges.filter((edge) => profiles.get(edge.ownerEntityId)?.type === 'person').map((edge) => edge.companyEntityId));
  const companies: WatchlistCompany[] = registry.records.filter(({ record, entityId }) => record.type === 'organization' && personOwned.has(entityId));
  const watchlist = buildWatchlist(profiles, companies, demoRandom(seed, DEMO_STREAM.watchlist));

  const entries = new CountedFile('watchlists/demo-sanctions.ndjson', outDir);
  for (const entry of watchlist.entries) await entries.write(JSON.stringify(entry));
  const hits = new CountedFile('truth/watchlist-hits.csv', outDir, 'entryId,entityId,kind');
  for (const row of watchlist.truth) await hits.write(`${row.entryId},${row.entityId},${row.kind}`);
  await Promise.all([entries.close(), hits.close()]);
  const count = (kind: string) => watchlist.truth.filter((row) => row.kind === kind).length;
  return { files: [entries, hits], summary: { entries: entries.lines, trueHits: count('true_hit'), nearMisses: count('near_miss') } };
}

async function writeOwnership(outDir: string, registry: CompanyRegistry): Promise<CountedFile> {
  const file = new CountedFile('truth/ownership.csv', outDir, 'ownerEntityId,companyEntityId,effectivePct');
  for (const row of effectiveOwnership(registry.edges, OWNERSHIP_THRESHOLD_PCT)) await file.write(`${row.ownerEntityId},${row.companyEntityId},${row.effectivePct}`);
  await file.close();
  return file;
}
