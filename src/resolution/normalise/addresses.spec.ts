import { normaliseAddress } from './addresses';

const dwelling = (line1: string, country: string) => normaliseAddress({ line1, postcode: '75002', country }, 'GB')!.key;

describe('normaliseAddress', () => {
  it('expands French street types and keys the dwelling on the street name, not its type', () => {
    expect(dwelling('195 CH. JEAN JAURES', 'FR')).toBe(dwelling('195 chemin Jean Jaurès', 'FR'));
    expect(dwelling('73 BD SAINT-MARTIN', 'FR')).toBe(dwelling('73 boulevard Saint-Martin', 'FR'));
    expect(dwelling('174 ALL. GAMBETTA', 'FR')).toBe(dwelling('174 allée Gambetta', 'FR'));
    // the same number on two streets of one postcode is two dwellings
    expect(dwelling('12 rue de la Paix', 'FR')).not.toBe(dwelling('12 rue Lepic', 'FR'));
    expect(dwelling('Calle del Carmen 5', 'ES')).toBe('ES|75002|5|CARMEN');
  });

  it('reads a German street type written as a suffix', () => {
    expect(dwelling('GOETHESTR. 118', 'DE')).toBe(dwelling('Goethestraße 118', 'DE'));
  });

  it('keeps English streets keyed on their first word, past a flat number', () => {
    expect(dwelling('4 Mill Ln', 'GB')).toBe(dwelling('4 Mill Lane', 'GB'));
    expect(dwelling('Flat 3, 12 Park Avenue', 'GB')).toBe('GB|75002|12|PARK');
  });

  it('reads a letter slipped into a postcode as the digit it stands for, where only a digit can stand', () => {
    const postcode = (value: string, country: string) => normaliseAddress({ line1: '64 Church Ln', postcode: value, country }, 'GB')!.postcode;
    const cases: Array<[string, string, string]> = [
      ['5548G', 'US', '55486'],
      ['77O89', 'US', '77089'],
      ['1O115', 'DE', '10115'],
      ['EHl10LA', 'GB', 'EH110LA'],
      ['SW1A lAA', 'GB', 'SW1A1AA'],
      ['63 9DY', 'GB', 'G39DY'],
      ['SE5 5X2', 'GB', 'SE55XZ'],
      // Letters where a British postcode has letters stay; so does a code that is not digits with a slip.
      ['SW1A 1AA', 'GB', 'SW1A1AA'],
      ['B33 8TH', 'GB', 'B338TH'],
      ['ABCDE', 'US', 'ABCDE'],
      // A country prefix is dropped, not read as a digit.
      ['D-10115', 'DE', '10115'],
      ['DE 10115', 'DE', '10115'],
      ['S-123 45', 'SE', '12345'],
    ];
    for (const [written, country, read] of cases) expect([written, postcode(written, country)]).toEqual([written, read]);
  });
});
