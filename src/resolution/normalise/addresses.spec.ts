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
    expect(postcode('5548G', 'US')).toBe('55486');
    expect(postcode('77O89', 'US')).toBe('77089');
    expect(postcode('EHl10LA', 'GB')).toBe('EH110LA');
    expect(postcode('SW1A lAA', 'GB')).toBe('SW1A1AA');
    expect(postcode('63 9DY', 'GB')).toBe('G39DY');
    expect(postcode('SE5 5X2', 'GB')).toBe('SE55XZ');
    // Letters where a British postcode has letters stay; so does a code that is not digits with a slip.
    expect(postcode('SW1A 1AA', 'GB')).toBe('SW1A1AA');
    expect(postcode('B33 8TH', 'GB')).toBe('B338TH');
    expect(postcode('ABCDE', 'US')).toBe('ABCDE');
    // A country prefix is dropped, not read as a digit.
    expect(postcode('D-10115', 'DE')).toBe('10115');
    expect(postcode('DE 10115', 'DE')).toBe('10115');
    expect(postcode('S-123 45', 'SE')).toBe('12345');
    expect(postcode('1O115', 'DE')).toBe('10115');
  });
});
