import { blockingKeysFor } from '../block/blocking-keys';
import { decide } from '../score/decide';
import { PairLevels, scoreEntities } from '../score/score-pair';
import type { MatchModel, NormalisedRecord, PairScore } from '../resolution.types';
import { UnionFind } from './union-find';

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
  /** Keys the graph already knows to be generic (shared by too many records). */
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
  left: string;
  right: string;
  score: PairScore;
}

const entityUnit = (customerId: string) => `E:${customerId}`;
const recordUnit = (key: string) => `R:${key}`;
const MAX_ROUNDS = 20;

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

  const sets = new UnionFind();
  const members = new Map<string, NormalisedRecord[]>();
  const keysOf = new Map<string, string[]>();
  const unitOfRecord = new Map<string, string>();
  const createdAt = new Map<string, string>();
  const firstRecordOfUnit = new Map<string, string>();
  // Each cluster's smallest record key orders it (see candidateLinks); a merge keeps the smaller.
  const labelOfRoot = new Map<string, string>();
  const addUnit = (unit: string, records: NormalisedRecord[]) => {
    sets.add(unit);
    labelOfRoot.set(unit, records.reduce((least, record) => (least === '' || record.key < least ? record.key : least), ''));
    if (records.length > 0) firstRecordOfUnit.set(unit, [...records].sort((a, b) => a.key.localeCompare(b.key))[0].key);
    members.set(unit, records);
    for (const record of records) {
      unitOfRecord.set(record.key, unit);
      keysOf.set(record.key, keysFrom(input.blockingKeys, record, settings).filter((key) => !input.genericKeys?.has(key)));
    }
  };
  for (const entity of entities) {
    addUnit(entityUnit(entity.customerId), entity.records);
    createdAt.set(entityUnit(entity.customerId), entity.createdAt);
  }
  for (const record of incoming) addUnit(recordUnit(record.key), [record]);

  // Blocking index: key → units holding it. Generic keys (too many units) yield no candidates.
  const unitsByKey = new Map<string, Set<string>>();
  for (const [unit, records] of members) {
    for (const record of records) {
      for (const key of keysOf.get(record.key)!) {
        let units = unitsByKey.get(key);
        if (!units) unitsByKey.set(key, (units = new Set()));
        units.add(unit);
      }
    }
  }

  // Each record's non-generic keys as the sets of units holding them, looked up once: changed
  // clusters gather their candidates through them round after round.
  const holdersOf = new Map<NormalisedRecord, Array<Set<string>>>();
  for (const records of members.values()) {
    for (const record of records) {
      holdersOf.set(record, keysOf.get(record.key)!.map((key) => unitsByKey.get(key)!).filter((units) => units.size <= settings.genericCutoff));
    }
  }

  const forbidden = (input.cannotLink ?? []).filter(([a, b]) => unitOfRecord.has(a) && unitOfRecord.has(b));
  const breaksConstraint = (rootA: string, rootB: string) =>
    forbidden.some(([x, y]) => {
      const [rx, ry] = [sets.find(unitOfRecord.get(x)!), sets.find(unitOfRecord.get(y)!)];
      return (rx === rootA && ry === rootB) || (rx === rootB && ry === rootA);
    });
  const formed: NormalisedRecord[][] = [];
  const merge = (rootA: string, rootB: string) => {
    const root = sets.union(rootA, rootB);
    const other = root === rootA ? rootB : rootA;
    const joined = [...members.get(root)!, ...members.get(other)!];
    members.set(root, joined);
    formed.push(joined);
    members.delete(other);
    const [x, y] = [labelOfRoot.get(root)!, labelOfRoot.get(other)!];
    labelOfRoot.set(root, x === '' || (y !== '' && y < x) ? y : x);
    labelOfRoot.delete(other);
    return root;
  };
  for (const [a, b] of input.mustLink ?? []) {
    const [unitA, unitB] = [unitOfRecord.get(a), unitOfRecord.get(b)];
    if (unitA && unitB && sets.find(unitA) !== sets.find(unitB)) merge(sets.find(unitA), sets.find(unitB));
  }

  const pairLevels = input.pairLevels ?? new PairLevels(model);
  const joinedBy = new Map<string, Link>();
  const bestReview = new Map<string, Link>();
  let changed = new Set(incoming.map((record) => sets.find(recordUnit(record.key))));
  for (let round = 0; round < MAX_ROUNDS && changed.size > 0; round++) {
    const links = candidateLinks(changed, members, labelOfRoot, holdersOf, sets, settings.maxCandidates, model, pairLevels);
    changed = new Set();
    // Clusters that grew this round: their links were scored with fewer records than they now hold.
    const grown = new Set<string>();
    for (const link of links) {
      const band = decide(link.score.probability, model);
      if (band === 'review') {
        for (const side of [link.left, link.right]) {
          if (side.startsWith('R:') && (members.get(side)?.length ?? 0) === 1 && !bestReview.has(side)) bestReview.set(side, link);
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
      for (const side of [link.left, link.right]) if (side.startsWith('R:')) joinedBy.set(side, link);
      const root = merge(rootA, rootB);
      grown.add(root);
      changed.add(root);
    }
    for (const root of [...changed]) if (sets.find(root) !== root) changed.delete(root);
  }
  return { ...describePartition(incoming, sets, createdAt, joinedBy, bestReview, firstRecordOfUnit), formed };
}

/** Scores every changed cluster against every cluster it shares a key with, strongest first. */
function candidateLinks(
  changed: Set<string>,
  members: Map<string, NormalisedRecord[]>,
  labelOfRoot: Map<string, string>,
  holdersOf: Map<NormalisedRecord, Array<Set<string>>>,
  sets: UnionFind,
  maxCandidates: number,
  model: MatchModel,
  pairLevels: PairLevels,
): Link[] {
  // Clusters are ordered by their smallest record key, not by customer id: ids are random, and
  // the order decides which candidates a cap keeps and which of two equal links applies first.
  const byLabel = (a: string, b: string) => {
    const x = labelOfRoot.get(a)!;
    const y = labelOfRoot.get(b)!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Pairs scored this round, by their left cluster.
  const seen = new Map<string, Set<string>>();
  const links: Link[] = [];
  for (const root of [...changed].sort(byLabel)) {
    const candidates = new Set<string>();
    for (const record of members.get(root) ?? []) {
      for (const units of holdersOf.get(record)!) {
        for (const unit of units) {
          const other = sets.find(unit);
          if (other !== root) candidates.add(other);
        }
      }
    }
    // Only a cap needs the candidates in order: the links are sorted below.
    const kept = candidates.size > maxCandidates ? [...candidates].sort(byLabel).slice(0, maxCandidates) : candidates;
    for (const other of kept) {
      const [left, right] = byLabel(root, other) < 0 ? [root, other] : [other, root];
      let scored = seen.get(left);
      if (scored === undefined) seen.set(left, (scored = new Set()));
      if (scored.has(right)) continue;
      scored.add(right);
      links.push({ left, right, score: scoreEntities(members.get(left)!, members.get(right)!, model, pairLevels) });
    }
  }
  return links.sort((a, b) => b.score.matchWeight - a.score.matchWeight || byLabel(a.left, b.left) || byLabel(a.right, b.right));
}

function describePartition(
  incoming: NormalisedRecord[],
  sets: UnionFind,
  createdAt: Map<string, string>,
  joinedBy: Map<string, Link>,
  bestReview: Map<string, Link>,
  firstRecordOfUnit: Map<string, string>,
): Omit<BatchResolution, 'formed'> {
  const groups = sets.groups();
  const merges: BatchResolution['merges'] = [];
  const newCustomers: BatchResolution['newCustomers'] = [];
  const grown = new Set<string>();
  let nextTemp = 0;
  const customerOfRoot = new Map<string, { id: string; absorbed: string[] }>();

  for (const [root, units] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const existing = units.filter((unit) => unit.startsWith('E:'));
    const records = units.filter((unit) => unit.startsWith('R:')).map((unit) => unit.slice(2)).sort();
    if (existing.length === 0) {
      if (records.length === 0) continue;
      const tempId = `new:${nextTemp++}`;
      newCustomers.push({ tempId, recordKeys: records });
      customerOfRoot.set(root, { id: tempId, absorbed: [] });
      continue;
    }
    // The oldest customer keeps its id (ties: the smaller id) so ids are stable.
    const ordered = existing.sort((a, b) => Date.parse(createdAt.get(a)!) - Date.parse(createdAt.get(b)!) || a.localeCompare(b)).map((unit) => unit.slice(2));
    const [survivor, ...absorbed] = ordered;
    for (const id of absorbed) merges.push({ survivor, absorbed: id });
    if (absorbed.length > 0 || records.length > 0) grown.add(survivor);
    customerOfRoot.set(root, { id: survivor, absorbed });
  }

  const firstRecordOfNew = new Map(newCustomers.map((customer) => [customer.tempId, customer.recordKeys[0]]));
  const decisions: RecordDecision[] = incoming.map((record) => {
    const unit = recordUnit(record.key);
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
      matchedRecordKey: partner ? firstRecordOfUnit.get(partner) : undefined,
      review: review ? { candidateRecordKey: firstRecordOfUnit.get(review.left === unit ? review.right : review.left)!, score: review.score } : undefined,
      customerIds: [customer.id, ...customer.absorbed],
    };
  });
  return { decisions, merges, newCustomers, grownCustomers: [...grown].sort() };
}
