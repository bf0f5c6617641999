/** A true entity id or a predicted cluster id. */
export type ClusterLabel = string | number;

export interface AccuracyFigures {
  /** Records in the truth; only these are scored. */
  records: number;
  trueEntities: number;
  predictedClusters: number;
  /** Pairs of records that belong together in truth, that the prediction put together, and both. */
  truePairs: number;
  predictedPairs: number;
  truePositivePairs: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  /** B-cubed: per record, the share of its cluster that is its entity (precision) and of its entity that is in its cluster (recall), averaged. */
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
  /** True entities whose records form exactly one predicted cluster and nothing else. */
  exactClusters: number;
  exactClusterRate: number;
  /** True entities whose records are spread over more than one cluster. */
  splitEntities: number;
  /** True entities that share a cluster with another entity. */
  overMergedEntities: number;
  /** Predicted clusters that hold records of more than one true entity. */
  overMergedClusters: number;
  /** Truth records without a predicted cluster: each is scored as a cluster of its own. */
  unpredictedRecords: number;
  /** Predicted records that the truth does not know: ignored. */
  unknownRecords: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const f1 = (precision: number, recall: number) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));

/** Numbers labels 0, 1, 2 … in order of first sight, counting how many records carry each. */
class LabelSizes {
  readonly sizes: number[] = [];
  private readonly index = new Map<ClusterLabel, number>();

  add(label: ClusterLabel): number {
    let at = this.index.get(label);
    if (at === undefined) {
      at = this.sizes.length;
      this.index.set(label, at);
      this.sizes.push(0);
    }
    this.sizes[at]++;
    return at;
  }

  /** A label seen nowhere else (a record with no prediction is a cluster of one). */
  addUnique(): number {
    this.sizes.push(1);
    return this.sizes.length - 1;
  }
}

/**
 * Pairwise and cluster-level accuracy from the contingency table of (entity, cluster) counts:
 * the table is built by sorting one packed number per record, never by enumerating pairs, so
 * it takes O(n log n) time and a few bytes per record (millions of records are fine).
 */
export function accuracyOf(truth: ReadonlyMap<string, ClusterLabel>, predicted: ReadonlyMap<string, ClusterLabel>): AccuracyFigures {
  const entities = new LabelSizes();
  const clusters = new LabelSizes();
  const stride = truth.size + 1; // there are at most truth.size clusters among truth records
  const cellCodes = new Float64Array(truth.size);
  let unpredictedRecords = 0;
  let at = 0;
  for (const [record, entity] of truth) {
    const label = predicted.get(record);
    if (label === undefined) unpredictedRecords++;
    const cluster = label === undefined ? clusters.addUnique() : clusters.add(label);
    cellCodes[at++] = entities.add(entity) * stride + cluster;
  }
  let unknownRecords = 0;
  for (const record of predicted.keys()) if (!truth.has(record)) unknownRecords++;
  cellCodes.sort();

  // one pass over the cells (runs of equal codes) for the sums, one more for over-merged entities
  const clustersPerEntity = new Uint32Array(entities.sizes.length);
  const entitiesPerCluster = new Uint32Array(clusters.sizes.length);
  let truePositivePairs = 0;
  let bcubedPrecision = 0;
  let bcubedRecall = 0;
  let exactClusters = 0;
  forEachCell(cellCodes, stride, (entity, cluster, count) => {
    truePositivePairs += pairs(count);
    bcubedPrecision += (count * count) / clusters.sizes[cluster];
    bcubedRecall += (count * count) / entities.sizes[entity];
    if (count === entities.sizes[entity] && count === clusters.sizes[cluster]) exactClusters++;
    clustersPerEntity[entity]++;
    entitiesPerCluster[cluster]++;
  });
  const overMerged = new Uint8Array(entities.sizes.length);
  forEachCell(cellCodes, stride, (entity, cluster) => {
    if (entitiesPerCluster[cluster] > 1) overMerged[entity] = 1;
  });

  const truePairs = entities.sizes.reduce((sum, n) => sum + pairs(n), 0);
  const predictedPairs = clusters.sizes.reduce((sum, n) => sum + pairs(n), 0);
  const pairwisePrecision = predictedPairs === 0 ? 1 : truePositivePairs / predictedPairs;
  const pairwiseRecall = truePairs === 0 ? 1 : truePositivePairs / truePairs;
  const records = truth.size;
  const b3Precision = records === 0 ? 1 : bcubedPrecision / records;
  const b3Recall = records === 0 ? 1 : bcubedRecall / records;
  return {
    records,
    trueEntities: entities.sizes.length,
    predictedClusters: clusters.sizes.length,
    truePairs,
    predictedPairs,
    truePositivePairs,
    pairwisePrecision,
    pairwiseRecall,
    pairwiseF1: f1(pairwisePrecision, pairwiseRecall),
    bcubedPrecision: b3Precision,
    bcubedRecall: b3Recall,
    bcubedF1: f1(b3Precision, b3Recall),
    exactClusters,
    exactClusterRate: entities.sizes.length === 0 ? 1 : exactClusters / entities.sizes.length,
    splitEntities: clustersPerEntity.filter((n) => n > 1).length,
    overMergedEntities: overMerged.reduce((sum, flag) => sum + flag, 0),
    overMergedClusters: entitiesPerCluster.filter((n) => n > 1).length,
    unpredictedRecords,
    unknownRecords,
  };
}

function forEachCell(sortedCodes: Float64Array, stride: number, visit: (entity: number, cluster: number, count: number) => void): void {
  let start = 0;
  while (start < sortedCodes.length) {
    const code = sortedCodes[start];
    let end = start + 1;
    while (end < sortedCodes.length && sortedCodes[end] === code) end++;
    visit(Math.floor(code / stride), code % stride, end - start);
    start = end;
  }
}

/** How far `other` is from `reference`: pairs of records one puts together and the other does not, and customers not found whole. */
export function partitionDifference(reference: ReadonlyMap<string, ClusterLabel>, other: ReadonlyMap<string, ClusterLabel>): Record<string, number> {
  const figures = accuracyOf(reference, other);
  return {
    'pairs only in the reference': figures.truePairs - figures.truePositivePairs,
    'pairs only in this run': figures.predictedPairs - figures.truePositivePairs,
    'reference customers not found whole': figures.trueEntities - figures.exactClusters,
  };
}
