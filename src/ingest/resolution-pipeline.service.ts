import { Injectable } from '@nestjs/common';
import { ManagedTransaction } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import { Neo4jService } from '../neo4j/neo4j.service';
import { BatchResolution, ExistingEntity, resolveBatch, SurvivorInput } from '../resolution';
import { goldenWriteOf, survivorInputOf } from './golden-write';
import { IngestRepository, LockedBatch, LockedCustomer, RecordToStore, ResolutionWrite } from './ingest.repository';
import { MatchModelProvider } from './match-model.provider';
import { CustomerChange, LiveUpdates } from '../live/live-updates.service';
import { PreparedRecord } from './prepared-record';

export type IngestOutcome = 'created' | 'linked' | 'merged' | 'review' | 'unchanged';

export interface RecordResult {
  index: number;
  recordKey: string;
  customerId: string;
  outcome: IngestOutcome;
  /** Match probability of the decision (the link, or the candidate under review); null for a new customer. */
  score: number | null;
  /** The customer the record is on, then any customers merged into it. */
  customerIds: string[];
  reviewTaskId?: string;
}

interface Member {
  survivor: SurvivorInput;
}

/** What is stored of a record (see lock-and-read-batch): as received, normalised, and where it is blocked and linked. */
export function recordToStore(record: PreparedRecord): RecordToStore {
  return {
    key: record.key,
    contentHash: record.contentHash,
    keys: record.blockingKeys,
    network: record.network,
    content: {
      system: record.system,
      sourceId: record.sourceId,
      type: record.normalised.type,
      payload: JSON.stringify(record.input),
      normalised: JSON.stringify(record.normalised),
      trust: record.trust,
      observedAt: record.observedAt,
    },
  };
}

const newCustomerId = () => `cus_${randomUUID().replace(/-/g, '')}`;

const CHANGE_OF_OUTCOME = { created: 'customer.created', review: 'customer.created', linked: 'customer.linked', merged: 'customer.merged' } as const;

function changeOf(result: RecordResult): Omit<CustomerChange, 'sequence' | 'at'> {
  const type = CHANGE_OF_OUTCOME[result.outcome as keyof typeof CHANGE_OF_OUTCOME];
  return { type, customerId: result.customerId, recordKeys: [result.recordKey], ...(result.outcome === 'merged' ? { customerIds: result.customerIds.slice(1) } : {}) };
}

/**
 * The one resolution path (single record, batch, stream and rebuild): lock the records, their
 * blocking keys and then the candidate customers with their neighbours (customers sharing a key
 * with a candidate's records, each set in sorted order), read every record of those customers,
 * resolve in memory with the engine, write the decisions — all in one transaction, so parallel
 * requests and API replicas cannot both create the same person.
 */
@Injectable()
export class ResolutionPipeline {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly repository: IngestRepository,
    private readonly models: MatchModelProvider,
    private readonly live: LiveUpdates,
  ) {}

  async resolve(records: PreparedRecord[], decidedBy: string): Promise<RecordResult[]> {
    if (records.length === 0) return [];
    // A record sent twice in one batch: the last copy counts, the earlier ones share its result.
    const lastByKey = new Map<string, PreparedRecord>();
    for (const record of records) lastByKey.set(record.key, record);
    const results = await this.neo4j.write((tx) => this.resolveInTransaction(tx, [...lastByKey.values()], decidedBy));
    this.live.publish(results.filter((result) => result.outcome !== 'unchanged').map(changeOf));
    const byKey = new Map(results.map((result) => [result.recordKey, result]));
    return records.map((record) => ({ ...byKey.get(record.key)!, index: record.index }));
  }

  private async resolveInTransaction(tx: ManagedTransaction, records: PreparedRecord[], decidedBy: string): Promise<RecordResult[]> {
    const model = this.models.current();
    const now = new Date().toISOString();
    const maxCandidates = model.settings.maxCandidates * records.length;
    const batch = await this.repository.lockAndReadBatch(tx, records.map(recordToStore), model.settings.genericCutoff, maxCandidates, now);
    const states = new Map(batch.states.map((state) => [state.key, state]));
    const results: RecordResult[] = [];
    const toResolve: PreparedRecord[] = [];
    for (const record of records) {
      const state = states.get(record.key)!;
      if (state.unchanged) {
        results.push({ index: record.index, recordKey: record.key, customerId: state.customerId!, outcome: 'unchanged', score: null, customerIds: [state.customerId!] });
      } else {
        toResolve.push(record);
      }
    }
    if (toResolve.length === 0) return results;

    const previousOf = new Map(toResolve.flatMap((record) => (states.get(record.key)?.customerId ? [[record.key, states.get(record.key)!.customerId!] as const] : [])));
    const locked = await this.followCandidates(tx, batch);

    const incomingKeys = new Set(toResolve.map((record) => record.key));
    const entities: ExistingEntity[] = [];
    const members = new Map<string, Member[]>();
    const cannotLink: Array<[string, string]> = [];
    const mustLink: Array<[string, string]> = [];
    for (const customer of locked.values()) {
      const kept = customer.records.filter((record) => !incomingKeys.has(record.key));
      // Each stored record is parsed once: scoring reads its normalised form, survivorship both.
      const survivors = kept.map(survivorInputOf);
      members.set(customer.customerId, survivors.map((survivor) => ({ survivor })));
      for (const record of kept) {
        for (const other of record.cannotLink) cannotLink.push([record.key, other]);
        for (const other of record.mustLink) mustLink.push([record.key, other]);
      }
      if (kept.length > 0) entities.push({ customerId: customer.customerId, createdAt: customer.createdAt, records: survivors.map((survivor) => survivor.normalised) });
    }
    for (const record of toResolve) {
      const state = states.get(record.key)!;
      for (const other of state.cannotLink) cannotLink.push([record.key, other]);
      for (const other of state.mustLink) mustLink.push([record.key, other]);
    }

    const resolution = resolveBatch({ incoming: toResolve.map((record) => record.normalised), entities, cannotLink, mustLink, model });
    const write = this.planWrite(resolution, toResolve, members, previousOf, decidedBy, now);
    await this.repository.applyResolution(tx, write.plan);
    return results.concat(write.results);
  }

  /** Completes the set of locked customers with the survivors of merged candidates (following redirects). */
  private async followCandidates(tx: ManagedTransaction, batch: LockedBatch): Promise<Map<string, LockedCustomer>> {
    const locked = new Map<string, LockedCustomer>();
    const seen = new Set<string>();
    const take = (customers: LockedCustomer[]): string[] => {
      const next: string[] = [];
      for (const customer of customers) {
        seen.add(customer.customerId);
        if (customer.status === 'ACTIVE') locked.set(customer.customerId, customer);
        else if (customer.mergedInto) next.push(customer.mergedInto);
      }
      return next;
    };
    let wanted = [...new Set(take(batch.customers))].filter((id) => !seen.has(id));
    for (let round = 0; round < 6 && wanted.length > 0; round++) {
      wanted = [...new Set(take(await this.repository.lockAndReadCustomers(tx, wanted)))].filter((id) => !seen.has(id));
    }
    return locked;
  }

  private planWrite(
    resolution: BatchResolution,
    incoming: PreparedRecord[],
    members: Map<string, Member[]>,
    previousOf: Map<string, string>,
    decidedBy: string,
    now: string,
  ): { plan: ResolutionWrite; results: RecordResult[] } {
    // A changed record that leaves its customer empty and matches nobody keeps that customer's id.
    const absorbed = new Set(resolution.merges.map((merge) => merge.absorbed));
    const emptied = new Set([...previousOf.values()].filter((id) => (members.get(id) ?? []).length === 0 && !absorbed.has(id)));
    const idOfTemp = new Map<string, string>();
    const reused = new Set<string>();
    for (const customer of resolution.newCustomers) {
      const reuse = customer.recordKeys.map((key) => previousOf.get(key)).filter((id): id is string => id !== undefined && emptied.has(id)).sort()[0];
      if (reuse) {
        emptied.delete(reuse);
        reused.add(reuse);
      }
      idOfTemp.set(customer.tempId, reuse ?? newCustomerId());
    }
    const finalId = (id: string) => idOfTemp.get(id) ?? id;
    for (const merge of resolution.merges) {
      members.set(merge.survivor, [...(members.get(merge.survivor) ?? []), ...(members.get(merge.absorbed) ?? [])]);
      members.delete(merge.absorbed);
    }
    const byKey = new Map(incoming.map((record) => [record.key, record]));
    const plan: ResolutionWrite = {
      now,
      customers: [...idOfTemp.values()].filter((id) => !reused.has(id)).map((id) => ({ id })),
      merges: resolution.merges.map((merge) => ({ ...merge, by: decidedBy, reason: 'automatic: a record matched both customers' })),
      links: [],
      golden: [],
      reviews: [],
    };
    const results: RecordResult[] = [];
    for (const decision of resolution.decisions) {
      const record = byKey.get(decision.recordKey)!;
      const customerId = finalId(decision.customerId);
      members.set(customerId, [...(members.get(customerId) ?? []), { survivor: { normalised: record.normalised, input: record.input, trust: record.trust, observedAt: record.observedAt } }]);
      const explanation = decision.score
        ? JSON.stringify({ matchedRecordKey: decision.matchedRecordKey, matchWeight: decision.score.matchWeight, comparisons: decision.score.comparisons })
        : null;
      plan.links.push({ recordKey: record.key, customerId, score: decision.score?.probability ?? null, rule: decision.outcome, decidedBy, explanation });
      let reviewTaskId: string | undefined;
      if (decision.review) {
        reviewTaskId = `rev_${randomUUID().replace(/-/g, '')}`;
        plan.reviews.push({
          id: reviewTaskId,
          recordKey: record.key,
          candidateRecordKey: decision.review.candidateRecordKey,
          score: decision.review.score.probability,
          explanation: JSON.stringify({ matchWeight: decision.review.score.matchWeight, comparisons: decision.review.score.comparisons }),
        });
      }
      results.push({
        index: record.index,
        recordKey: record.key,
        customerId,
        outcome: reused.has(customerId) && decision.outcome === 'created' ? 'linked' : decision.outcome,
        score: decision.score?.probability ?? decision.review?.score.probability ?? null,
        customerIds: decision.customerIds.map(finalId),
        ...(reviewTaskId ? { reviewTaskId } : {}),
      });
    }
    // Golden records are recomputed only where membership changed.
    const touched = new Set([...results.map((result) => result.customerId), ...resolution.merges.map((merge) => merge.survivor), ...previousOf.values()]);
    for (const customerId of touched) {
      if (resolution.merges.some((merge) => merge.absorbed === customerId)) continue;
      plan.golden.push(goldenWriteOf(customerId, (members.get(customerId) ?? []).map((member) => member.survivor)));
    }
    return { plan, results };
  }
}
