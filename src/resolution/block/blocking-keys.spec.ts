import { defaultMatchModel, normaliseRecord, SourceRecordInput } from '../index';
import { blockingKeysFor } from './blocking-keys';

const model = defaultMatchModel();
const keysOf = (input: SourceRecordInput) => blockingKeysFor(normaliseRecord(input, model.settings), model.settings);
const postcodeKeys = (input: SourceRecordInput) => keysOf(input).filter((key) => key.startsWith('pc:'));
const shared = (a: SourceRecordInput, b: SourceRecordInput) => postcodeKeys(a).filter((key) => postcodeKeys(b).includes(key));

// Records with a name and an address only, so the postcode keys are all that can bring them together.
const home = { line1: '4 Mill Lane', locality: 'Leeds', postcode: 'LS6 2AB', country: 'GB' };
const person = (sourceId: string, given: string, family: string): SourceRecordInput =>
  ({ system: 'crm', sourceId, name: { given, family }, addresses: [home] }) as SourceRecordInput;

describe('postcode blocking keys', () => {
  it('bring together a duplicate with a typo in either name part', () => {
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Margaret', 'Thorntn')).length).toBeGreaterThan(0);
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Margeret', 'Thornton')).length).toBeGreaterThan(0);
  });

  it('bring together swapped name parts and a nickname', () => {
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Thornton', 'Margaret')).length).toBeGreaterThan(0);
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Peggy', 'Thornton')).length).toBeGreaterThan(0);
  });

  it('do not make candidates of relatives and neighbours who share only a surname or a given name and the postcode', () => {
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'David', 'Thornton'))).toEqual([]);
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Margaret', 'Okafor'))).toEqual([]);
  });
});
