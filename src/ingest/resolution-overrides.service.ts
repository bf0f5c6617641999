import { Injectable } from '@nestjs/common';
import { ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../common/problem/app-error';
import { LiveUpdates } from '../live/live-updates.service';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService, rowsOf } from '../neo4j/neo4j.service';
import { NormalisedRecord, resolveBatch } from '../resolution';
import { emptyWrite, goldenWriteOf, survivorInputOf } from './golden-write';
import { IngestRepository, LockedCustomer, ResolutionWrite, StoredRecord } from './ingest.repository';
import { MatchModelProvider } from './match-model.provider';
import { newCustomerId } from './reassignment';

export interface OverrideResult {
  /** Customers after the change, each with its records. */
  customers: Array<{ customerId: string; recordKeys: string[] }>;
  /** Customers that became redirects or were emptied. */
  retired: string[];
}

/**
 * Analyst overrides and retractions. Each decision is kept as must-link / cannot-link pairs
 * between records, which later automatic resolution respects.
 */
@Injectable()
export class ResolutionOverridesService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly repository: IngestRepository,
    private readonly cypher: CypherRegistry,
    private readonly models: MatchModelProvider,
    private readonly live: LiveUpdates,
  ) {}

  /** Merges `otherId` into `customerId` (the older of the two keeps its id). */
  async mergeCustomers(customerId: string, otherId: string, by: string): Promise<OverrideResult> {
    return this.announceMerge(await this.neo4j.write((tx) => this.mergeInTransaction(tx, customerId, otherId, by)));
  }

  /** Tells the live stream about a merge once it is committed. */
  private announceMerge(result: OverrideResult): OverrideResult {
    if (result.retired.length > 0) this.live.publish([{ type: 'customer.merged', customerId: result.customers[0].customerId, customerIds: result.retired, recordKeys: result.customers[0].recordKeys }]);
    return result;
  }

  /** Closes a review task; `match` merges the two customers, `no_match` keeps the records apart for good. */
  async decideReview(taskId: string, decision: 'match' | 'no_match', note: string | undefined, by: string): Promise<OverrideResult> {
    return this.announceMerge(await this.decideReviewInTransaction(taskId, decision, note, by));
  }

  private decideReviewInTransaction(taskId: string, decision: 'match' | 'no_match', note: string | undefined, by: string): Promise<OverrideResult> {
    return this.neo4j.write(async (tx) => {
      const now = new Date().toISOString();
      const [task] = rowsOf<{ status: string }>(await tx.run(this.cypher.get('resolution/read-review-task'), { id: taskId }));
      if (!task) throw AppError.notFound(`No review task ${taskId}`);
      if (task.status !== 'OPEN') throw new AppError('CONFLICT', `Review task ${taskId} is already ${task.status.toLowerCase()}`);
      const [closed] = rowsOf<{ customerId: string | null; candidateCustomerId: string | null }>(
        await tx.run(this.cypher.get('resolution/close-review-task'), { id: taskId, decision, decidedBy: by, now, note: note ?? null }),
      );
      if (decision === 'match' && closed.customerId && closed.candidateCustomerId) {
        return this.mergeInTransaction(tx, closed.customerId, closed.candidateCustomerId, by);
      }
      return { customers: [closed.customerId, closed.candidateCustomerId].filter((id): id is string => id !== null).map((customerId) => ({ customerId, recordKeys: [] })), retired: [] };
    });
  }

  private async mergeInTransaction(tx: ManagedTransaction, customerId: string, otherId: string, by: string): Promise<OverrideResult> {
    {
      const now = new Date().toISOString();
      // One query at a time in a transaction, and locks in id order like every other writer.
      const [first, second] = [customerId, otherId].sort();
      const lockedFirst = await this.activeCustomer(tx, first);
      const lockedSecond = await this.activeCustomer(tx, second);
      const [a, b] = first === customerId ? [lockedFirst, lockedSecond] : [lockedSecond, lockedFirst];
      if (a.customerId === b.customerId) return { customers: [{ customerId: a.customerId, recordKeys: a.records.map((r) => r.key) }], retired: [] };
      const [survivor, absorbed] = [a, b].sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt) || x.customerId.localeCompare(y.customerId));
      await this.addConstraints(tx, 'MUST_LINK', [[survivor.records[0].key, absorbed.records[0].key]], by, now);
      const records = [...survivor.records, ...absorbed.records];
      await this.repository.applyResolution(tx, {
        ...emptyWrite(now),
        merges: [{ survivor: survivor.customerId, absorbed: absorbed.customerId, by, reason: 'analyst merge' }],
        golden: [this.goldenOf(survivor.customerId, records)],
      });
      return { customers: [{ customerId: survivor.customerId, recordKeys: records.map((r) => r.key).sort() }], retired: [absorbed.customerId] };
    }
  }

  /** Moves `recordKeys` out of the customer; the larger part keeps the id; the parts may never link again. */
  async splitCustomer(customerId: string, recordKeys: string[], by: string): Promise<OverrideResult> {
    const result = await this.splitInTransaction(customerId, recordKeys, by);
    this.live.publish([{ type: 'customer.split', customerId: result.customers[0].customerId, customerIds: result.customers.map((customer) => customer.customerId), recordKeys }]);
    return result;
  }

  private splitInTransaction(customerId: string, recordKeys: string[], by: string): Promise<OverrideResult> {
    return this.neo4j.write(async (tx) => {
      const now = new Date().toISOString();
      const customer = await this.activeCustomer(tx, customerId);
      const held = new Set(customer.records.map((r) => r.key));
      const unknown = recordKeys.filter((key) => !held.has(key));
      if (unknown.length) throw AppError.validation(unknown.map((key) => ({ field: 'recordKeys', reason: `${key} is not a record of customer ${customer.customerId}` })));
      const moving = new Set(recordKeys);
      const moved = customer.records.filter((r) => moving.has(r.key));
      const staying = customer.records.filter((r) => !moving.has(r.key));
      if (moved.length === 0 || staying.length === 0) {
        throw AppError.validation([{ field: 'recordKeys', reason: 'must name some, but not all, of the customer\'s records' }]);
      }
      const pairs = moved.flatMap((m) => staying.map((s) => [m.key, s.key] as [string, string]));
      await this.addConstraints(tx, 'CANNOT_LINK', pairs, by, now);
      const [keeper, other] = moved.length > staying.length ? [moved, staying] : [staying, moved];
      return this.writeGroups(tx, now, customer.customerId, [keeper, other], by, 'analyst split');
    });
  }

  /** Removes a record and re-resolves the customer it leaves: what it alone held together falls apart. */
  async retractRecord(recordKey: string, by: string): Promise<OverrideResult> {
    const result = await this.retractInTransaction(recordKey, by);
    const touched = [...result.customers.map((customer) => customer.customerId), ...result.retired];
    if (result.customers.length > 1) this.live.publish([{ type: 'customer.split', customerId: touched[0], customerIds: touched, recordKeys: [recordKey] }]);
    else if (touched.length > 0) this.live.publish([{ type: 'customer.updated', customerId: touched[0], recordKeys: [recordKey] }]);
    return result;
  }

  private retractInTransaction(recordKey: string, by: string): Promise<OverrideResult> {
    return this.neo4j.write(async (tx) => {
      const now = new Date().toISOString();
      const [state] = await this.repository.lockRecords(tx, [recordKey]);
      if (!state?.contentHash) throw AppError.notFound(`No record ${recordKey}`);
      const customer = state.customerId ? await this.activeCustomer(tx, state.customerId) : undefined;
      await tx.run(this.cypher.get('resolution/retract-source-record'), { key: recordKey });
      if (!customer) return { customers: [], retired: [] };
      const remaining = customer.records.filter((r) => r.key !== recordKey);
      if (remaining.length === 0) {
        await this.repository.applyResolution(tx, { ...emptyWrite(now), golden: [this.goldenOf(customer.customerId, [])] });
        return { customers: [], retired: [customer.customerId] };
      }
      const groups = this.recluster(remaining);
      return this.writeGroups(tx, now, customer.customerId, groups, by, 'recluster after retraction');
    });
  }

  /** Connected components of the remaining records under the current model and constraints, largest first. */
  private recluster(records: StoredRecord[]): StoredRecord[][] {
    const byKey = new Map(records.map((record) => [record.key, record]));
    const resolution = resolveBatch({
      incoming: records.map((record) => JSON.parse(record.normalised) as NormalisedRecord),
      entities: [],
      cannotLink: records.flatMap((record) => record.cannotLink.map((other) => [record.key, other] as [string, string])),
      mustLink: records.flatMap((record) => record.mustLink.map((other) => [record.key, other] as [string, string])),
      model: this.models.current(),
    });
    return resolution.newCustomers
      .map((customer) => customer.recordKeys.map((key) => byKey.get(key)!))
      .sort((a, b) => b.length - a.length || a[0].key.localeCompare(b[0].key));
  }

  /** The first group keeps `customerId`; every other group gets a new customer. */
  private async writeGroups(tx: ManagedTransaction, now: string, customerId: string, groups: StoredRecord[][], by: string, rule: string): Promise<OverrideResult> {
    const ids = groups.map((_, index) => (index === 0 ? customerId : newCustomerId()));
    await this.repository.applyResolution(tx, {
      ...emptyWrite(now),
      customers: ids.slice(1).map((id) => ({ id })),
      links: groups.flatMap((group, index) =>
        index === 0 ? [] : group.map((record) => ({ recordKey: record.key, customerId: ids[index], score: null, rule, decidedBy: by, explanation: null })),
      ),
      golden: groups.map((group, index) => this.goldenOf(ids[index], group)),
    });
    return { customers: groups.map((group, index) => ({ customerId: ids[index], recordKeys: group.map((r) => r.key).sort() })), retired: [] };
  }

  private async activeCustomer(tx: ManagedTransaction, customerId: string): Promise<LockedCustomer> {
    let id = customerId;
    for (let hop = 0; hop < 10; hop++) {
      const [customer] = await this.repository.lockAndReadCustomers(tx, [id]);
      if (!customer) throw AppError.notFound(`No customer ${customerId}`);
      if (customer.status === 'ACTIVE') return customer;
      if (!customer.mergedInto) throw AppError.notFound(`Customer ${customerId} no longer exists (${customer.status})`);
      id = customer.mergedInto;
    }
    throw AppError.notFound(`Customer ${customerId} redirects too many times`);
  }

  private async addConstraints(tx: ManagedTransaction, kind: 'MUST_LINK' | 'CANNOT_LINK', pairs: Array<[string, string]>, by: string, now: string): Promise<void> {
    rowsOf(await tx.run(this.cypher.get('resolution/add-record-constraints'), { kind, pairs, by, now }));
  }

  private goldenOf(customerId: string, records: StoredRecord[]): ResolutionWrite['golden'][number] {
    return goldenWriteOf(customerId, records.map((record) => survivorInputOf(record)));
  }
}
