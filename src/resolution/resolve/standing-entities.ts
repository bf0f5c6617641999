import { decide } from '../score/decide';
import { PairLevels, scoreEntities } from '../score/score-pair';
import type { NormalisedRecord } from '../resolution.types';
import { BatchResolution, BatchResolutionInput, candidateKeysFrom, ExistingEntity, resolveBatch, smallestKey } from './resolve-batch';
import { UnionFind } from './union-find';

/**
 * Takes customers (a resolution's neighbours, see ResolutionPipeline) into a resolution made
 * without them (`first`, resolveBatch of `input` with no entities), only where they change it.
 * With them, a customer changes the answer through a link in the link band with a cluster it
 * shares a key with (one not in `input.genericKeys`), and until the first such link every cluster
 * is one the resolution without them formed too: so a customer that, as it stands, reaches the link band with a record or a
 * formed cluster of `first`, or is must-linked to a record of the batch or of another of them, is
 * admitted, and the part of the batch connected to the admitted customers (through shared keys and
 * must-links) is resolved again with their records, from scratch as the rebuild resolves them,
 * until no other customer links. (Taken whole, a customer met a record before the rebuild's first
 * links had formed the clusters it meets there: bench/results/order-in-memory.md.) The rest keeps
 * its first answer: resolution never joins units that share no key, so a connected part resolves
 * alone as it would among the rest. (Scores of the final clusters alone would not do: a cluster's
 * score can fall as it gains a record, a birth date that differs where one side had none.)
 */
export function admitStandingEntities(first: BatchResolution, input: BatchResolutionInput, standing: ExistingEntity[]): { resolution: BatchResolution; admitted: ExistingEntity[] } {
  const pairLevels = input.pairLevels ?? new PairLevels(input.model);
  const options = { ...input, pairLevels };
  const admitted: ExistingEntity[] = [];
  let remaining = standing;
  let resolution = first;
  let clusters = [...input.incoming.map((record) => [record]), ...first.formed];
  for (let round = 1; remaining.length > 0; round++) {
    const linking = entitiesLinkingWith(clusters, remaining, options);
    if (round === 1) for (const id of mustLinked(remaining, options)) linking.add(id);
    if (linking.size === 0) break;
    const taken = remaining.filter((entity) => linking.has(entity.customerId));
    admitted.push(...taken);
    remaining = remaining.filter((entity) => !linking.has(entity.customerId));
    // A customer taken in is resolved from its records with the part, as the rebuild resolves
    // them: taken whole, it could meet a record before the rebuild's own first links had formed
    // the clusters it meets there (bench/results/order-in-memory.md).
    const part = [...connectedPart(admitted, options), ...admitted.flatMap((entity) => entity.records)];
    const again = resolveBatch({ ...options, incoming: part, entities: [] });
    resolution = replacePart(resolution, again, new Set(part.map((record) => record.key)), `new:${round}.`);
    // The batch's records alone were scored against every remaining customer in the first round.
    clusters = [...taken.flatMap((entity) => entity.records.map((record) => [record])), ...again.formed];
  }
  return { resolution, admitted };
}

/** The customers reaching the link band with one of the clusters they share a non-generic key with. */
function entitiesLinkingWith(clusters: NormalisedRecord[][], entities: ExistingEntity[], input: BatchResolutionInput & { pairLevels: PairLevels }): Set<string> {
  const { model } = input;
  const entitiesByKey = new Map<string, Set<ExistingEntity>>();
  const labelOf = new Map(entities.map((entity) => [entity, smallestKey(entity.records)]));
  for (const entity of entities) {
    for (const record of entity.records) {
      for (const key of candidateKeysFrom(input, record)) {
        let holders = entitiesByKey.get(key);
        if (!holders) entitiesByKey.set(key, (holders = new Set()));
        holders.add(entity);
      }
    }
  }
  // The customers each record meets, looked up once: a record is in its own cluster and every larger one formed from it.
  const metByRecord = new Map<NormalisedRecord, ExistingEntity[]>();
  const meets = (record: NormalisedRecord) => {
    let met = metByRecord.get(record);
    if (met === undefined) {
      const found = new Set<ExistingEntity>();
      for (const key of candidateKeysFrom(input, record)) for (const entity of entitiesByKey.get(key) ?? []) found.add(entity);
      metByRecord.set(record, (met = [...found]));
    }
    return met;
  };
  const linking = new Set<string>();
  for (const records of clusters) {
    const met = new Set<ExistingEntity>();
    for (const record of records) for (const entity of meets(record)) if (!linking.has(entity.customerId)) met.add(entity);
    if (met.size === 0) continue;
    const label = smallestKey(records);
    for (const entity of met) {
      // In the order resolveBatch scores them (the side with the smaller record key first), so the score is the very one it would compute.
      const [left, right] = label < labelOf.get(entity)! ? [records, entity.records] : [entity.records, records];
      if (decide(scoreEntities(left, right, model, input.pairLevels).probability, model) === 'link') linking.add(entity.customerId);
    }
  }
  return linking;
}

/** The customers with a record must-linked to a record of the batch or of another of them: resolveBatch joins those before any score. */
function mustLinked(entities: ExistingEntity[], input: BatchResolutionInput): Set<string> {
  const entityOfRecord = new Map(entities.flatMap((entity) => entity.records.map((record) => [record.key, entity.customerId] as const)));
  const incoming = new Set(input.incoming.map((record) => record.key));
  const linked = new Set<string>();
  for (const [a, b] of input.mustLink ?? []) {
    const [ofA, ofB] = [entityOfRecord.get(a), entityOfRecord.get(b)];
    if (ofA !== undefined && (incoming.has(b) || (ofB !== undefined && ofB !== ofA))) linked.add(ofA);
    if (ofB !== undefined && (incoming.has(a) || (ofA !== undefined && ofA !== ofB))) linked.add(ofB);
  }
  return linked;
}

/** The incoming records connected to the admitted customers through shared blocking keys and must-links. */
function connectedPart(admitted: ExistingEntity[], input: BatchResolutionInput): NormalisedRecord[] {
  const sets = new UnionFind();
  const holderOfKey = new Map<string, string>();
  const join = (unit: string, record: NormalisedRecord) => {
    for (const key of candidateKeysFrom(input, record)) {
      const holder = holderOfKey.get(key);
      if (holder === undefined) holderOfKey.set(key, unit);
      else sets.union(holder, unit);
    }
  };
  const unitOfRecord = new Map<string, string>();
  for (const entity of admitted) {
    const unit = `E:${entity.customerId}`;
    sets.add(unit);
    for (const record of entity.records) {
      unitOfRecord.set(record.key, unit);
      join(unit, record);
    }
  }
  for (const record of input.incoming) {
    const unit = `R:${record.key}`;
    sets.add(unit);
    unitOfRecord.set(record.key, unit);
    join(unit, record);
  }
  for (const [a, b] of input.mustLink ?? []) if (unitOfRecord.has(a) && unitOfRecord.has(b)) sets.union(unitOfRecord.get(a)!, unitOfRecord.get(b)!);
  const roots = new Set(admitted.map((entity) => sets.find(`E:${entity.customerId}`)));
  return input.incoming.filter((record) => roots.has(sets.find(`R:${record.key}`)));
}

/**
 * A resolution with the decisions of the records in `part` taken from `again`, whose new customers
 * get temporary ids of their own; the records of customers taken in get decisions too.
 */
function replacePart(resolution: BatchResolution, again: BatchResolution, part: Set<string>, prefix: string): BatchResolution {
  const relabel = (id: string) => (id.startsWith('new:') ? prefix + id.slice(4) : id);
  const decisionOf = new Map(again.decisions.map((decision) => [decision.recordKey, { ...decision, customerId: relabel(decision.customerId), customerIds: decision.customerIds.map(relabel) }]));
  const decided = new Set(resolution.decisions.map((decision) => decision.recordKey));
  return {
    decisions: [...resolution.decisions.map((decision) => decisionOf.get(decision.recordKey) ?? decision), ...[...decisionOf.values()].filter((decision) => !decided.has(decision.recordKey))],
    // Every merge involves an admitted customer, and all of them are in the part.
    merges: again.merges,
    newCustomers: [
      ...resolution.newCustomers.filter((customer) => !part.has(customer.recordKeys[0])),
      ...again.newCustomers.map((customer) => ({ ...customer, tempId: relabel(customer.tempId) })),
    ],
    grownCustomers: again.grownCustomers,
    formed: [...resolution.formed, ...again.formed],
  };
}
