import { COMPARATORS, termOf } from '../compare/comparators';
import type { ComparisonResult, MatchModel, NormalisedRecord, PairScore } from '../resolution.types';

const MIN_U = 1e-8;

/** The level each comparison reaches for one pair of records (null: a side has no value). */
function levelsOf(a: NormalisedRecord, b: NormalisedRecord, model: MatchModel): Array<string | null> {
  const levels: Array<string | null> = [];
  for (const name in model.settings.comparisons) levels.push(COMPARATORS[model.settings.comparisons[name].comparator](a, b));
  return levels;
}

/**
 * The levels of record pairs already compared within one resolution: a cluster that grew is
 * scored again against clusters whose records it has met. Bounded: it starts over when full.
 */
export class PairLevels {
  private readonly rows = new Map<NormalisedRecord, Map<NormalisedRecord, Array<string | null>>>();
  private size = 0;

  constructor(
    private readonly model: MatchModel,
    private readonly capacity = 500_000,
  ) {}

  of(a: NormalisedRecord, b: NormalisedRecord): Array<string | null> {
    let row = this.rows.get(a);
    if (row === undefined) this.rows.set(a, (row = new Map()));
    let levels = row.get(b);
    if (levels === undefined) {
      if (this.size >= this.capacity) {
        this.rows.clear();
        this.size = 0;
        this.rows.set(a, row);
        row.clear();
      }
      row.set(b, (levels = levelsOf(a, b, this.model)));
      this.size++;
    }
    return levels;
  }
}

/**
 * Fellegi–Sunter: prior plus one weight log2(m/u) per comparison at the level reached;
 * exact name matches use the name's frequency as u; correlated evidence is capped per group.
 * The list of comparisons is the explanation (a waterfall from the prior).
 */
function weigh(levels: Array<string | null>, terms: Array<NormalisedRecord | null>, model: MatchModel, type: NormalisedRecord['type']): PairScore {
  const { settings, parameters, termFrequencies } = model;
  const comparisons: ComparisonResult[] = [];
  let index = 0;
  for (const name in settings.comparisons) {
    const level = levels[index];
    const source = terms[index];
    index++;
    if (level === null) continue;
    const comparison = settings.comparisons[name];
    const { m, u } = parameters[name][level];
    let effectiveU = u;
    if (comparison.termFrequency && level === 'exact' && termFrequencies.total > 0 && source) {
      const term = termOf(comparison.comparator, source);
      const count = term === undefined ? undefined : termFrequencies.counts[name]?.[term];
      if (count) effectiveU = Math.max(count / termFrequencies.total, MIN_U);
    }
    comparisons.push({ name, level, weight: Math.log2(m / Math.max(effectiveU, MIN_U)) });
  }
  for (const group of settings.evidenceGroups) {
    let positive = 0;
    for (const result of comparisons) if (result.weight > 0 && group.comparisons.includes(result.name)) positive += result.weight;
    if (positive > group.maxWeight) {
      // Scale the group's positive weights down so the explanation still adds up.
      const factor = group.maxWeight / positive;
      for (const result of comparisons) if (result.weight > 0 && group.comparisons.includes(result.name)) result.weight *= factor;
    }
  }
  for (const rule of settings.conflictRules ?? []) {
    const reaches = (name: string, levels: string | string[]) => comparisons.some((result) => result.name === name && (typeof levels === 'string' ? result.level === levels : levels.includes(result.level)));
    const holds = Object.entries(rule.levels).every(([name, level]) => reaches(name, level)) && !Object.entries(rule.unless ?? {}).some(([name, levels]) => reaches(name, levels));
    if (holds) comparisons.push({ name: rule.name, level: 'conflict', weight: rule.weight });
  }
  const prior = settings.priorByType?.[type] ?? settings.prior;
  let total = Math.log2(prior / (1 - prior));
  for (const result of comparisons) total += result.weight;
  for (const result of comparisons) result.weight = Math.round(result.weight * 100) / 100;
  const probability = total > 60 ? 1 : total < -60 ? 0 : 2 ** total / (1 + 2 ** total);
  return { matchWeight: total, probability, comparisons };
}

export function scorePair(a: NormalisedRecord, b: NormalisedRecord, model: MatchModel): PairScore {
  if (a.type !== b.type) return { matchWeight: -Infinity, probability: 0, comparisons: [] };
  const levels = levelsOf(a, b, model);
  return weigh(levels, levels.map(() => a), model, a.type);
}

/** Each comparison's levels by rank (0 strongest). */
interface LevelRanks {
  names: string[];
  rank: Array<Map<string, number>>;
  /** The given-name comparison's position, or -1. */
  givenIndex: number;
}
/** Built once per model: scoreEntities runs for every pair of clusters a resolution compares. */
const levelRanks = new WeakMap<MatchModel, LevelRanks>();
function levelRanksOf(model: MatchModel): LevelRanks {
  let ranks = levelRanks.get(model);
  if (ranks === undefined) {
    const names = Object.keys(model.settings.comparisons);
    ranks = {
      names,
      rank: names.map((name) => new Map(model.settings.comparisons[name].levels.map((level, index) => [level.name, index]))),
      givenIndex: names.findIndex((name) => model.settings.comparisons[name].comparator === 'givenName'),
    };
    levelRanks.set(model, ranks);
  }
  return ranks;
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
  const { names, rank, givenIndex } = levelRanksOf(model);
  const best: Array<string | null> = names.map(() => null);
  const bestRank: number[] = names.map(() => Infinity);
  const source: Array<NormalisedRecord | null> = names.map(() => null);
  // Given names written out in full on both sides outrank initials: "J." must not hide James ≠ John.
  let bestFullGivenRank = Infinity;
  let bestFullGiven: string | null = null;
  let comparable = false;
  for (const a of left) {
    for (const b of right) {
      if (a.type !== b.type) continue;
      comparable = true;
      const levels = pairLevels ? pairLevels.of(a, b) : levelsOf(a, b, model);
      for (let i = 0; i < names.length; i++) {
        const level = levels[i];
        if (level === null) continue;
        const r = rank[i].get(level)!;
        if (r < bestRank[i]) {
          bestRank[i] = r;
          best[i] = level;
          source[i] = a;
        }
        if (i === givenIndex && (a.givenRaw[0]?.length ?? 0) > 1 && (b.givenRaw[0]?.length ?? 0) > 1 && r < bestFullGivenRank) {
          bestFullGivenRank = r;
          bestFullGiven = level;
        }
      }
    }
  }
  if (!comparable) return { matchWeight: -Infinity, probability: 0, comparisons: [] };
  if (givenIndex >= 0 && bestFullGiven !== null) best[givenIndex] = bestFullGiven;
  return weigh(best, source, model, left[0].type);
}
