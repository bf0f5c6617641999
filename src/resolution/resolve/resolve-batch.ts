import { blockingKeysFor } from '../block/blocking-keys';
import { decide } from '../score/decide';
import { PairLevels, scoreEntities } from '../score/score-pair';
import type { MatchModel, NormalisedRecord, PairScore } from '../resolution.types';
import { IndexUnionFind } from './union-find';

/** A customer already in the graph, with every record it holds. */
export interface ExistingEntity {
  customerId: string;
  /** ISO time; the oldest customer of a merge keeps its id. */
  createdAt: string;
  records: NormalisedRecord[];
}

export interface BatchResolutionInput {
  /** New or changed records, resolved together. */
  incoming: NormalisedRecord[];
  /** Candidate customers (already locked by the caller), without the incoming records. */
  entities: ExistingEntity[];
  /** Analyst decisions as record-key pairs. */
  cannotLink?: Array<[string, string]>;
  mustLink?: Array<[string, string]>;
  /**
   * Keys the graph holds generic (shared by more records than the cutoff): no records are compared
   * through them. Counted among its own records only, a resolution of part of the graph would find
   * them as selective as any other.
   */
  genericKeys?: ReadonlySet<string>;
  model: MatchModel;
  /** Blocking keys by record key, kept between the calls of one resolution (see admitStandingEntities); the call adds those it computes. */
  blockingKeys?: Map<string, string[]>;
  /** Pair levels kept between the calls of one resolution. */
  pairLevels?: PairLevels;
}

/** A record's blocking keys, computed once per resolution. */
export function keysFrom(cache: Map<string, string[]> | undefined, record: NormalisedRecord, settings: MatchModel['settings']): string[] {
  let keys = cache?.get(record.key);
  if (keys === undefined) {
    keys = blockingKeysFor(record, settings);
    cache?.set(record.key, keys);
  }
  return keys;
}

/** A record's blocking keys that can bring candidates: those the graph does not hold generic (see BatchResolutionInput.genericKeys). */
export function candidateKeysFrom(input: Pick<BatchResolutionInput, 'blockingKeys' | 'genericKeys' | 'model'>, record: NormalisedRecord): string[] {
  const keys = keysFrom(input.blockingKeys, record, input.model.settings);
  const generic = input.genericKeys;
  return generic && generic.size > 0 ? keys.filter((key) => !generic.has(key)) : keys;
}

export type RecordOutcome = 'created' | 'linked' | 'merged' | 'review';

export interface RecordDecision {
  recordKey: string;
  outcome: RecordOutcome;
  /** The existing customer the record ends on, or the temporary id of a new one (`new:<n>`). */
  customerId: string;
  /** The entity-level score that joined the record to its customer (null when it stayed alone). */
  score: PairScore | null;
  /** A record of the customer it joined, for the explanation. */
  matchedRecordKey?: string;
  /** For a review: the best candidate below the link band. */
  review?: { candidateRecordKey: string; score: PairScore };
  /** Customers involved: the one it ends on and any absorbed. */
  customerIds: string[];
}

export interface BatchResolution {
  decisions: RecordDecision[];
  /** Existing customers absorbed into a survivor. */
  merges: Array<{ survivor: string; absorbed: string }>;
  /** New customers to create: temporary id → records. */
  newCustomers: Array<{ tempId: string; recordKeys: string[] }>;
  /** Existing customers that gained records or absorbed others. */
  grownCustomers: string[];
  /** The records of every cluster a link (or a must-link) formed, as it was formed (see admitStandingEntities). */
  formed: NormalisedRecord[][];
}

interface Link {
  /** Units (see resolveBatch), the one with the smaller label first. */
  left: number;
  right: number;
  score: PairScore;
}

const MAX_ROUNDS = 20;

/** The smallest key among the records: a cluster's label, which orders clusters whatever their ids. */
export const smallestKey = (records: NormalisedRecord[]) => records.reduce((least, record) => (least === '' || record.key < least ? record.key : least), '');

/** What resolveBatch starts from: an existing customer (`E:<id>`, with its creation time) or an incoming record (`R:<key>`). */
interface Unit {
  name: string;
  records: NormalisedRecord[];
  createdAt?: string;
}

/**
 * Resolves a batch of records against the candidate customers and against each other, to a
 * fixed point: clusters (existing customers, incoming records, and what they merge into) that
 * share a non-generic blocking key are scored entity against entity, the strongest links are
 * applied first, and clusters that changed are scored again until nothing more links; ties go
 * by record keys, so the same records always give the same partition, whatever order they are
 * given in. A cluster that grew is scored again before any of its other links applies, since its
 * score can fall as it gains a record (see scoreEntities); cannot-link pairs are never joined.
 * Ingest passes existing customers' records as incoming too (see ResolutionPipeline), so batches
 * loaded one after another end as these records resolved at once would.
 */
export function resolveBatch(input: BatchResolutionInput): BatchResolution {
  const { model } = input;
  const settings = model.settings;
  const incoming = [...input.incoming].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const entities = [...input.entities].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));

  // Units are numbered in the order of their names (`E:<customer id>`, then `R:<record key>`),
  // so the smaller number is the smaller name: a merged cluster is rooted at the same unit
  // whatever order the unions come in. A record sent twice counts once, as its last copy.
  const units: Unit[] = entities.map((entity) => ({
    name: `E:${entity.customerId}`,
    records: entity.records,
    createdAt: entity.createdAt,
  }));
  const firstRecordUnit = units.length;
  const unitOfIncoming = new Map<string, number>();
  for (const record of incoming) {
    const known = unitOfIncoming.get(record.key);
    if (known === undefined) unitOfIncoming.set(record.key, units.push({ name: `R:${record.key}`, records: [record] }) - 1);
    else units[known].records = [record];
  }
  const unitCount = units.length;
  const isRecordUnit = (unit: number) => unit >= firstRecordUnit;

  const sets = new IndexUnionFind(unitCount);
  // The records of each root; absent once it merged into another.
  const members: Array<NormalisedRecord[] | undefined> = units.map((unit) => unit.records);
  // Each cluster's smallest record key orders it (see candidateLinks); a merge keeps the smaller.
  const labelOfRoot = units.map((unit) => smallestKey(unit.records));
  const keysOf = new Map<NormalisedRecord, string[]>();
  const unitOfRecord = new Map<string, number>();
  units.forEach((unit, index) => {
    for (const record of unit.records) {
      unitOfRecord.set(record.key, index);
      keysOf.set(record, candidateKeysFrom(input, record));
    }
  });

  // Blocking index: key → units holding it, each once. Generic keys (too many units) yield no candidates.
  const unitsByKey = new Map<string, number[]>();
  units.forEach((unit, index) => {
    for (const record of unit.records) {
      for (const key of keysOf.get(record)!) {
        const holders = unitsByKey.get(key);
        if (!holders) unitsByKey.set(key, [index]);
        else if (holders[holders.length - 1] !== index) holders.push(index);
      }
    }
  });

  // Each record's non-generic keys as the units holding them, looked up once: changed clusters
  // gather their candidates through them round after round.
  const holdersOf = new Map<NormalisedRecord, number[][]>();
  for (const unit of units) {
    for (const record of unit.records) {
      holdersOf.set(record, keysOf.get(record)!.map((key) => unitsByKey.get(key)!).filter((holders) => holders.length <= settings.genericCutoff));
    }
  }

  const forbidden = (input.cannotLink ?? []).filter(([a, b]) => unitOfRecord.has(a) && unitOfRecord.has(b)).map(([a, b]) => [unitOfRecord.get(a)!, unitOfRecord.get(b)!]);
  const breaksConstraint = (rootA: number, rootB: number) =>
    forbidden.some(([x, y]) => {
      const [rx, ry] = [sets.find(x), sets.find(y)];
      return (rx === rootA && ry === rootB) || (rx === rootB && ry === rootA);
    });
  const formed: NormalisedRecord[][] = [];
  const merge = (rootA: number, rootB: number) => {
    const root = sets.union(rootA, rootB);
    const other = root === rootA ? rootB : rootA;
    const joined = [...members[root]!, ...members[other]!];
    members[root] = joined;
    formed.push(joined);
    members[other] = undefined;
    const [x, y] = [labelOfRoot[root], labelOfRoot[other]];
    labelOfRoot[root] = x === '' || (y !== '' && y < x) ? y : x;
    return root;
  };
  for (const [a, b] of input.mustLink ?? []) {
    const [unitA, unitB] = [unitOfRecord.get(a), unitOfRecord.get(b)];
    if (unitA !== undefined && unitB !== undefined && sets.find(unitA) !== sets.find(unitB)) merge(sets.find(unitA), sets.find(unitB));
  }

  const pairLevels = input.pairLevels ?? new PairLevels(model);
  const joinedBy = new Map<number, Link>();
  const bestReview = new Map<number, Link>();
  const scoring = { members, labelOfRoot, holdersOf, sets, maxCandidates: settings.maxCandidates, model, pairLevels, met: new Int32Array(unitCount).fill(-1) };
  let changed = new Set([...unitOfIncoming.values()].map((unit) => sets.find(unit)));
  for (let round = 0; round < MAX_ROUNDS && changed.size > 0; round++) {
    const links = candidateLinks(changed, scoring);
    changed = new Set();
    // Clusters that grew this round: their links were scored with fewer records than they now hold.
    const grown = new Set<number>();
    for (const link of links) {
      const band = decide(link.score.probability, model);
      if (band === 'review') {
        for (const side of [link.left, link.right]) {
          if (isRecordUnit(side) && (members[side]?.length ?? 0) === 1 && !bestReview.has(side)) bestReview.set(side, link);
        }
        continue;
      }
      if (band !== 'link') continue;
      const [rootA, rootB] = [sets.find(link.left), sets.find(link.right)];
      if (rootA === rootB) continue;
      // A side that already merged this round is scored again next round, with all its records.
      const stale = rootA !== link.left || rootB !== link.right || grown.has(rootA) || grown.has(rootB);
      if (stale || breaksConstraint(rootA, rootB)) {
        if (stale) changed.add(rootA).add(rootB);
        continue;
      }
      for (const side of [link.left, link.right]) if (isRecordUnit(side)) joinedBy.set(side, link);
      const root = merge(rootA, rootB);
      grown.add(root);
      changed.add(root);
    }
    for (const root of [...changed]) if (sets.find(root) !== root) changed.delete(root);
  }
  return { ...describePartition(incoming, units, unitOfIncoming, sets, joinedBy, bestReview), formed };
}

/** What candidateLinks reads of a resolution in progress (see resolveBatch). */
interface ScoringState {
  members: Array<NormalisedRecord[] | undefined>;
  labelOfRoot: string[];
  holdersOf: Map<NormalisedRecord, number[][]>;
  sets: IndexUnionFind;
  maxCandidates: number;
  model: MatchModel;
  pairLevels: PairLevels;
  /** By unit, the last root that met it as a candidate: a set of the candidates without hashing. */
  met: Int32Array;
}

/** Scores every changed cluster against every cluster it shares a key with, strongest first. */
function candidateLinks(changed: Set<number>, state: ScoringState): Link[] {
  const { members, labelOfRoot, holdersOf, sets, maxCandidates, model, pairLevels, met } = state;
  // Clusters are ordered by their smallest record key, not by customer id: ids are random, and
  // the order decides which candidates a cap keeps and which of two equal links applies first.
  const byLabel = (a: number, b: number) => {
    const x = labelOfRoot[a];
    const y = labelOfRoot[b];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Pairs scored this round, as left × unit count + right.
  const seen = new Set<number>();
  const unitCount = met.length;
  const links: Link[] = [];
  met.fill(-1);
  for (const root of [...changed].sort(byLabel)) {
    const candidates: number[] = [];
    met[root] = root;
    for (const record of members[root] ?? []) {
      for (const holders of holdersOf.get(record)!) {
        for (const unit of holders) {
          const other = sets.find(unit);
          if (met[other] !== root) {
            met[other] = root;
            candidates.push(other);
          }
        }
      }
    }
    // Only a cap needs the candidates in order: the links are sorted below.
    const kept = candidates.length > maxCandidates ? candidates.sort(byLabel).slice(0, maxCandidates) : candidates;
    for (const other of kept) {
      const [left, right] = byLabel(root, other) < 0 ? [root, other] : [other, root];
      const pair = left * unitCount + right;
      if (seen.has(pair)) continue;
      seen.add(pair);
      links.push({ left, right, score: scoreEntities(members[left]!, members[right]!, model, pairLevels) });
    }
  }
  return links.sort((a, b) => b.score.matchWeight - a.score.matchWeight || byLabel(a.left, b.left) || byLabel(a.right, b.right));
}

function describePartition(
  incoming: NormalisedRecord[],
  units: Unit[],
  unitOfIncoming: Map<string, number>,
  sets: IndexUnionFind,
  joinedBy: Map<number, Link>,
  bestReview: Map<number, Link>,
): Omit<BatchResolution, 'formed'> {
  const groups = new Map<number, number[]>();
  for (let unit = 0; unit < units.length; unit++) {
    const root = sets.find(unit);
    const group = groups.get(root);
    if (group) group.push(unit);
    else groups.set(root, [unit]);
  }
  // A unit's first record key, for explanations.
  const firstRecordOf = (unit: number) => units[unit].records.reduce<string | undefined>((first, record) => (first === undefined || record.key.localeCompare(first) < 0 ? record.key : first), undefined);
  const merges: BatchResolution['merges'] = [];
  const newCustomers: BatchResolution['newCustomers'] = [];
  const grown = new Set<string>();
  let nextTemp = 0;
  const customerOfRoot = new Map<number, { id: string; absorbed: string[] }>();

  for (const [root, members] of [...groups].sort(([a], [b]) => units[a].name.localeCompare(units[b].name))) {
    const existing = members.filter((unit) => units[unit].name.startsWith('E:'));
    const records = members
      .filter((unit) => units[unit].name.startsWith('R:'))
      .map((unit) => units[unit].name.slice(2))
      .sort();
    if (existing.length === 0) {
      if (records.length === 0) continue;
      const tempId = `new:${nextTemp++}`;
      newCustomers.push({ tempId, recordKeys: records });
      customerOfRoot.set(root, { id: tempId, absorbed: [] });
      continue;
    }
    // The oldest customer keeps its id (ties: the smaller id) so ids are stable.
    const ordered = existing
      .sort((a, b) => Date.parse(units[a].createdAt!) - Date.parse(units[b].createdAt!) || units[a].name.localeCompare(units[b].name))
      .map((unit) => units[unit].name.slice(2));
    const [survivor, ...absorbed] = ordered;
    for (const id of absorbed) merges.push({ survivor, absorbed: id });
    if (absorbed.length > 0 || records.length > 0) grown.add(survivor);
    customerOfRoot.set(root, { id: survivor, absorbed });
  }

  const firstRecordOfNew = new Map(newCustomers.map((customer) => [customer.tempId, customer.recordKeys[0]]));
  const decisions: RecordDecision[] = incoming.map((record) => {
    const unit = unitOfIncoming.get(record.key)!;
    const root = sets.find(unit);
    const customer = customerOfRoot.get(root)!;
    const link = joinedBy.get(unit);
    const alone = groups.get(root)!.length === 1;
    const isNew = customer.id.startsWith('new:');
    let outcome: RecordOutcome;
    if (customer.absorbed.length > 0) outcome = 'merged';
    else if (isNew && alone && bestReview.has(unit)) outcome = 'review';
    else if (isNew && firstRecordOfNew.get(customer.id) === record.key) outcome = 'created';
    else outcome = 'linked';
    const review = outcome === 'review' ? bestReview.get(unit)! : undefined;
    const partner = link ? (link.left === unit ? link.right : link.left) : undefined;
    return {
      recordKey: record.key,
      outcome,
      customerId: customer.id,
      score: link?.score ?? null,
      matchedRecordKey: partner === undefined ? undefined : firstRecordOf(partner),
      review: review ? { candidateRecordKey: firstRecordOf(review.left === unit ? review.right : review.left)!, score: review.score } : undefined,
      customerIds: [customer.id, ...customer.absorbed],
    };
  });
  return { decisions, merges, newCustomers, grownCustomers: [...grown].sort() };
}
