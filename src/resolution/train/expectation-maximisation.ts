/** Pairs summarised by the levels they reach: one row per distinct combination, with a count. */
export interface PatternTable {
  /** Levels per comparison for each pattern (-1: null, the comparison says nothing). */
  patterns: Int8Array[];
  counts: number[];
}

export interface EmStart {
  /** Share of matches among the pairs. */
  lambda: number;
  /** Per comparison, per level. */
  m: number[][];
}

export interface EmResult extends EmStart {
  iterations: number;
  converged: boolean;
}

const MIN_M = 1e-6;

/**
 * Fellegi–Sunter EM with u held fixed (it comes from random pairs): the E step gives each
 * pattern its probability of being a match, the M step re-reads m and lambda from those
 * probabilities. Pinned levels keep their m; the other levels share what is left.
 */
export function expectationMaximisation(
  table: PatternTable,
  start: EmStart,
  u: number[][],
  pinned: boolean[][],
  options: { maxIterations: number; tolerance: number },
): EmResult {
  let { lambda } = start;
  let m = start.m.map((levels) => [...levels]);
  const comparisons = m.length;
  let iterations = 0;
  let converged = false;
  while (iterations < options.maxIterations && !converged) {
    iterations++;
    const matched = m.map((levels) => new Float64Array(levels.length));
    let matchTotal = 0;
    let total = 0;
    for (let p = 0; p < table.patterns.length; p++) {
      const pattern = table.patterns[p];
      let logRatio = Math.log(lambda / (1 - lambda));
      for (let c = 0; c < comparisons; c++) {
        const level = pattern[c];
        if (level >= 0) logRatio += Math.log(m[c][level] / u[c][level]);
      }
      const probability = logRatio > 700 ? 1 : 1 / (1 + Math.exp(-logRatio));
      const weight = probability * table.counts[p];
      matchTotal += weight;
      total += table.counts[p];
      for (let c = 0; c < comparisons; c++) if (pattern[c] >= 0) matched[c][pattern[c]] += weight;
    }
    const next = m.map((levels, c) => renormalised(levels, matched[c], pinned[c]));
    const nextLambda = Math.min(Math.max(matchTotal / total, 1e-9), 1 - 1e-9);
    let change = Math.abs(nextLambda - lambda);
    for (let c = 0; c < comparisons; c++) for (let l = 0; l < m[c].length; l++) change = Math.max(change, Math.abs(next[c][l] - m[c][l]));
    m = next;
    lambda = nextLambda;
    converged = change < options.tolerance;
  }
  return { lambda, m, iterations, converged };
}

/** New m for one comparison: pinned levels unchanged, the rest in proportion to the evidence. */
function renormalised(current: number[], evidence: Float64Array, pinned: boolean[]): number[] {
  let pinnedMass = 0;
  let free = 0;
  for (let l = 0; l < current.length; l++) {
    if (pinned[l]) pinnedMass += current[l];
    else free += evidence[l];
  }
  if (free <= 0) return [...current];
  const available = Math.max(1 - pinnedMass, 0);
  return current.map((value, l) => (pinned[l] ? value : Math.max((evidence[l] / free) * available, MIN_M)));
}
