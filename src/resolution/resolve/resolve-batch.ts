import { blockingKeysFor } from '../block/blocking-keys';
import { decide } from '../score/decide';
import { scorePair } from '../score/score-pair';
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
}

export type RecordOutcome = 'created' | 'linked' | 'merged' | 'review';

export interface RecordDecision {
  recordKey: string;
  outcome: RecordOutcome;
  /** The existing customer the record ends on, or the temporary id of a new one (`new:<n>`). */
  customerId: string;
  /** Best score that put the record where it is (null for a new customer with no match). */
  score: PairScore | null;
  /** The record it matched best, when it linked or merged. */
  matchedRecordKey?: string;
  /** For a review: the best candidate below the link band. */
  review?: { candidateRecordKey: string; candidateCustomerId: string; score: PairScore };
  /** Customers involved: the one it ends on and any absorbed. */
  customerIds: string[];
}

export interface BatchResolution {
  decisions: RecordDecision[];
  /** Existing customers absorbed into a survivor. */
  merges: Array<{ survivor: string; absorbed: string }>;
  /** New customers to create: temporary id → records. */
  newCustomers: Array<{ tempId: string; recordKeys: string[] }>;
}

interface Edge {
  left: string;
  right: string;
  score: PairScore;
  leftRecord: string;
  rightRecord: string;
}

const entityUnit = (customerId: string) => `E:${customerId}`;
const recordUnit = (key: string) => `R:${key}`;

/**
 * Resolves a batch of records against the candidate customers and against each other.
 * Units are existing customers (whole) and incoming records; blocked pairs are scored
 * entity-centrically (a record against every record of a customer, best pair wins); links
 * are applied strongest first, refusing any that would join a cannot-link pair. The result
 * is a partition that does not depend on the order of the records in the batch.
 */
export function resolveBatch(input: BatchResolutionInput): BatchResolution {
  const { model } = input;
  const settings = model.settings;
  const incoming = [...input.incoming].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const entities = [...input.entities].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));

  const unitOfRecord = new Map<string, string>();
  const recordsOfUnit = new Map<string, NormalisedRecord[]>();
  const createdAt = new Map<string, string>();
  for (const entity of entities) {
    const unit = entityUnit(entity.customerId);
    recordsOfUnit.set(unit, entity.records);
    createdAt.set(unit, entity.createdAt);
    for (const record of entity.records) unitOfRecord.set(record.key, unit);
  }
  for (const record of incoming) {
    const unit = recordUnit(record.key);
    recordsOfUnit.set(unit, [record]);
    unitOfRecord.set(record.key, unit);
  }

  // Blocking index over every unit; a key shared by too many units is generic here too.
  const unitsByKey = new Map<string, Set<string>>();
  for (const [unit, records] of recordsOfUnit) {
    for (const record of records) {
      for (const key of blockingKeysFor(record, settings)) {
        if (input.genericKeys?.has(key)) continue;
        let units = unitsByKey.get(key);
        if (!units) unitsByKey.set(key, (units = new Set()));
        units.add(unit);
      }
    }
  }
  const cutoff = settings.genericCutoff;

  // Score each incoming record against every unit it shares a non-generic key with.
  const edges: Edge[] = [];
  for (const record of incoming) {
    const self = recordUnit(record.key);
    const candidates = new Set<string>();
    for (const key of blockingKeysFor(record, settings)) {
      const units = unitsByKey.get(key);
      if (!units || units.size > cutoff) continue;
      for (const unit of units) if (unit !== self) candidates.add(unit);
    }
    for (const unit of [...candidates].sort().slice(0, settings.maxCandidates)) {
      // Incoming-incoming pairs are scored once, from the smaller key.
      if (unit.startsWith('R:') && unit.slice(2) < record.key) continue;
      let best: { score: PairScore; recordKey: string } | undefined;
      for (const other of recordsOfUnit.get(unit)!) {
        const score = scorePair(record, other, model);
        if (!best || score.matchWeight > best.score.matchWeight || (score.matchWeight === best.score.matchWeight && other.key < best.recordKey)) {
          best = { score, recordKey: other.key };
        }
      }
      if (best) edges.push({ left: self, right: unit, score: best.score, leftRecord: record.key, rightRecord: best.recordKey });
    }
  }
  edges.sort((a, b) => b.score.matchWeight - a.score.matchWeight || a.left.localeCompare(b.left) || a.right.localeCompare(b.right));

  const sets = new UnionFind();
  for (const unit of recordsOfUnit.keys()) sets.add(unit);
  const forbidden = (input.cannotLink ?? []).filter(([a, b]) => unitOfRecord.has(a) && unitOfRecord.has(b));
  const wouldBreakConstraint = (a: string, b: string) => {
    const [rootA, rootB] = [sets.find(a), sets.find(b)];
    return forbidden.some(([x, y]) => {
      const [rx, ry] = [sets.find(unitOfRecord.get(x)!), sets.find(unitOfRecord.get(y)!)];
      return (rx === rootA && ry === rootB) || (rx === rootB && ry === rootA);
    });
  };
  for (const [a, b] of input.mustLink ?? []) {
    const [unitA, unitB] = [unitOfRecord.get(a), unitOfRecord.get(b)];
    if (unitA && unitB) sets.union(unitA, unitB);
  }
  const linkedBy = new Map<string, Edge>();
  const reviewOf = new Map<string, Edge>();
  for (const edge of edges) {
    const band = decide(edge.score.probability, model);
    if (band === 'link') {
      if (sets.find(edge.left) === sets.find(edge.right) || !wouldBreakConstraint(edge.left, edge.right)) {
        sets.union(edge.left, edge.right);
        if (!linkedBy.has(edge.leftRecord)) linkedBy.set(edge.leftRecord, edge);
        if (edge.right.startsWith('R:') && !linkedBy.has(edge.rightRecord)) linkedBy.set(edge.rightRecord, edge);
      }
    } else if (band === 'review' && !reviewOf.has(edge.leftRecord)) {
      reviewOf.set(edge.leftRecord, edge);
    }
  }

  return describePartition(incoming, sets, createdAt, linkedBy, reviewOf);
}

function describePartition(
  incoming: NormalisedRecord[],
  sets: UnionFind,
  createdAt: Map<string, string>,
  linkedBy: Map<string, Edge>,
  reviewOf: Map<string, Edge>,
): BatchResolution {
  const groups = sets.groups();
  const decisions: RecordDecision[] = [];
  const merges: BatchResolution['merges'] = [];
  const newCustomers: BatchResolution['newCustomers'] = [];
  let nextTemp = 0;
  const customerOfRoot = new Map<string, { id: string; absorbed: string[] }>();

  for (const [root, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const existing = members.filter((unit) => unit.startsWith('E:'));
    const records = members.filter((unit) => unit.startsWith('R:')).map((unit) => unit.slice(2)).sort();
    if (records.length === 0) continue;
    if (existing.length === 0) {
      const tempId = `new:${nextTemp++}`;
      newCustomers.push({ tempId, recordKeys: records });
      customerOfRoot.set(root, { id: tempId, absorbed: [] });
      continue;
    }
    // The oldest customer keeps its id (ties: the smaller id) so ids are stable.
    const ordered = existing.sort((a, b) => createdAt.get(a)!.localeCompare(createdAt.get(b)!) || a.localeCompare(b)).map((unit) => unit.slice(2));
    const [survivor, ...absorbed] = ordered;
    for (const id of absorbed) merges.push({ survivor, absorbed: id });
    customerOfRoot.set(root, { id: survivor, absorbed });
  }

  for (const record of incoming) {
    const root = sets.find(recordUnit(record.key));
    const customer = customerOfRoot.get(root)!;
    const members = groups.get(root)!;
    const link = linkedBy.get(record.key);
    const isNew = customer.id.startsWith('new:');
    const firstOfNew = isNew && newCustomers.find((c) => c.tempId === customer.id)!.recordKeys[0] === record.key;
    let outcome: RecordOutcome;
    if (customer.absorbed.length > 0) outcome = 'merged';
    else if (isNew && firstOfNew && members.length === 1 && reviewOf.has(record.key)) outcome = 'review';
    else if (isNew && firstOfNew) outcome = 'created';
    else outcome = 'linked';
    const review = outcome === 'review' ? reviewOf.get(record.key)! : undefined;
    decisions.push({
      recordKey: record.key,
      outcome,
      customerId: customer.id,
      score: link?.score ?? null,
      matchedRecordKey: link ? (link.leftRecord === record.key ? link.rightRecord : link.leftRecord) : undefined,
      review: review
        ? { candidateRecordKey: review.rightRecord, candidateCustomerId: review.right.startsWith('E:') ? review.right.slice(2) : review.right, score: review.score }
        : undefined,
      customerIds: [customer.id, ...customer.absorbed],
    });
  }
  return { decisions, merges, newCustomers };
}
