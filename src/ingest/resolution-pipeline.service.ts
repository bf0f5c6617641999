import { Injectable } from '@nestjs/common';
import { ManagedTransaction } from 'neo4j-driver';
import { randomUUID } from 'node:crypto';
import { Neo4jService } from '../neo4j/neo4j.service';
import { admitStandingEntities, ExistingEntity, NormalisedRecord, PairLevels, PairScore, RecordDecision, resolveBatch, SurvivorInput } from '../resolution';
import { emptyWrite, goldenWriteOf, survivorInputOf } from './golden-write';
import { IngestRepository, LockedBatch, LockedCustomer, RecordToStore, ResolutionWrite } from './ingest.repository';
import { CurrentCustomer, reassign } from './reassignment';
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

type ResolutionChange = Omit<CustomerChange, 'sequence' | 'at'>;

/** What is stored of a record (see lock-and-read-batch and store-records): as received, normalised, and where it is blocked and linked. */
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
      payload: record.payloadJson,
      normalised: record.normalisedJson,
      trust: record.trust,
      observedAt: record.observedAt,
    },
  };
}

/** Bits to three decimals: a stored weight needs no more to explain a decision, and a full double took a third of every explanation's bytes. */
const bits = (weight: number) => Math.round(weight * 1000) / 1000;

/** A decision's explanation as a link or review task stores it: the match weight and each comparison's level and weight. */
export function explanationJson(score: PairScore, matchedRecordKey?: string): string {
  return JSON.stringify({
    ...(matchedRecordKey === undefined ? {} : { matchedRecordKey }),
    matchWeight: bits(score.matchWeight),
    comparisons: score.comparisons.map((comparison) => ({ ...comparison, weight: bits(comparison.weight) })),
  });
}

const CHANGE_OF_OUTCOME = { created: 'customer.created', review: 'customer.created', linked: 'customer.linked', merged: 'customer.merged' } as const;

function changeOf(result: RecordResult): ResolutionChange {
  const type = CHANGE_OF_OUTCOME[result.outcome as keyof typeof CHANGE_OF_OUTCOME];
  return { type, customerId: result.customerId, recordKeys: [result.recordKey], ...(result.outcome === 'merged' ? { customerIds: result.customerIds.slice(1) } : {}) };
}

/**
 * The one resolution path (single record, batch, stream and rebuild): lock the records, their
 * blocking keys and then the candidate customers (each set in sorted order), read every record of
 * those customers, resolve the batch's records and the candidates' from scratch in memory with the
 * engine (a local rebuild: customers can split and give up records, so the partition does not
 * depend on load order) while the database locks and reads the candidates' neighbours (customers
 * sharing a key with a candidate's records) and stores the records' content, take in the
 * neighbours that would change the answer, from their records, write what changed — all in one
 * transaction, so parallel requests and API replicas cannot both create the same person.
 */
@Injectable()
export class ResolutionPipeline {
  /** Resolutions of changed records in this process, and those some of the candidates' neighbours changed (see admitStandingEntities). */
  readonly counts = { resolutions: 0, withNeighbours: 0 };

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
    const { results, changes } = await this.neo4j.write((tx) => this.resolveInTransaction(tx, [...lastByKey.values()], decidedBy));
    this.live.publish([...results.filter((result) => result.outcome !== 'unchanged').map(changeOf), ...changes]);
    const byKey = new Map(results.map((result) => [result.recordKey, result]));
    return records.map((record) => ({ ...byKey.get(record.key)!, index: record.index }));
  }

  private async resolveInTransaction(tx: ManagedTransaction, records: PreparedRecord[], decidedBy: string): Promise<{ results: RecordResult[]; changes: ResolutionChange[] }> {
    const model = this.models.current();
    const now = new Date().toISOString();
    const maxCandidates = model.settings.maxCandidates * records.length;
    const toStore = records.map(recordToStore);
    const batch = await this.repository.lockAndReadBatch(tx, toStore, model.settings.genericCutoff, maxCandidates);
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
    if (toResolve.length === 0) {
      await this.repository.storeRecords(tx, toStore, batch, now);
      return { results, changes: [] };
    }

    const locked = await this.followCandidates(tx, batch, model.settings.genericCutoff);
    // While the engine resolves without them, the database finds and reads the candidates'
    // neighbours (first: the engine needs them next), then stores the changed records (awaited
    // before the write).
    const batchKeys = [...new Set(toResolve.flatMap((record) => record.blockingKeys))];
    const neighbouring = this.repository.lockAndReadNeighbours(tx, [...locked.keys()], batchKeys, model.settings.genericCutoff, maxCandidates);
    neighbouring.catch(() => undefined);
    const storing = this.repository.storeRecords(tx, toStore, batch, now);
    storing.catch(() => undefined);
    // One turn of the event loop, so the driver has sent both statements before the engine holds the thread.
    await new Promise((resolve) => setImmediate(resolve));

    // A local rebuild: the batch and every record of its candidate and previous customers are
    // resolved together from scratch, as the rebuild resolves everything, so the partition does not
    // depend on the order records arrived in; the candidates' neighbours take part only when one of
    // them, as it stands, reaches the link band with what the batch resolved to without them, and
    // then from their records with the part of the batch connected to them (see
    // admitStandingEntities): at 950k records they were ~40 % of a chunk's time, and seldom change
    // anything. Analyst decisions hold as must-link / cannot-link pairs.
    const incomingKeys = new Set(toResolve.map((record) => record.key));
    const survivors = new Map<string, SurvivorInput>();
    const currentOf = new Map<string, CurrentCustomer>();
    const normalised: NormalisedRecord[] = [];
    const cannotLink: Array<[string, string]> = [];
    const mustLink: Array<[string, string]> = [];
    // Keys the graph holds generic, which the rebuild (counting every record) compares no records
    // through: among the few records resolved here they could look like any other key. The
    // neighbours' records add theirs before they are judged.
    const genericKeys = new Set(batch.genericKeys);
    // What the engine takes from each record read besides its normalised form: its analyst decisions and its generic keys.
    const takeDecisionsAndGenericKeys = (key: string, read: { cannotLink: string[]; mustLink: string[]; generic?: string[] }) => {
      for (const other of read.cannotLink) cannotLink.push([key, other]);
      for (const other of read.mustLink) mustLink.push([key, other]);
      for (const generic of read.generic ?? []) genericKeys.add(generic);
    };
    for (const record of toResolve) {
      const state = states.get(record.key)!;
      survivors.set(record.key, { normalised: record.normalised, input: record.input, trust: record.trust, observedAt: record.observedAt });
      normalised.push(record.normalised);
      const previous = state.customerId ? locked.get(state.customerId) : undefined;
      if (previous) currentOf.set(record.key, { id: previous.customerId, createdAt: previous.createdAt });
      takeDecisionsAndGenericKeys(record.key, state);
    }
    for (const customer of locked.values()) {
      for (const record of customer.records) {
        if (incomingKeys.has(record.key)) continue;
        // Each stored record is parsed once: scoring reads its normalised form, survivorship both.
        const survivor = survivorInputOf(record);
        survivors.set(record.key, survivor);
        normalised.push(survivor.normalised);
        currentOf.set(record.key, { id: customer.customerId, createdAt: customer.createdAt });
        takeDecisionsAndGenericKeys(record.key, record);
      }
    }

    const input = { incoming: normalised, entities: [], cannotLink, mustLink, genericKeys, model, blockingKeys: new Map<string, string[]>(), pairLevels: new PairLevels(model) };
    const first = resolveBatch(input);
    this.counts.resolutions++;
    // The neighbours join only where one of them, as it stands, changes the resolution.
    const neighbours = (await neighbouring).filter((customer) => customer.status === 'ACTIVE' && !locked.has(customer.customerId));
    // Each neighbour's records parsed once; the records as received are read only for the neighbours taken in (their golden records are recomputed).
    const neighbourSurvivors = new Map<string, SurvivorInput>();
    const neighbourPayloads = new Map<string, string>();
    const standing: ExistingEntity[] = [];
    for (const customer of neighbours) {
      const records: NormalisedRecord[] = [];
      for (const record of customer.records) {
        if (incomingKeys.has(record.key)) continue;
        const survivor = survivorInputOf(record, neighbourPayloads);
        neighbourSurvivors.set(record.key, survivor);
        records.push(survivor.normalised);
        takeDecisionsAndGenericKeys(record.key, record);
      }
      if (records.length > 0) standing.push({ customerId: customer.customerId, createdAt: customer.createdAt, records });
    }
    const { resolution, admitted: entities } = admitStandingEntities(first, input, standing);
    const payloadsRead = this.repository.readPayloads(tx, entities.flatMap((entity) => entity.records.map((record) => record.key)));
    payloadsRead.catch(() => undefined);
    for (const entity of entities) {
      for (const record of entity.records) {
        survivors.set(record.key, neighbourSurvivors.get(record.key)!);
        currentOf.set(record.key, { id: entity.customerId, createdAt: entity.createdAt });
      }
    }
    if (entities.length > 0) this.counts.withNeighbours++;
    // The partition: each record resolved from scratch (the neighbours taken in too) with the customer it ended on.
    const clusterOf = new Map<string, string[]>();
    for (const decision of resolution.decisions) {
      const keys = clusterOf.get(decision.customerId);
      if (keys) keys.push(decision.recordKey);
      else clusterOf.set(decision.customerId, [decision.recordKey]);
    }
    const clusters = [...clusterOf.values()].map((keys) => ({ recordKeys: keys.sort() }));
    for (const [key, payload] of await payloadsRead) neighbourPayloads.set(key, payload);
    const write = this.planWrite(clusters, resolution.decisions, toResolve, survivors, currentOf, decidedBy, now);
    await storing;
    await this.repository.applyResolution(tx, write.plan);
    return { results: results.concat(write.results), changes: write.changes };
  }

  /** Completes the set of locked customers with the survivors of merged candidates (following redirects). */
  private async followCandidates(tx: ManagedTransaction, batch: LockedBatch, genericCutoff: number): Promise<Map<string, LockedCustomer>> {
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
      wanted = [...new Set(take(await this.repository.lockAndReadCustomers(tx, wanted, genericCutoff)))].filter((id) => !seen.has(id));
    }
    return locked;
  }

  /**
   * The write of a local rebuild: clusters keep the id most of their records had (see reassign);
   * the batch's records are linked with their decisions; an existing record that changes customer
   * moves (a customer whose records all went to one other becomes a redirect to it, else it is
   * retired); golden records are recomputed for every customer whose records changed.
   */
  private planWrite(
    partition: Array<{ recordKeys: string[] }>,
    decisions: RecordDecision[],
    incoming: PreparedRecord[],
    survivors: Map<string, SurvivorInput>,
    currentOf: Map<string, CurrentCustomer>,
    decidedBy: string,
    now: string,
  ): { plan: ResolutionWrite; results: RecordResult[]; changes: ResolutionChange[] } {
    const { clusters, moves, emptied } = reassign(partition, (key) => currentOf.get(key));
    const clusterOf = new Map(clusters.flatMap((cluster) => cluster.recordKeys.map((key) => [key, cluster] as const)));
    const plan: ResolutionWrite = { ...emptyWrite(now), customers: clusters.filter((cluster) => cluster.created).map((cluster) => ({ id: cluster.customerId })) };
    const absorbedInto = new Map<string, string[]>();
    for (const [customerId, destinations] of [...emptied.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (destinations.size === 1) {
        const [survivor] = destinations;
        plan.merges.push({ survivor, absorbed: customerId, by: decidedBy, reason: 'automatic: its records matched another customer' });
        absorbedInto.set(survivor, [...(absorbedInto.get(survivor) ?? []), customerId]);
      } else {
        plan.retire.push({ customerId, mergedInto: null, by: decidedBy, reason: 'automatic: its records matched several customers' });
      }
    }
    // Existing records move unless a merge moves them with their customer.
    const incomingKeys = new Set(incoming.map((record) => record.key));
    const merged = new Set(plan.merges.map((merge) => merge.absorbed));
    const moved = moves.filter((move) => !incomingKeys.has(move.recordKey) && !(move.from && merged.has(move.from)));
    for (const move of moved) plan.links.push({ recordKey: move.recordKey, customerId: move.to, score: null, rule: 'reresolved', decidedBy, explanation: null });

    const decisionOf = new Map(decisions.map((decision) => [decision.recordKey, decision]));
    const results: RecordResult[] = [];
    for (const record of incoming) {
      const decision = decisionOf.get(record.key)!;
      const cluster = clusterOf.get(record.key)!;
      const customerId = cluster.customerId;
      const explanation = decision.score ? explanationJson(decision.score, decision.matchedRecordKey) : null;
      const absorbed = absorbedInto.get(customerId) ?? [];
      let outcome: IngestOutcome;
      if (absorbed.length > 0) outcome = 'merged';
      else if (decision.outcome === 'review' && cluster.recordKeys.length === 1) outcome = 'review';
      else if (cluster.created && decision.outcome === 'created') outcome = 'created';
      else outcome = 'linked';
      plan.links.push({ recordKey: record.key, customerId, score: decision.score?.probability ?? null, rule: outcome, decidedBy, explanation });
      let reviewTaskId: string | undefined;
      if (outcome === 'review' && decision.review) {
        reviewTaskId = `rev_${randomUUID().replace(/-/g, '')}`;
        plan.reviews.push({
          id: reviewTaskId,
          recordKey: record.key,
          candidateRecordKey: decision.review.candidateRecordKey,
          score: decision.review.score.probability,
          explanation: explanationJson(decision.review.score),
        });
      }
      results.push({
        index: record.index,
        recordKey: record.key,
        customerId,
        outcome,
        score: decision.score?.probability ?? decision.review?.score.probability ?? null,
        customerIds: [customerId, ...absorbed],
        ...(reviewTaskId ? { reviewTaskId } : {}),
      });
    }

    // Golden records are recomputed only where membership changed.
    const touched = new Set([...results.map((result) => result.customerId), ...moves.flatMap((move) => [move.to, ...(move.from ? [move.from] : [])])]);
    for (const cluster of clusters) {
      if (touched.has(cluster.customerId)) plan.golden.push(goldenWriteOf(cluster.customerId, cluster.recordKeys.map((key) => survivors.get(key)!)));
    }
    // Customers that gave records up other than through the batch's own results.
    const changes: ResolutionChange[] = [];
    const movedFrom = new Map<string, string[]>();
    for (const move of moved) if (move.from) movedFrom.set(move.from, [...(movedFrom.get(move.from) ?? []), move.recordKey]);
    for (const [customerId, recordKeys] of movedFrom) {
      const destinations = [...new Set(moved.filter((move) => move.from === customerId).map((move) => move.to))];
      changes.push({ type: 'customer.split', customerId, customerIds: [customerId, ...destinations], recordKeys });
    }
    return { plan, results, changes };
  }
}
