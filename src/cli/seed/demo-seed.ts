import { INestApplicationContext } from '@nestjs/common';
import { createReadStream, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { DemoManifest, generateDemo } from '../../../seed/demo/demo-dataset';
import { EventsService } from '../../ingest/events.service';
import { IngestService } from '../../ingest/ingest.service';
import { CypherRegistry } from '../../neo4j/cypher-registry';
import { Neo4jService } from '../../neo4j/neo4j.service';
import { ImportSummary, runImport } from '../import/import-runner';
import { importWatchlist, WatchlistImportSummary } from '../watchlist/watchlist-import';
import { ProgressReporter } from '../import/progress';
import { InProcessSink } from '../import/record-sinks';

const EVENT_BATCH = 2000;
/** The list the demo's watchlist file loads into. */
export const DEMO_WATCHLIST = 'demo-sanctions';

export interface DemoSeedOptions {
  /** Where the dataset is generated (records, events, watchlist, ground truth). */
  dataDir: string;
  log: (line: string) => void;
  progress: () => ProgressReporter;
}

export interface DemoSeedSummary {
  manifest: DemoManifest;
  /** False when the graph already held every demo record, so nothing was sent. */
  loaded: boolean;
  imports: Array<{ system: string; summary: ImportSummary }>;
  events: { stored: number; refused: number };
  graph: { records: number; customers: number; openReviews: number };
  watchlist: WatchlistImportSummary;
}

/**
 * Generates the demo dataset (deterministic, about a second) and loads its source records
 * through the import pipeline; a graph that already holds them all is left as it is.
 */
export async function seedDemo(context: INestApplicationContext, options: DemoSeedOptions): Promise<DemoSeedSummary> {
  const manifest = await generateDemo({ outDir: options.dataDir });
  const keys = readFileSync(join(options.dataDir, 'truth', 'records.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',').slice(0, 2).join(':'));
  const before = await countLoaded(context, keys);
  if (before.records >= manifest.records.total) {
    options.log(`the demo's ${manifest.records.total} records are already in the graph; nothing to load`);
    return { manifest, loaded: false, imports: [], events: { stored: 0, refused: 0 }, graph: before, watchlist: await loadWatchlist(context, options.dataDir, options.log) };
  }
  const sink = new InProcessSink('this process', context.get(IngestService));
  const workDir = join(options.dataDir, 'import');
  mkdirSync(workDir, { recursive: true });
  const imports: DemoSeedSummary['imports'] = [];
  for (const [system, file] of Object.entries(manifest.systems)) {
    options.log(`loading ${manifest.records.bySystem[system]} ${system} records`);
    const summary = await runImport({
      file: join(options.dataDir, file),
      system,
      batchSize: 500,
      statePath: join(workDir, `${system}.import-state.json`),
      rejectsPath: join(workDir, `${system}.rejects.ndjson`),
      // The graph, not a checkpoint, says what is loaded: a re-sent record comes back unchanged.
      restart: true,
      sink,
      progress: options.progress(),
      log: options.log,
    });
    imports.push({ system, summary });
  }
  const events = await loadEvents(context, options.dataDir, manifest, options.log);
  const watchlist = await loadWatchlist(context, options.dataDir, options.log);
  return { manifest, loaded: true, imports, events, graph: await countLoaded(context, keys), watchlist };
}

/** The demo sanctions list, as a full reload (an unchanged list changes nothing); customers are screened against it. */
function loadWatchlist(context: INestApplicationContext, dataDir: string, log: (line: string) => void): Promise<WatchlistImportSummary> {
  log('loading the demo watchlist');
  return importWatchlist(context, { list: DEMO_WATCHLIST, file: join(dataDir, 'watchlists', 'demo-sanctions.ndjson'), format: 'entries', mode: 'full', log });
}

/** The demo's events, file by file, through the events endpoint's service (idempotent by event id). */
async function loadEvents(context: INestApplicationContext, dataDir: string, manifest: DemoManifest, log: (line: string) => void): Promise<{ stored: number; refused: number }> {
  const service = context.get(EventsService);
  let stored = 0;
  let refused = 0;
  for (const file of Object.keys(manifest.files).filter((path) => path.startsWith('events/')).sort()) {
    const system = basename(file, '.ndjson');
    log(`loading ${manifest.files[file]} ${system} events`);
    let batch: unknown[] = [];
    const flush = async () => {
      const answer = await service.ingestMany(system, batch);
      stored += answer.results.length;
      refused += answer.errors.length;
      batch = [];
    };
    for await (const line of createInterface({ input: createReadStream(join(dataDir, file)), crlfDelay: Infinity })) {
      if (line.trim()) batch.push(JSON.parse(line));
      if (batch.length >= EVENT_BATCH) await flush();
    }
    if (batch.length) await flush();
  }
  return { stored, refused };
}

async function countLoaded(context: INestApplicationContext, keys: string[]): Promise<DemoSeedSummary['graph']> {
  const [row] = await context.get(Neo4jService).readRows<DemoSeedSummary['graph']>(context.get(CypherRegistry).get('seed/count-loaded-records'), { keys });
  return row;
}

/** What the seed printed: the dataset, what went into the graph, and where the rest waits. */
export function describeDemoSeed(summary: DemoSeedSummary): string[] {
  const { manifest, graph } = summary;
  const totals = summary.imports.reduce(
    (sum, { summary: { counters } }) => ({ loaded: sum.loaded + counters.loaded, rejected: sum.rejected + counters.rejected, merged: sum.merged + counters.merged }),
    { loaded: 0, rejected: 0, merged: 0 },
  );
  return [
    `demo dataset (seed ${manifest.seed}): ${manifest.people} people and ${manifest.organisations} organisations in ${Object.keys(manifest.systems).length} source systems`,
    summary.loaded
      ? `loaded ${totals.loaded} records (${totals.rejected} rejected, ${totals.merged} merges)`
      : 'already loaded',
    `in the graph: ${graph.records} demo records on ${graph.customers} customers, ${graph.openReviews} open reviews`,
    ...(summary.loaded ? [`loaded ${summary.events.stored} events (${summary.events.refused} refused)`] : []),
    `watchlist ${summary.watchlist.list}: ${summary.watchlist.loaded} entries (${summary.watchlist.created} new, ${summary.watchlist.rejected.length} rejected); ${summary.watchlist.screening.hits} screening hit(s) on ${summary.watchlist.screening.customers} customer(s) checked`,
    'beside it: the ground truth (truth/*.csv)',
  ];
}
