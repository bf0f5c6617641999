import { luceneQueryFor } from './lucene-query';

describe('luceneQueryFor', () => {
  it('keeps words, folds case and diacritics, adds fuzziness', () => {
    expect(luceneQueryFor("Zoë O'Neil")).toBe('zoe o (neil^2 OR neil~1)');
  });

  it('cannot inject Lucene syntax', () => {
    const query = luceneQueryFor('name:* OR (x AND y) ~ ^9 "quoted"')!;
    expect(query).not.toMatch(/[:*"]/);
  });

  it('returns undefined when no word remains', () => {
    expect(luceneQueryFor('*** ???')).toBeUndefined();
  });
});
