import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/problem/app-error';
import { AppConfig } from '../../config/app-config';
import { batchTooLarge } from '../../ingest/record-validation';
import { JobsService } from '../../jobs/jobs.service';
import { KycRepository, StoredEntry } from '../kyc.repository';
import { RiskService } from '../risk/risk.service';
import { keysOf, ScreeningService } from '../screening/screening.service';
import { checkListName, checkWatchlistEntry, WatchlistEntryInput, watchlistEntryHash } from './watchlist-entry';

/** Entries written per transaction. */
const WRITE_CHUNK = 1000;

export type LoadMode = 'partial' | 'full';

export interface StoredChunk {
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  /** Entries new or changed: they are screened against the customers. */
  changedKeys: string[];
  /** Customers that lost hits through withdrawn entries: their risk is assessed again. */
  affectedCustomers: string[];
}

export interface LoadResult {
  list: string;
  mode: LoadMode;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  /** Why absent entries were not withdrawn in a full reload, when they were not. */
  withdrawalSkipped: string | null;
  errors: Array<{ index: number; field: string; reason: string }>;
  /** The job screening the customers against what changed (null when nothing changed). */
  screeningJobId: string | null;
}

const entryKey = (list: string, entryId: string) => `${list}:${entryId}`;

/** Identifiers as the graph keeps them: `type:value` or `type:value:COUNTRY`. */
const identifierText = (identifier: WatchlistEntryInput['identifiers'][number]) => [identifier.type, identifier.value, identifier.country].filter(Boolean).join(':');

/**
 * Loads watchlists (sanctions, PEP, adverse media) into the graph. A load stamps every entry it
 * carries; a full reload then withdraws the list's entries it did not carry. New and changed
 * entries are screened against the customers in a job, so the request does not wait for it.
 */
@Injectable()
export class WatchlistsService {
  constructor(
    private readonly repository: KycRepository,
    private readonly screening: ScreeningService,
    private readonly risk: RiskService,
    private readonly jobs: JobsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  checkList(list: string): void {
    const problem = checkListName(list);
    if (problem) throw AppError.validation([{ field: 'list', reason: problem.reason }]);
  }

  newLoadId(): string {
    return `load_${randomUUID().replace(/-/g, '')}`;
  }

  /** The API load: one entry or an array, each checked on its own; bad ones are reported by index. */
  async load(list: string, body: unknown, mode: LoadMode, by: string): Promise<LoadResult> {
    this.checkList(list);
    const items = Array.isArray(body) ? body : [body];
    if (items.length > this.config.WATCHLIST_MAX_BATCH) throw batchTooLarge(items.length, this.config.WATCHLIST_MAX_BATCH, 'entries');
    const errors: LoadResult['errors'] = [];
    const entries: WatchlistEntryInput[] = [];
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const { entry, problems } = checkWatchlistEntry(item);
      for (const problem of problems) errors.push({ index, ...problem });
      if (!entry) return;
      const earlier = seen.get(entry.entryId);
      if (earlier !== undefined) {
        errors.push({ index, field: 'entryId', reason: `repeats the entry at index ${earlier}` });
        return;
      }
      seen.set(entry.entryId, index);
      entries.push(entry);
    });
    if (!Array.isArray(body) && errors.length > 0) throw AppError.validation(errors.map(({ field, reason }) => ({ field, reason })));

    const loadId = this.newLoadId();
    const stored = await this.store(list, entries, loadId);
    let withdrawalSkipped: string | null = null;
    if (mode === 'full') {
      if (errors.length === 0) {
        const absent = await this.withdrawAbsent(list, loadId);
        stored.withdrawn += absent.withdrawn;
        stored.affectedCustomers.push(...absent.affectedCustomers);
      } else {
        withdrawalSkipped = 'the load had invalid entries, so no entry was withdrawn for being absent; correct them and reload';
      }
    }
    const job = await this.followUp(list, stored, by);
    return {
      list,
      mode,
      received: items.length,
      created: stored.created,
      updated: stored.updated,
      unchanged: stored.unchanged,
      withdrawn: stored.withdrawn,
      withdrawalSkipped,
      errors,
      screeningJobId: job,
    };
  }

  /** Writes valid entries (and withdrawals) stamped with `loadId`. */
  async store(list: string, entries: WatchlistEntryInput[], loadId: string): Promise<StoredChunk> {
    const result: StoredChunk = { created: 0, updated: 0, unchanged: 0, withdrawn: 0, changedKeys: [], affectedCustomers: [] };
    const now = new Date().toISOString();
    const removals = entries.filter((entry) => entry.removed).map((entry) => entryKey(list, entry.entryId));
    const upserts = entries.filter((entry) => !entry.removed);
    for (let start = 0; start < upserts.length; start += WRITE_CHUNK) {
      const rows = upserts.slice(start, start + WRITE_CHUNK).map((entry) => ({ ...storedEntry(list, entry), screeningKeys: keysOf({ names: [...entry.names, ...entry.aliases], type: entry.type, birthDates: entry.birthDates }) }));
      for (const outcome of await this.repository.upsertEntries(rows, loadId, now)) {
        result[outcome.outcome]++;
        if (outcome.outcome !== 'unchanged') result.changedKeys.push(outcome.key);
      }
    }
    if (removals.length > 0) {
      const withdrawn = await this.repository.withdrawEntries(removals, now);
      result.withdrawn += withdrawn.length;
      result.affectedCustomers.push(...withdrawn.flatMap((row) => row.customers));
    }
    return result;
  }

  async withdrawAbsent(list: string, loadId: string): Promise<{ withdrawn: number; affectedCustomers: string[] }> {
    const rows = await this.repository.withdrawAbsentEntries(list, loadId, new Date().toISOString());
    return { withdrawn: rows.length, affectedCustomers: rows.flatMap((row) => row.customers) };
  }

  /** Screens the customers against new and changed entries, and re-assesses those that lost hits. */
  async screenChanges(stored: Pick<StoredChunk, 'changedKeys' | 'affectedCustomers'>, report?: (phase: string, done: number, total: number) => Promise<void>) {
    // Customers loaded while no list was active have no screening keys for the reverse search yet.
    const initial = await this.screening.screenUnscreened((done) => report?.('screening customers never screened', done, 0) ?? Promise.resolve());
    const screened = await this.screening.screenEntries(stored.changedKeys, (done, total) => report?.('screening customers against new and changed entries', done, total) ?? Promise.resolve());
    const affected = [...new Set(stored.affectedCustomers)];
    if (affected.length > 0) await this.risk.rescore(affected);
    return { ...screened, customers: screened.customers + initial.screened, hits: screened.hits + initial.hits, reassessed: affected.length };
  }

  private async followUp(list: string, stored: StoredChunk, by: string): Promise<string | null> {
    if (stored.changedKeys.length === 0 && stored.affectedCustomers.length === 0) return null;
    const job = await this.jobs.start('watchlist-screening', by, async (progress) => {
      await progress.report(`screening customers against ${list}`, 0, stored.changedKeys.length);
      return this.screenChanges(stored, (phase, done, total) => progress.report(`${phase} (${list})`, done, total));
    });
    return job.id;
  }
}

function storedEntry(list: string, entry: WatchlistEntryInput): StoredEntry {
  return {
    key: entryKey(list, entry.entryId),
    list,
    entryId: entry.entryId,
    type: entry.type,
    names: entry.names,
    aliases: entry.aliases,
    birthDates: entry.birthDates,
    countries: entry.countries,
    identifiers: entry.identifiers.map(identifierText),
    topics: entry.topics,
    contentHash: watchlistEntryHash(entry),
  };
}
