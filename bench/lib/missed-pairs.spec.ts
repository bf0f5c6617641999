import { defaultMatchModel, normaliseRecord, SourceRecordInput } from '../../src/resolution';
import { missedPairsByCause } from './missed-pairs';

const model = defaultMatchModel();
const record = (sourceId: string, fields: Partial<SourceRecordInput>) =>
  normaliseRecord({ system: 'crm', sourceId, type: 'person', name: { given: 'Agatha', family: 'Quill' }, ...fields }, model.settings);

describe('missedPairsByCause', () => {
  const email = { emails: ['agatha.quill@example.com'] };
  const records = [record('a', { ...email, birthDate: '1970-03-04' }), record('b', email), record('c', {}), record('d', { birthDate: '1970-03-04' })];
  const truth = new Map(records.map((r) => [r.key, 'P1']));

  it('counts nothing when the prediction keeps the entity whole', () => {
    const missed = missedPairsByCause(records, truth, new Map(records.map((r) => [r.key, 1])), model);
    expect(missed).toMatchObject({ truePairs: 6, missedPairs: 0 });
  });

  it('tells a name-only split from one the engine could have linked', () => {
    // {a, b} | {c} | {d}: c shares only the name (2 pairs); d shares a's birth date and a key with it (2 pairs with {a, b}); c–d is name only (1 pair)
    const predicted = new Map([[records[0].key, 1], [records[1].key, 1], [records[2].key, 2], [records[3].key, 3]]);
    const missed = missedPairsByCause(records, truth, predicted, model);
    expect(missed.missedPairs).toBe(5);
    expect(missed.byCause['name only'].person).toBe(3);
    // a and d share the birth date (and its blocking key): scored, so the cause is a band, not a missing candidate
    expect(missed.byCause['no shared blocking key'].person).toBe(0);
    expect(missed.byCause['below review'].person + missed.byCause['review band'].person + missed.byCause['link band, held apart'].person).toBe(2);
  });
});
