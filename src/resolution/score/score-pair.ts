import { COMPARATORS, termOf } from '../compare/comparators';
import type { ComparisonResult, MatchModel, NormalisedRecord, PairScore } from '../resolution.types';

const MIN_U = 1e-8;

/**
 * Fellegi–Sunter: prior plus one weight log2(m/u) per comparison at the level reached;
 * exact name matches use the name's frequency as u; correlated evidence is capped per group.
 * The list of comparisons is the explanation (a waterfall from the prior).
 */
export function scorePair(a: NormalisedRecord, b: NormalisedRecord, model: MatchModel): PairScore {
  const { settings, parameters, termFrequencies } = model;
  const prior = Math.log2(settings.prior / (1 - settings.prior));
  if (a.type !== b.type) return { matchWeight: -Infinity, probability: 0, comparisons: [] };
  const comparisons: ComparisonResult[] = [];
  let total = prior;
  for (const name in settings.comparisons) {
    const comparison = settings.comparisons[name];
    const level = COMPARATORS[comparison.comparator](a, b);
    if (level === null) continue;
    const { m, u } = parameters[name][level];
    let effectiveU = u;
    if (comparison.termFrequency && level === 'exact' && termFrequencies.total > 0) {
      const term = termOf(comparison.comparator, a);
      const count = term === undefined ? undefined : termFrequencies.counts[name]?.[term];
      if (count) effectiveU = Math.max(count / termFrequencies.total, MIN_U);
    }
    const weight = Math.log2(m / Math.max(effectiveU, MIN_U));
    comparisons.push({ name, level, weight });
  }
  for (const group of settings.evidenceGroups) {
    let positive = 0;
    for (const result of comparisons) if (group.comparisons.includes(result.name) && result.weight > 0) positive += result.weight;
    if (positive > group.maxWeight) {
      // Scale the group's positive weights down so the explanation still adds up.
      const factor = group.maxWeight / positive;
      for (const result of comparisons) if (group.comparisons.includes(result.name) && result.weight > 0) result.weight *= factor;
    }
  }
  for (const result of comparisons) total += result.weight;
  const probability = total > 60 ? 1 : total < -60 ? 0 : 2 ** total / (1 + 2 ** total);
  for (const result of comparisons) result.weight = Math.round(result.weight * 100) / 100;
  return { matchWeight: total, probability, comparisons };
}
