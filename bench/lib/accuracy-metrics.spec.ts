import { accuracyOf, ClusterLabel } from './accuracy-metrics';

const labels = (text: string) => new Map<string, ClusterLabel>(text.split(' ').map((pair) => pair.split('=') as [string, string]));

describe('accuracyOf', () => {
  it('is perfect when clusters equal entities, whatever the labels', () => {
    const figures = accuracyOf(labels('a=P1 b=P1 c=P2'), new Map<string, ClusterLabel>([['a', 7], ['b', 7], ['c', 8]]));
    expect(figures).toMatchObject({
      records: 3, trueEntities: 2, predictedClusters: 2, truePairs: 1, predictedPairs: 1, truePositivePairs: 1,
      pairwisePrecision: 1, pairwiseRecall: 1, pairwiseF1: 1, bcubedPrecision: 1, bcubedRecall: 1,
      exactClusters: 2, exactClusterRate: 1, splitEntities: 0, overMergedEntities: 0, overMergedClusters: 0,
    });
  });

  it('counts an over-merge against precision and a split against recall (worked by hand)', () => {
    // truth {a,b} {c} {d,e}; predicted {a,b,c} {d} {e}
    const figures = accuracyOf(labels('a=P1 b=P1 c=P2 d=P3 e=P3'), labels('a=x b=x c=x d=y e=z'));
    expect(figures).toMatchObject({ truePairs: 2, predictedPairs: 3, truePositivePairs: 1, trueEntities: 3, predictedClusters: 3 });
    expect(figures.pairwisePrecision).toBeCloseTo(1 / 3); // ab ac bc predicted; ab true
    expect(figures.pairwiseRecall).toBeCloseTo(1 / 2); // ab de true; ab found
    expect(figures.pairwiseF1).toBeCloseTo(0.4);
    expect(figures.bcubedPrecision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5); // 11/15
    expect(figures.bcubedRecall).toBeCloseTo((1 + 1 + 1 + 1 / 2 + 1 / 2) / 5); // 4/5
    expect(figures).toMatchObject({ exactClusters: 0, exactClusterRate: 0, splitEntities: 1, overMergedEntities: 2, overMergedClusters: 1 });
  });

  it('scores a record without prediction as a cluster of its own and ignores records the truth does not know', () => {
    const figures = accuracyOf(labels('a=P1 b=P1 c=P2'), labels('a=x c=y z=x'));
    expect(figures).toMatchObject({ unpredictedRecords: 1, unknownRecords: 1, predictedClusters: 3, predictedPairs: 0, truePositivePairs: 0 });
    expect(figures.pairwisePrecision).toBe(1); // nothing was put together wrongly
    expect(figures.pairwiseRecall).toBe(0);
    expect(figures).toMatchObject({ splitEntities: 1, exactClusters: 1, overMergedEntities: 0 });
  });

  it('calls one big cluster of everything what it is', () => {
    const figures = accuracyOf(labels('a=P1 b=P1 c=P2 d=P3'), labels('a=x b=x c=x d=x'));
    expect(figures.pairwisePrecision).toBeCloseTo(1 / 6);
    expect(figures.pairwiseRecall).toBe(1);
    expect(figures).toMatchObject({ overMergedEntities: 3, overMergedClusters: 1, splitEntities: 0, exactClusters: 0 });
  });

  it('agrees with counting every pair on random data', () => {
    let seed = 1;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const keys = Array.from({ length: 400 }, (_, i) => `r${i}`);
    const truth = new Map<string, ClusterLabel>(keys.map((key) => [key, `E${random(120)}`]));
    const predicted = new Map<string, ClusterLabel>(keys.map((key) => [key, `C${random(150)}`]));
    let both = 0;
    let inTruth = 0;
    let inPrediction = 0;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const sameEntity = truth.get(keys[i]) === truth.get(keys[j]);
        const sameCluster = predicted.get(keys[i]) === predicted.get(keys[j]);
        if (sameEntity) inTruth++;
        if (sameCluster) inPrediction++;
        if (sameEntity && sameCluster) both++;
      }
    }
    const figures = accuracyOf(truth, predicted);
    expect([figures.truePairs, figures.predictedPairs, figures.truePositivePairs]).toEqual([inTruth, inPrediction, both]);
  });

  it('handles an empty truth', () => {
    expect(accuracyOf(new Map(), new Map())).toMatchObject({ records: 0, pairwisePrecision: 1, pairwiseRecall: 1, bcubedPrecision: 1, exactClusterRate: 1 });
  });
});
