import type { NormalisedRecord } from '../resolution.types';
import { type ComparisonSpace, levelVector, NULL_LEVEL } from './comparison-space';

export interface UEstimate {
  /** Per comparison, per level: probability of the level among pairs that are not matches. */
  u: number[][];
  pairs: number;
  /** Random pairs left out because the settings weights already link them. */
  matchesLeftOut: number;
}

/**
 * u from pairs drawn at random: almost all random pairs are different entities, so how often
 * each level occurs among them is the u probability. A level never seen in n pairs gets at
 * most 1/n (the settings value when it is smaller), never zero. In a small or duplicate-heavy
 * load the true matches among random pairs are no longer rare and would pass their agreement
 * off as chance (a shared national id read as 1 in 10,000), so a pair that the settings
 * weights (`prior`, `priorM`) put at or above `linkWeight` is left out.
 */
export function estimateU(
  records: NormalisedRecord[],
  spaces: ComparisonSpace[],
  random: () => number,
  maxPairs: number,
  prior: number[][],
  unknown: Set<string>,
  linkFilter: { priorM: number[][]; linkWeight: number },
): UEstimate {
  // The plain sum of settings weights (no group caps or conflict rules): enough to tell a sure match.
  const settingsWeight = linkFilter.priorM.map((levels, c) => levels.map((m, l) => Math.log2(m / prior[c][l])));
  const counts = spaces.map((space) => new Float64Array(space.levels.length));
  const observed = new Float64Array(spaces.length);
  const levels = new Int8Array(spaces.length);
  const n = records.length;
  let pairs = 0;
  let matchesLeftOut = 0;
  for (let attempt = 0; n > 1 && pairs < maxPairs && attempt < maxPairs * 4; attempt++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    if (records[i].type !== records[j].type) continue;
    levelVector(records[i], records[j], spaces, levels, unknown);
    let weight = 0;
    for (let c = 0; c < spaces.length; c++) if (levels[c] !== NULL_LEVEL) weight += settingsWeight[c][levels[c]];
    if (weight >= linkFilter.linkWeight) {
      matchesLeftOut++;
      continue;
    }
    pairs++;
    for (let c = 0; c < spaces.length; c++) {
      if (levels[c] === NULL_LEVEL) continue;
      counts[c][levels[c]]++;
      observed[c]++;
    }
  }
  const u = spaces.map((space, c) =>
    space.levels.map((_, level) => {
      if (observed[c] === 0) return prior[c][level];
      const count = counts[c][level];
      return count > 0 ? count / observed[c] : Math.min(prior[c][level], 1 / observed[c]);
    }),
  );
  return { u, pairs, matchesLeftOut };
}
