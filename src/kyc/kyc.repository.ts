import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService, Row } from '../neo4j/neo4j.service';
import type { WatchlistEntryInput } from './watchlists/watchlist-entry';

/** A watchlist entry as the graph keeps it; identifiers as `type:value[:country]`. */
export interface StoredEntry extends Omit<WatchlistEntryInput, 'identifiers' | 'removed'> {
  key: string;
  list: string;
  identifiers: string[];
  contentHash: string;
}

export interface CandidateEntryRow extends StoredEntry {
  subjectId: string;
}

export interface ScreeningSubjectRow {
  id: string;
  status: string;
  displayName: string | null;
  nameVariants: string[] | null;
  golden: string | null;
  recordTypes: string[];
}

export interface HitWrite {
  entryKey: string;
  id: string;
  score: number;
  nameScore: number;
  matchedName: string;
  subjectName: string;
  factors: string;
}

export interface ScreeningWrite {
  customerId: string;
  screeningKeys: string | null;
  screeningHash: string;
  hits: HitWrite[];
  /** The entries this screening looked at; null when it looked at all of them. */
  entryScope: string[] | null;
}

export interface StoredHit {
  id: string;
  status: string;
  score: number;
  nameScore: number;
  matchedName: string;
  subjectName: string;
  factors: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  screenedAt: string;
  list: string;
  entryId: string;
  entryType: string;
  entryNames: string[];
  topics: string[];
  entryCountries: string[];
}

export interface KycCustomerRow extends ScreeningSubjectRow {
  screenedAt: string | null;
  hits: StoredHit[];
  shared: Array<{ link: string; others: number }>;
  transactions: Array<{ amount: number | null; occurredAt: string }>;
  /** The risk factors stored by the last assessment (JSON), to see what changed. */
  previousFactors: string | null;
}

export interface AlertSummary {
  id: string;
  status: string;
  score: number;
  raisedAt: string;
  clearedAt: string | null;
}

export interface FlaggedRow {
  customerId: string;
  displayName: string | null;
  best: { hitId: string; list: string; entryId: string; topics: string[]; score: number };
}

export interface AlertRow {
  id: string;
  customerId: string;
  displayName: string | null;
  status: string;
  score: number;
  threshold: number;
  factors: string;
  raisedAt: string;
  clearedAt: string | null;
  updatedAt: string;
}

/** All database access of the KYC module; returns plain objects. */
@Injectable()
export class KycRepository {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
  ) {}

  upsertEntries(entries: Array<StoredEntry & { screeningKeys: string }>, loadId: string, now: string): Promise<Array<{ key: string; outcome: 'created' | 'updated' | 'unchanged' }>> {
    return this.neo4j.writeRows<{ key: string; outcome: 'created' | 'updated' | 'unchanged' } & Row>(this.cypher.get('kyc/upsert-watchlist-entries'), { entries, loadId, now });
  }

  withdrawEntries(keys: string[], now: string): Promise<Array<{ key: string; customers: string[] }>> {
    return this.neo4j.writeRows<{ key: string; customers: string[] } & Row>(this.cypher.get('kyc/withdraw-watchlist-entries'), { keys, now });
  }

  withdrawAbsentEntries(list: string, loadId: string, now: string): Promise<Array<{ key: string; customers: string[] }>> {
    return this.neo4j.writeRows<{ key: string; customers: string[] } & Row>(this.cypher.get('kyc/withdraw-absent-entries'), { list, loadId, now });
  }

  async anyActiveEntries(): Promise<boolean> {
    const [row] = await this.neo4j.readRows<{ any: boolean }>(this.cypher.get('kyc/any-active-entries'));
    return row?.any ?? false;
  }

  watchlistCandidates(subjects: Array<{ id: string; query: string }>, lists: string[] | null, limit: number): Promise<CandidateEntryRow[]> {
    return this.neo4j.readRows<CandidateEntryRow & Row>(this.cypher.get('kyc/watchlist-candidates'), { subjects, lists, limit: neo4j.int(limit) });
  }

  async customerCandidates(entries: Array<{ key: string; query: string }>, limit: number): Promise<Map<string, string[]>> {
    const rows = await this.neo4j.readRows<{ key: string; customerIds: string[] }>(this.cypher.get('kyc/customer-candidates'), { entries, limit: neo4j.int(limit) });
    return new Map(rows.map((row) => [row.key, row.customerIds]));
  }

  readEntries(keys: string[]): Promise<Array<StoredEntry & { screeningKeys: string }>> {
    return this.neo4j.readRows<StoredEntry & { screeningKeys: string } & Row>(this.cypher.get('kyc/read-watchlist-entries'), { keys });
  }

  screeningSubjects(ids: string[]): Promise<ScreeningSubjectRow[]> {
    return this.neo4j.readRows<ScreeningSubjectRow & Row>(this.cypher.get('kyc/read-screening-subjects'), { ids });
  }

  /** Per customer: hits now, and hits (on any entry) before the write. */
  writeScreeningResults(results: ScreeningWrite[], now: string): Promise<Array<{ customerId: string; hits: number; before: number }>> {
    return this.neo4j.writeRows<{ customerId: string; hits: number; before: number } & Row>(this.cypher.get('kyc/write-screening-results'), { results, now });
  }

  async decideHit(id: string, decision: string, by: string, note: string | null, now: string): Promise<{ customerId: string; id: string; status: string; list: string; entryId: string } | undefined> {
    const [row] = await this.neo4j.writeRows<{ customerId: string; id: string; status: string; list: string; entryId: string }>(this.cypher.get('kyc/decide-screening-hit'), { id, decision, by, note, now });
    return row;
  }

  kycCustomers(ids: string[], since: string, hubDegree: number): Promise<KycCustomerRow[]> {
    return this.neo4j.readRows<KycCustomerRow & Row>(this.cypher.get('kyc/read-kyc-customers'), { ids, since, hubDegree: neo4j.int(hubDegree) });
  }

  flaggedCustomers(ids: string[], topics: readonly string[]): Promise<FlaggedRow[]> {
    return this.neo4j.readRows<FlaggedRow & Row>(this.cypher.get('kyc/flagged-customers'), { ids, topics });
  }

  allFlaggedCustomers(topics: readonly string[], limit: number): Promise<FlaggedRow[]> {
    return this.neo4j.readRows<FlaggedRow & Row>(this.cypher.get('kyc/all-flagged-customers'), { topics, limit: neo4j.int(limit) });
  }

  writeRiskScores(
    scores: Array<{ customerId: string; score: number; factors: string; alertId: string }>,
    threshold: number,
    now: string,
  ): Promise<Array<{ customerId: string; change: 'raised' | 'cleared' | 'updated' | 'none'; alert: AlertSummary | null }>> {
    return this.neo4j.writeRows(this.cypher.get('kyc/write-risk-scores'), { scores, threshold, now });
  }

  /** Clears the open alerts of customers no longer active; a read first, so the usual case (no alert) writes nothing. */
  async clearAlertsOfRetired(ids: string[], now: string): Promise<number> {
    const alerted = await this.neo4j.readRows<{ id: string }>(this.cypher.get('kyc/customers-with-open-alerts'), { ids });
    if (alerted.length === 0) return 0;
    const [row] = await this.neo4j.writeRows<{ cleared: number }>(this.cypher.get('kyc/clear-alerts-of-retired'), { ids: alerted.map((row) => row.id), now });
    return row?.cleared ?? 0;
  }

  listAlerts(status: string | null, skip: number, limit: number): Promise<AlertRow[]> {
    return this.neo4j.readRows<AlertRow & Row>(this.cypher.get('kyc/list-alerts'), { status, skip: neo4j.int(skip), limit: neo4j.int(limit) });
  }

  ownershipEdges(ids: string[], limit: number): Promise<Array<{ owner: string; ownerName: string | null; owned: string; pct: number }>> {
    return this.neo4j.readRows<{ owner: string; ownerName: string | null; owned: string; pct: number } & Row>(this.cypher.get('kyc/read-ownership-edges'), { ids, limit: neo4j.int(limit) });
  }

  async unscreenedCustomers(limit: number): Promise<string[]> {
    const rows = await this.neo4j.readRows<{ id: string }>(this.cypher.get('kyc/unscreened-customers'), { limit: neo4j.int(limit) });
    return rows.map((row) => row.id);
  }

  customerKinds(ids: string[]): Promise<Array<{ id: string; displayName: string | null; status: string; recordTypes: string[] }>> {
    return this.neo4j.readRows<{ id: string; displayName: string | null; status: string; recordTypes: string[] } & Row>(this.cypher.get('kyc/read-customer-kinds'), { ids });
  }
}
