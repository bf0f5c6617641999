import { expectationMaximisation, type PatternTable } from './expectation-maximisation';

// Two comparisons of two levels each, pair counts built exactly from known parameters.
const truth = { lambda: 0.3, m: [[0.9, 0.1], [0.8, 0.2]] };
const u = [[0.05, 0.95], [0.1, 0.9]];

function exactTable(withNulls = false): PatternTable {
  const table: PatternTable = { patterns: [], counts: [] };
  for (const a of [0, 1]) {
    for (const b of [0, 1]) {
      const match = truth.lambda * truth.m[0][a] * truth.m[1][b];
      const other = (1 - truth.lambda) * u[0][a] * u[1][b];
      table.patterns.push(Int8Array.of(a, b));
      table.counts.push(100_000 * (match + other));
    }
  }
  // Pairs where the second comparison has no value: they inform only the first.
  if (withNulls) for (const a of [0, 1]) {
    table.patterns.push(Int8Array.of(a, -1));
    table.counts.push(20_000 * (truth.lambda * truth.m[0][a] + (1 - truth.lambda) * u[0][a]));
  }
  return table;
}

const options = { maxIterations: 500, tolerance: 1e-9 };
const start = { lambda: 0.5, m: [[0.6, 0.4], [0.6, 0.4]] };
const unpinned = [[false, false], [false, false]];

describe('expectationMaximisation', () => {
  it('recovers m and the share of matches from unlabelled pattern counts', () => {
    const result = expectationMaximisation(exactTable(), start, u, unpinned, options);
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(truth.lambda, 2);
    expect(result.m[0][0]).toBeCloseTo(0.9, 2);
    expect(result.m[1][0]).toBeCloseTo(0.8, 2);
  });

  it('lets null levels count for nothing in the comparison that has no value', () => {
    const result = expectationMaximisation(exactTable(true), start, u, unpinned, options);
    expect(result.m[0][0]).toBeCloseTo(0.9, 2);
    expect(result.m[1][0]).toBeCloseTo(0.8, 2);
  });

  it('keeps pinned levels and shares the remaining mass among the others', () => {
    const result = expectationMaximisation(exactTable(), { lambda: 0.5, m: [[0.6, 0.4], [0.6, 0.001]] }, u, [[false, false], [false, true]], options);
    expect(result.m[1][1]).toBe(0.001);
    expect(result.m[1][0]).toBeCloseTo(0.999, 6);
  });

  it('stops at the iteration limit and says it did not converge', () => {
    const result = expectationMaximisation(exactTable(), start, u, unpinned, { maxIterations: 2, tolerance: 1e-12 });
    expect(result.iterations).toBe(2);
    expect(result.converged).toBe(false);
  });
});
