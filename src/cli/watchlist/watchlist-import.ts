import { INestApplicationContext } from '@nestjs/common';
import { open } from 'node:fs/promises';
import { FieldProblem, WatchlistEntryInput } from '../../kyc/watchlists/watchlist-entry';
import { readWatchlistFile, WatchlistFileFormat } from '../../kyc/watchlists/watchlist-file';
import { LoadMode, WatchlistsService } from '../../kyc/watchlists/watchlists.service';


const BATCH = 1000;

export interface WatchlistImportOptions {
  list: string;
  file: string;
  format?: WatchlistFileFormat;
  mode: LoadMode;
  log: (line: string) => void;
}

export interface WatchlistImportSummary {
  list: string;
  format: WatchlistFileFormat;
  loaded: number;
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  skipped: number;
  rejected: Array<{ line: number; problems: FieldProblem[] }>;
  screening: { entries: number; customers: number; hits: number; reassessed: number };
}

/** Which format a file is in: by extension for CSV, by the first line's fields for JSON lines (FtM entities or API entries). */
export async function detectImportFormat(file: string): Promise<WatchlistFileFormat> {
  if (file.toLowerCase().endsWith('.csv')) return 'csv';
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    const first = buffer.subarray(0, bytesRead).toString('utf8').split('\n').find((line) => line.trim());
    const fields = first ? (JSON.parse(first) as Record<string, unknown>) : {};
    if ('schema' in fields && 'properties' in fields) return 'ftm';
    if ('entryId' in fields) return 'entries';
  } catch {
    // Not JSON lines: fall through to the question below.
  } finally {
    await handle.close();
  }
  throw new Error(`cannot tell the format of ${file}: give --format csv, ftm or entries`);
}

/**
 * Loads a watchlist file of any size in batches (one load id for all, so a full reload
 * withdraws what the file no longer holds), then screens the customers against what changed.
 * A file with rejected lines withdraws nothing: a damaged file must not empty a list.
 */
export async function importWatchlist(context: INestApplicationContext, options: WatchlistImportOptions): Promise<WatchlistImportSummary> {
  const service = context.get(WatchlistsService);
  service.checkList(options.list);
  const format = options.format ?? (await detectImportFormat(options.file));
  const items = readWatchlistFile(options.file, format);
  const loadId = service.newLoadId();
  const summary: WatchlistImportSummary = { list: options.list, format, loaded: 0, created: 0, updated: 0, unchanged: 0, withdrawn: 0, skipped: 0, rejected: [], screening: { entries: 0, customers: 0, hits: 0, reassessed: 0 } };
  const changedKeys: string[] = [];
  const affectedCustomers: string[] = [];
  let batch: WatchlistEntryInput[] = [];
  const flush = async () => {
    const stored = await service.store(options.list, batch, loadId);
    summary.loaded += batch.length;
    summary.created += stored.created;
    summary.updated += stored.updated;
    summary.unchanged += stored.unchanged;
    summary.withdrawn += stored.withdrawn;
    changedKeys.push(...stored.changedKeys);
    affectedCustomers.push(...stored.affectedCustomers);
    batch = [];
    options.log(`${options.list}: ${summary.loaded} entries loaded`);
  };
  for await (const item of items) {
    if (item.skipped) summary.skipped++;
    else if (!item.entry || item.problems.length > 0) summary.rejected.push({ line: item.line, problems: item.problems });
    else batch.push(item.entry);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  if (options.mode === 'full') {
    if (summary.rejected.length === 0) {
      const absent = await service.withdrawAbsent(options.list, loadId);
      summary.withdrawn += absent.withdrawn;
      affectedCustomers.push(...absent.affectedCustomers);
    } else {
      options.log(`${summary.rejected.length} line(s) rejected: no entry withdrawn for being absent`);
    }
  }
  options.log(`screening customers against ${changedKeys.length} new or changed entries`);
  summary.screening = await service.screenChanges({ changedKeys, affectedCustomers }, async (phase, done, total) => options.log(`${phase}: ${done}${total ? `/${total}` : ''}`));
  return summary;
}
