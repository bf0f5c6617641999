import { accuracyOf } from './accuracy-metrics';

const map = (entries: Array<[string, string]>) => new Map(entries);

describe('accuracyOf', () => {
  it('is perfect when clusters equal entities', () => {
    const truth = map([['a', 'P1'], ['b', 'P1'], ['c', 'P2']]);
    const figures = accuracyOf(truth, map([['a', 'x'], ['b', 'x'], ['c', 'y']]));
    expect(figures).toMatchObject({ pairwisePrecision: 1, pairwiseRecall: 1, exactClusterRate: 1, splitEntities: 0, overMergedClusters: 0 });
  });

  it('counts an over-merge against precision and a split against recall', () => {
    const truth = map([['a', 'P1'], ['b', 'P1'], ['c', 'P2'], ['d', 'P3'], ['e', 'P3']]);
    // a,b,c merged (P1 with P2); d and e split apart
    const figures = accuracyOf(truth, map([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'y'], ['e', 'z']]));
    expect(figures.pairwisePrecision).toBeCloseTo(1 / 3); // predicted pairs ab ac bc; only ab true
    expect(figures.pairwiseRecall).toBeCloseTo(1 / 2); // true pairs ab de; only ab found
    expect(figures.splitEntities).toBe(1);
    expect(figures.overMergedClusters).toBe(1);
    expect(figures.exactClusterRate).toBe(0);
    expect(figures.bcubedPrecision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5);
  });
});
