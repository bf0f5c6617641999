import { defaultMatchModel, normaliseRecord, SourceRecordInput } from '../../src/resolution';
import { evidenceCeiling } from './evidence-ceiling';

const model = defaultMatchModel();
const record = (sourceId: string, fields: Partial<SourceRecordInput>) =>
  normaliseRecord({ system: 'crm', sourceId, type: 'person', name: { given: 'Agatha', family: 'Quill' }, ...fields }, model.settings);

describe('evidenceCeiling', () => {
  it('joins records through a chain of shared identifying values and leaves a name-only record out', () => {
    const records = [
      record('a', { emails: ['agatha.quill@example.com'] }),
      record('b', { emails: ['agatha.quill@example.com'], birthDate: '1970-03-04' }),
      record('c', { birthDate: '1970-03-04' }),
      record('d', {}),
    ];
    const truth = new Map(records.map((r) => [r.key, 'P1']));
    const ceiling = evidenceCeiling(records, truth, model);
    // a-b by email, b-c by birth date: {a,b,c} is 3 pairs of the 6; d shares only the name
    expect(ceiling).toEqual({ truePairs: 6, joinablePairs: 3, share: 0.5, nameOnlyRecords: 1 });
  });

  it('does not count a shared locality or gender as identifying', () => {
    const records = [
      record('a', { gender: 'F', addresses: [{ line1: '1 High Street', locality: 'Leeds', postcode: 'LS1 1AA', country: 'GB' }] }),
      record('b', { gender: 'F', addresses: [{ line1: '9 Low Road', locality: 'Leeds', postcode: 'LS9 9ZZ', country: 'GB' }] }),
    ];
    const ceiling = evidenceCeiling(records, new Map(records.map((r) => [r.key, 'P1'])), model);
    expect(ceiling.joinablePairs).toBe(0);
  });
});
