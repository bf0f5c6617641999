import { jaroWinkler } from './jaro-winkler';

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['ONEIL', 'ONEILL', 0.967],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('is 1 for equal and 0 for disjoint or empty strings', () => {
    expect(jaroWinkler('ANNA', 'ANNA')).toBe(1);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    expect(jaroWinkler('', 'A')).toBe(0);
  });

  it('gives the same answer whatever was compared before (its buffers are reused)', () => {
    const first = jaroWinkler('ALEKSANDROVICH', 'ALEXANDROVICH');
    jaroWinkler('A', 'B');
    jaroWinkler('MUCH LONGER STRINGS THAN BEFORE', 'MUCH LONGER STRINGS THAN EVER');
    expect(jaroWinkler('ALEKSANDROVICH', 'ALEXANDROVICH')).toBe(first);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
  });
});
