import { defaultMatchModel } from './match-model';
import { normaliseRecord } from '../normalise/normalise-record';
import { PairLevels, pairLevelsOf, scorePair } from './score-pair';
import type { SourceRecordInput } from '../resolution.types';

const model = defaultMatchModel();
const person = (sourceId: string, given: string, family: string, birthDate?: string): SourceRecordInput => ({ system: 'crm', sourceId, name: { given, family }, birthDate });
const normalise = (input: SourceRecordInput) => normaliseRecord(input, model.settings);
const levelsByName = (a: SourceRecordInput, b: SourceRecordInput) => scorePair(normalise(a), normalise(b), model).comparisons.map((comparison) => comparison.level);

describe('PairLevels', () => {
  const anna = normalise(person('1', 'Anna', 'Smith', '1980-04-12'));
  const ana = normalise(person('2', 'Ana', 'Smith', '1980-12-04'));
  const bob = normalise(person('3', 'Bob', 'Jones', '1975-09-03'));

  it('gives the levels the comparators give, the same array for a pair met again, and one array for pairs at the same levels', () => {
    const levels = new PairLevels(model);
    const first = levels.of(anna, ana);
    expect(first.filter((level) => level !== null)).toEqual(levelsByName(person('1', 'Anna', 'Smith', '1980-04-12'), person('2', 'Ana', 'Smith', '1980-12-04')));
    expect(levels.of(anna, ana)).toBe(first);
    // Another object with the same content reaches the same levels and shares the array.
    const annaAgain = normalise(person('1', 'Anna', 'Smith', '1980-04-12'));
    expect(levels.of(annaAgain, ana)).toBe(first);
    expect(levels.of(anna, bob)).not.toEqual(first);
  });

  it('starts over when full and still gives the right levels', () => {
    const levels = new PairLevels(model, 2);
    const annaAna = levels.of(anna, ana);
    const annaBob = levels.of(anna, bob);
    const bobAna = levels.of(bob, ana); // the third pair: the levels start over
    expect(levels.of(anna, ana)).toEqual(annaAna);
    expect(levels.of(anna, bob)).toEqual(annaBob);
    expect(levels.of(bob, ana)).toEqual(bobAna);
  });

  it('is kept per model, so resolutions with one model share what they compared and another model starts afresh', () => {
    expect(pairLevelsOf(model)).toBe(pairLevelsOf(model));
    expect(pairLevelsOf(defaultMatchModel())).not.toBe(pairLevelsOf(model));
  });
});
