import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { CandidateEntryRow, HitWrite, KycRepository, ScreeningWrite, StoredEntry } from '../kyc.repository';
import { subjectOfCustomer } from './customer-subject';
import { RiskService } from '../risk/risk.service';
import { screeningKeys } from './screening-names';
import { PreparedEntry, prepareEntry, prepareSubject, ScreeningScore, scoreScreening, ScreeningSubject } from './screening-score';

/** Entries fetched per subject from the key index before scoring: those sharing the most, and rarest, keys. */
const CANDIDATES_PER_SUBJECT = 50;
/** Customers fetched per changed entry when a list changes. */
const CUSTOMERS_PER_ENTRY = 200;
/** Customers (or entries) screened per transaction. */
const BATCH = 200;
/** Prepared entries kept between screenings (an entry is prepared again when its content changes). */
const PREPARED_CACHE = 200_000;

export interface ScreeningRequest {
  name: string;
  birthDate?: string;
  country?: string;
  type?: 'person' | 'organization';
  identifier?: string;
  lists?: string[];
  threshold?: number;
  limit?: number;
}

export interface ScreeningMatch extends ScreeningScore {
  list: string;
  entryId: string;
  type: string;
  topics: string[];
  names: string[];
  aliases: string[];
  birthDates: string[];
  countries: string[];
}

/**
 * The screening keys of a subject, as one string for the whitespace full-text index: its name
 * keys, plus its birth years (`y_1971`), so that among many holders of a common name the index
 * ranks first those born the same year.
 */
export function keysOf(subject: ScreeningSubject): string {
  const keys = new Set<string>();
  for (const name of subject.names) for (const key of screeningKeys(name, subject.type ?? 'person')) keys.add(key);
  if (keys.size === 0) return '';
  for (const date of subject.birthDates ?? []) if (/^\d{4}/.test(date)) keys.add(`y_${date.slice(0, 4)}`);
  return [...keys].sort().join(' ');
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
const hitIdOf = (customerId: string, entryKey: string) => `hit_${createHash('sha256').update(`${customerId}|${entryKey}`).digest('hex').slice(0, 24)}`;

/**
 * Screens names against the watchlists: candidates come from the key index in Neo4j (the same
 * for every replica), scoring happens here. Customers are screened on ingest and when a list
 * changes; their hits live on POSSIBLE_MATCH edges and feed the risk score.
 */
@Injectable()
export class ScreeningService {
  private readonly prepared = new Map<string, { hash: string; entry: PreparedEntry }>();

  constructor(
    private readonly repository: KycRepository,
    private readonly risk: RiskService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  private thresholds(threshold = this.config.KYC_HIT_THRESHOLD) {
    return { nameMinimum: Math.min(0.7, threshold), hit: threshold };
  }

  private preparedEntry(row: StoredEntry): PreparedEntry {
    const cached = this.prepared.get(row.key);
    if (cached?.hash === row.contentHash) return cached.entry;
    if (this.prepared.size >= PREPARED_CACHE) this.prepared.clear();
    // Identifiers are kept as type:value[:country]; the value is what is compared.
    const identifiers = row.identifiers.map((identifier) => identifier.split(':')[1] ?? '');
    const entry = prepareEntry({ names: row.names, aliases: row.aliases, type: row.type, birthDates: row.birthDates, countries: row.countries, identifiers });
    this.prepared.set(row.key, { hash: row.contentHash, entry });
    return entry;
  }

  /** One name (with birth date and country when known) against the active entries. */
  async screen(request: ScreeningRequest): Promise<{ matches: ScreeningMatch[]; candidates: number; threshold: number }> {
    const threshold = request.threshold ?? this.config.KYC_HIT_THRESHOLD;
    const subject: ScreeningSubject = {
      names: [request.name],
      type: request.type,
      birthDates: request.birthDate ? [request.birthDate] : [],
      countries: request.country ? [request.country.toUpperCase()] : [],
      identifiers: request.identifier ? [request.identifier] : [],
    };
    const query = keysOf(subject);
    if (!query) return { matches: [], candidates: 0, threshold };
    const rows = await this.repository.watchlistCandidates([{ id: 'request', query }], request.lists ?? null, CANDIDATES_PER_SUBJECT);
    const prepared = prepareSubject(subject);
    const thresholds = this.thresholds(threshold);
    const matches: ScreeningMatch[] = [];
    for (const row of rows) {
      const score = scoreScreening(prepared, this.preparedEntry(row), thresholds);
      if (score && score.score >= threshold) matches.push({ ...score, ...entryView(row) });
    }
    // Scores are capped at 1; among equal scores, the match with more evidence (a matching birth date) comes first.
    matches.sort((a, b) => b.score - a.score || evidence(b) - evidence(a) || a.list.localeCompare(b.list) || a.entryId.localeCompare(b.entryId));
    return { matches: matches.slice(0, request.limit ?? 20), candidates: rows.length, threshold };
  }

  /**
   * Screens customers against every active entry and stores their hits. The risk of every one
   * of them is assessed again when `reassessAll` (they changed), otherwise only of those whose
   * hits changed.
   */
  async screenCustomers(ids: string[], reassessAll = true): Promise<{ screened: number; hits: number }> {
    let screened = 0;
    let hits = 0;
    for (let start = 0; start < ids.length; start += BATCH) {
      const rows = (await this.repository.screeningSubjects(ids.slice(start, start + BATCH))).filter((row) => row.status === 'ACTIVE');
      if (rows.length === 0) continue;
      const subjects = rows.map((row) => ({ row, subject: subjectOfCustomer(row) }));
      const queries = subjects.map(({ row, subject }) => ({ id: row.id, query: keysOf(subject) }));
      const candidates = await this.repository.watchlistCandidates(queries.filter((query) => query.query), null, CANDIDATES_PER_SUBJECT);
      const bySubject = groupBy(candidates, (row) => row.subjectId);
      const writes = subjects.map(({ row, subject }, index) => this.screeningWrite(row.id, subject, queries[index].query, bySubject.get(row.id) ?? [], null));
      const stored = await this.repository.writeScreeningResults(writes, new Date().toISOString());
      screened += stored.length;
      hits += stored.reduce((sum, row) => sum + row.hits, 0);
      await this.risk.rescore(reassessAll ? rows.map((row) => row.id) : withHits(stored));
    }
    return { screened, hits };
  }

  /** Screens, in full, the active customers never screened, page by page; answers how many. */
  async screenUnscreened(report?: (done: number) => Promise<void>): Promise<{ screened: number; hits: number }> {
    const total = { screened: 0, hits: 0 };
    for (;;) {
      const ids = await this.repository.unscreenedCustomers(BATCH * 5);
      if (ids.length === 0) return total;
      const result = await this.screenCustomers(ids, false);
      total.screened += result.screened;
      total.hits += result.hits;
      await report?.(total.screened);
      // Customers that vanished meanwhile are not screened; stop rather than loop on them.
      if (result.screened === 0) return total;
    }
  }

  /**
   * After entries were added or changed: only those entries can give new hits, so each is
   * screened against the customers sharing its keys (the reverse index), and those customers'
   * hits on those entries are brought up to date.
   */
  async screenEntries(entryKeys: string[], report?: (done: number, total: number) => Promise<void>): Promise<{ entries: number; customers: number; hits: number }> {
    let customers = 0;
    let hits = 0;
    for (let start = 0; start < entryKeys.length; start += BATCH) {
      const entries = await this.repository.readEntries(entryKeys.slice(start, start + BATCH));
      const byEntry = await this.repository.customerCandidates(
        entries.filter((entry) => entry.screeningKeys).map((entry) => ({ key: entry.key, query: entry.screeningKeys })),
        CUSTOMERS_PER_ENTRY,
      );
      const entriesOf = new Map<string, StoredEntry[]>();
      for (const entry of entries) for (const customerId of byEntry.get(entry.key) ?? []) entriesOf.set(customerId, [...(entriesOf.get(customerId) ?? []), entry]);
      const customerIds = [...entriesOf.keys()];
      for (let from = 0; from < customerIds.length; from += BATCH) {
        const rows = (await this.repository.screeningSubjects(customerIds.slice(from, from + BATCH))).filter((row) => row.status === 'ACTIVE');
        const writes = rows.map((row) => {
          const subject = subjectOfCustomer(row);
          const scoped = entriesOf.get(row.id)!;
          return this.screeningWrite(row.id, subject, keysOf(subject), scoped, scoped.map((entry) => entry.key));
        });
        const stored = await this.repository.writeScreeningResults(writes, new Date().toISOString());
        hits += stored.reduce((sum, row) => sum + row.hits, 0);
        customers += stored.length;
        await this.risk.rescore(withHits(stored));
      }
      await report?.(Math.min(start + BATCH, entryKeys.length), entryKeys.length);
    }
    return { entries: entryKeys.length, customers, hits };
  }

  private screeningWrite(customerId: string, subject: ScreeningSubject, keys: string, candidates: StoredEntry[], entryScope: string[] | null): ScreeningWrite {
    const prepared = prepareSubject(subject);
    const thresholds = this.thresholds();
    const hits: HitWrite[] = [];
    for (const candidate of candidates) {
      const score = scoreScreening(prepared, this.preparedEntry(candidate), thresholds);
      if (!score || score.score < thresholds.hit) continue;
      hits.push({
        entryKey: candidate.key,
        id: hitIdOf(customerId, candidate.key),
        score: score.score,
        nameScore: score.nameScore,
        matchedName: score.matchedName,
        subjectName: score.subjectName,
        factors: JSON.stringify(score.factors),
      });
    }
    return { customerId, screeningKeys: keys || null, screeningHash: hashOf(subject), hits, entryScope };
  }
}

/** The score before the cap: the sum of every factor's effect. */
const evidence = (score: ScreeningScore) => score.factors.reduce((sum, factor) => sum + factor.effect, 0);

/** Customers whose screening touched hits (they had some, or have some now). */
const withHits = (stored: Array<{ customerId: string; hits: number; before: number }>) => stored.filter((row) => row.hits > 0 || row.before > 0).map((row) => row.customerId);

function entryView(row: CandidateEntryRow | StoredEntry) {
  return { list: row.list, entryId: row.entryId, type: row.type, topics: row.topics, names: row.names, aliases: row.aliases, birthDates: row.birthDates, countries: row.countries };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
