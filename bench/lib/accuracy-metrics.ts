export interface AccuracyFigures {
  records: number;
  trueEntities: number;
  predictedClusters: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  /** Share of true entities whose records form exactly one predicted cluster and nothing else. */
  exactClusterRate: number;
  /** True entities whose records are spread over more than one cluster. */
  splitEntities: number;
  /** Predicted clusters that hold records of more than one true entity. */
  overMergedClusters: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Pairwise and cluster-level accuracy from a contingency table of (cluster, entity) counts,
 * never enumerating pairs, so it is linear in the number of records.
 */
export function accuracyOf(truth: Map<string, string>, predicted: Map<string, string>): AccuracyFigures {
  const cell = new Map<string, number>();
  const clusterSize = new Map<string, number>();
  const entitySize = new Map<string, number>();
  for (const [record, entity] of truth) {
    const cluster = predicted.get(record);
    if (cluster === undefined) throw new Error(`record ${record} has no predicted cluster`);
    cell.set(`${cluster}\u0000${entity}`, (cell.get(`${cluster}\u0000${entity}`) ?? 0) + 1);
    clusterSize.set(cluster, (clusterSize.get(cluster) ?? 0) + 1);
    entitySize.set(entity, (entitySize.get(entity) ?? 0) + 1);
  }
  let truePositives = 0;
  let bcubedPrecision = 0;
  let bcubedRecall = 0;
  const clustersOfEntity = new Map<string, number>();
  const entitiesOfCluster = new Map<string, number>();
  for (const [key, count] of cell) {
    const [cluster, entity] = key.split('\u0000');
    truePositives += pairs(count);
    bcubedPrecision += (count * count) / clusterSize.get(cluster)!;
    bcubedRecall += (count * count) / entitySize.get(entity)!;
    clustersOfEntity.set(entity, (clustersOfEntity.get(entity) ?? 0) + 1);
    entitiesOfCluster.set(cluster, (entitiesOfCluster.get(cluster) ?? 0) + 1);
  }
  const predictedPairs = [...clusterSize.values()].reduce((sum, n) => sum + pairs(n), 0);
  const truePairs = [...entitySize.values()].reduce((sum, n) => sum + pairs(n), 0);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  let exact = 0;
  for (const [key, count] of cell) {
    const [cluster, entity] = key.split('\u0000');
    if (count === entitySize.get(entity) && count === clusterSize.get(cluster)) exact++;
  }
  return {
    records: truth.size,
    trueEntities: entitySize.size,
    predictedClusters: clusterSize.size,
    pairwisePrecision: precision,
    pairwiseRecall: recall,
    pairwiseF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    bcubedPrecision: bcubedPrecision / truth.size,
    bcubedRecall: bcubedRecall / truth.size,
    exactClusterRate: exact / entitySize.size,
    splitEntities: [...clustersOfEntity.values()].filter((n) => n > 1).length,
    overMergedClusters: [...entitiesOfCluster.values()].filter((n) => n > 1).length,
  };
}
