import { COMPARATORS, termOf } from '../compare/comparators';
import type { ComparisonResult, MatchModel, NormalisedRecord, PairScore } from '../resolution.types';

const MIN_U = 1e-8;

/**
 * A model compiled for scoring, once per model: each comparison's levels by rank (0 strongest)
 * and their weights log2(m/u), and the evidence groups and conflict rules by comparison index.
 * Resolution scores tens of thousands of pairs a chunk and keeps only a few of their explanations.
 */
interface CompiledModel {
  names: string[];
  comparators: Array<(a: NormalisedRecord, b: NormalisedRecord) => string | null>;
  rankOf: Array<Map<string, number>>;
  levelNames: string[][];
  m: number[][];
  weight: number[][];
  /** Per comparison: its term frequencies (counts) when an exact match is weighed by the name's frequency. */
  termCounts: Array<Record<string, number> | null>;
  termComparator: string[];
  exactRank: number[];
  /** The given-name comparison's position, or -1. */
  givenIndex: number;
  groups: Array<{ indices: number[]; maxWeight: number }>;
  rules: Array<{ name: string; levels: Array<[number, number]>; unless: Array<[number, number[]]>; weight: number }>;
}

const compiledModels = new WeakMap<MatchModel, CompiledModel>();
function compiledOf(model: MatchModel): CompiledModel {
  let compiled = compiledModels.get(model);
  if (compiled !== undefined) return compiled;
  const { settings, parameters, termFrequencies } = model;
  const names = Object.keys(settings.comparisons);
  const indexOf = new Map(names.map((name, index) => [name, index]));
  const levelNames = names.map((name) => settings.comparisons[name].levels.map((level) => level.name));
  const rankOf = levelNames.map((levels) => new Map(levels.map((level, rank) => [level, rank])));
  const rankIn = (index: number, level: string) => rankOf[index].get(level)!;
  compiled = {
    names,
    comparators: names.map((name) => COMPARATORS[settings.comparisons[name].comparator]),
    rankOf,
    levelNames,
    m: names.map((name, index) => levelNames[index].map((level) => parameters[name][level].m)),
    weight: names.map((name, index) => levelNames[index].map((level) => Math.log2(parameters[name][level].m / Math.max(parameters[name][level].u, MIN_U)))),
    termCounts: names.map((name) => (settings.comparisons[name].termFrequency && termFrequencies.total > 0 ? (termFrequencies.counts[name] ?? {}) : null)),
    termComparator: names.map((name) => settings.comparisons[name].comparator),
    exactRank: rankOf.map((ranks) => ranks.get('exact') ?? -1),
    givenIndex: names.findIndex((name) => settings.comparisons[name].comparator === 'givenName'),
    groups: settings.evidenceGroups.map((group) => ({ indices: names.map((_, index) => index).filter((index) => group.comparisons.includes(names[index])), maxWeight: group.maxWeight })),
    rules: (settings.conflictRules ?? []).map((rule) => ({
      name: rule.name,
      levels: Object.entries(rule.levels).map(([name, level]) => [indexOf.get(name)!, rankIn(indexOf.get(name)!, level)] as [number, number]),
      unless: Object.entries(rule.unless ?? {}).map(([name, levels]) => [indexOf.get(name)!, levels.map((level) => rankIn(indexOf.get(name)!, level))] as [number, number[]]),
      weight: rule.weight,
    })),
  };
  compiledModels.set(model, compiled);
  return compiled;
}

/** The rank of the level each comparison reaches for one pair of records (-1: a side has no value). */
function ranksOf(a: NormalisedRecord, b: NormalisedRecord, compiled: CompiledModel): number[] {
  const ranks: number[] = [];
  for (let i = 0; i < compiled.names.length; i++) {
    const level = compiled.comparators[i](a, b);
    ranks.push(level === null ? -1 : compiled.rankOf[i].get(level)!);
  }
  return ranks;
}

/**
 * The levels of record pairs already compared within one resolution: a cluster that grew is
 * scored again against clusters whose records it has met. Bounded: it starts over when full.
 */
export class PairLevels {
  private readonly rows = new Map<NormalisedRecord, Map<NormalisedRecord, number[]>>();
  private size = 0;
  private readonly compiled: CompiledModel;

  constructor(
    model: MatchModel,
    private readonly capacity = 500_000,
  ) {
    this.compiled = compiledOf(model);
  }

  of(a: NormalisedRecord, b: NormalisedRecord): number[] {
    let row = this.rows.get(a);
    if (row === undefined) this.rows.set(a, (row = new Map()));
    let ranks = row.get(b);
    if (ranks === undefined) {
      if (this.size >= this.capacity) {
        this.rows.clear();
        this.size = 0;
        this.rows.set(a, row);
        row.clear();
      }
      row.set(b, (ranks = ranksOf(a, b, this.compiled)));
      this.size++;
    }
    return ranks;
  }
}

/**
 * Fellegi–Sunter: prior plus one weight log2(m/u) per comparison at the level reached;
 * exact name matches use the name's frequency as u; correlated evidence is capped per group.
 * The list of comparisons is the explanation (a waterfall from the prior), built only when read:
 * most scores only decide.
 */
function weigh(ranks: number[], frequencies: number[], model: MatchModel, compiled: CompiledModel, type: NormalisedRecord['type']): PairScore {
  const count = compiled.names.length;
  const weights: number[] = [];
  for (let i = 0; i < count; i++) {
    const rank = ranks[i];
    weights.push(0);
    if (rank < 0) continue;
    let weight = compiled.weight[i][rank];
    const found = frequencies[i];
    if (found > 0 && rank === compiled.exactRank[i]) weight = Math.log2(compiled.m[i][rank] / Math.max(Math.max(found / model.termFrequencies.total, MIN_U), MIN_U));
    weights[i] = weight;
  }
  for (const group of compiled.groups) {
    let positive = 0;
    for (const i of group.indices) if (ranks[i] >= 0 && weights[i] > 0) positive += weights[i];
    if (positive > group.maxWeight) {
      // Scale the group's positive weights down so the explanation still adds up.
      const factor = group.maxWeight / positive;
      for (const i of group.indices) if (ranks[i] >= 0 && weights[i] > 0) weights[i] *= factor;
    }
  }
  const prior = model.settings.priorByType?.[type] ?? model.settings.prior;
  let total = Math.log2(prior / (1 - prior));
  for (let i = 0; i < count; i++) if (ranks[i] >= 0) total += weights[i];
  let held: CompiledModel['rules'] | null = null;
  for (const rule of compiled.rules) {
    if (!rule.levels.every(([i, rank]) => ranks[i] === rank) || rule.unless.some(([i, levels]) => ranks[i] >= 0 && levels.includes(ranks[i]))) continue;
    (held ??= []).push(rule);
    total += rule.weight;
  }
  return new WeighedScore(total, ranks, weights, held, compiled);
}

/** A score whose explanation (the list of comparisons) is built when first read. */
class WeighedScore implements PairScore {
  readonly probability: number;
  private explanation: ComparisonResult[] | undefined;

  constructor(
    readonly matchWeight: number,
    private readonly ranks: number[],
    private readonly weights: number[],
    private readonly held: CompiledModel['rules'] | null,
    private readonly compiled: CompiledModel,
  ) {
    this.probability = matchWeight > 60 ? 1 : matchWeight < -60 ? 0 : 2 ** matchWeight / (1 + 2 ** matchWeight);
  }

  get comparisons(): ComparisonResult[] {
    if (this.explanation === undefined) {
      const { ranks, weights, compiled } = this;
      const list: ComparisonResult[] = [];
      for (let i = 0; i < ranks.length; i++) if (ranks[i] >= 0) list.push({ name: compiled.names[i], level: compiled.levelNames[i][ranks[i]], weight: Math.round(weights[i] * 100) / 100 });
      for (const rule of this.held ?? []) list.push({ name: rule.name, level: 'conflict', weight: Math.round(rule.weight * 100) / 100 });
      this.explanation = list;
    }
    return this.explanation;
  }

  toJSON(): PairScore {
    return { matchWeight: this.matchWeight, probability: this.probability, comparisons: this.comparisons };
  }
}

export function scorePair(a: NormalisedRecord, b: NormalisedRecord, model: MatchModel): PairScore {
  if (a.type !== b.type) return { matchWeight: -Infinity, probability: 0, comparisons: [] };
  const compiled = compiledOf(model);
  const ranks = ranksOf(a, b, compiled);
  return weigh(ranks, ranks.map((rank, i) => (rank === compiled.exactRank[i] ? frequencyOf(compiled, i, a, b) : 0)), model, compiled, a.type);
}

/**
 * How often the value an exact match of comparison `i` agrees on occurs (0: no term frequency): the
 * commoner of the two records' values, so the weight is the same either way round and a match on
 * a name shared with a middle name is not weighed as if the rarer name matched.
 */
function frequencyOf(compiled: CompiledModel, i: number, a: NormalisedRecord, b: NormalisedRecord): number {
  const counts = compiled.termCounts[i];
  if (counts === null) return 0;
  const of = (record: NormalisedRecord) => {
    const term = termOf(compiled.termComparator[i], record);
    return (term === undefined ? undefined : counts[term]) ?? 0;
  };
  return Math.max(of(a), of(b));
}

/**
 * Entity-centric score: every record of one side against every record of the other, and for
 * each comparison the strongest level any pair reaches (an entity is what all its records
 * know). A level only rises as entities gain records, but a comparison that had no value on one
 * side can turn into a disagreement (an address agreeing with nothing), and given names written
 * out outrank initials, so a score can fall: why ingest re-resolves the customers it locks from
 * their records rather than adding to them (bench/results/order-in-memory.md).
 */
export function scoreEntities(left: NormalisedRecord[], right: NormalisedRecord[], model: MatchModel, pairLevels?: PairLevels): PairScore {
  const compiled = compiledOf(model);
  const { givenIndex } = compiled;
  const count = compiled.names.length;
  const bestRank: number[] = [];
  // For an exact best level weighed by term frequency: the commonest value among the pairs reaching it.
  const frequency: number[] = [];
  for (let i = 0; i < count; i++) {
    bestRank.push(-1);
    frequency.push(0);
  }
  // Given names written out in full on both sides outrank initials: "J." must not hide James ≠ John.
  let bestFullGiven = -1;
  let fullGivenFrequency = 0;
  let comparable = false;
  for (const a of left) {
    const fullA = (a.givenRaw[0]?.length ?? 0) > 1;
    for (const b of right) {
      if (a.type !== b.type) continue;
      comparable = true;
      const ranks = pairLevels ? pairLevels.of(a, b) : ranksOf(a, b, compiled);
      for (let i = 0; i < count; i++) {
        const rank = ranks[i];
        if (rank < 0) continue;
        const exact = rank === compiled.exactRank[i] && compiled.termCounts[i] !== null;
        if (bestRank[i] < 0 || rank < bestRank[i]) {
          bestRank[i] = rank;
          frequency[i] = exact ? frequencyOf(compiled, i, a, b) : 0;
        } else if (exact && rank === bestRank[i]) {
          frequency[i] = Math.max(frequency[i], frequencyOf(compiled, i, a, b));
        }
      }
      if (givenIndex >= 0 && fullA) {
        const rank = ranks[givenIndex];
        if (rank >= 0 && (b.givenRaw[0]?.length ?? 0) > 1 && (bestFullGiven < 0 || rank <= bestFullGiven)) {
          const exact = rank === compiled.exactRank[givenIndex] && compiled.termCounts[givenIndex] !== null;
          const found = exact ? frequencyOf(compiled, givenIndex, a, b) : 0;
          fullGivenFrequency = rank === bestFullGiven ? Math.max(fullGivenFrequency, found) : found;
          bestFullGiven = rank;
        }
      }
    }
  }
  if (!comparable) return { matchWeight: -Infinity, probability: 0, comparisons: [] };
  if (givenIndex >= 0 && bestFullGiven >= 0) {
    bestRank[givenIndex] = bestFullGiven;
    frequency[givenIndex] = fullGivenFrequency;
  }
  return weigh(bestRank, frequency, model, compiled, left[0].type);
}
