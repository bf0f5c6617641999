import { doubleMetaphone } from './double-metaphone';

describe('doubleMetaphone', () => {
  it.each([
    ['ptah', 'PT', 'PT'],
    ['ceasar', 'SSR', 'SSR'],
    ['chemical', 'KMKL', 'KMKL'],
    ['Xavier', 'SF', 'SFR'],
    ['tagliaro', 'TKLR', 'TLR'],
    ['cabrillo', 'KPRL', 'KPR'],
    ['villa', 'FL', 'F'],
    ['allegretto', 'ALKRT', 'AKRT'],
    ['svaraj', 'SFRJ', 'SFR'],
    ['schenker', 'XNKR', 'SKNKR'],
    ['schooner', 'SKNR', 'SKNR'],
    ['schlepp', 'XLP', 'SLP'],
    ['sioricz', 'SRS', 'SRX'],
    ['Tsjaikowski', 'TSKSK', 'TSKFSK'],
    ['schwa', 'X', 'XF'],
    ['Arnow', 'ARN', 'ARNF'],
    ['Filipowicz', 'FLPTS', 'FLPFX'],
    ['Mazurkiewicz', 'MSRKTS', 'MTSRKFX'],
    ['ois', 'A', 'AS'],
    ['zza', 'S', 'TS'],
    ['th', '0', 'T'],
    ['wa', 'A', 'F'],
  ])('%s → %s / %s', (word, primary, alternate) => {
    expect(doubleMetaphone(word)).toEqual([primary, alternate]);
  });

  it.each([
    ['hugh', 'H'],
    ['bough', 'P'],
    ['broughton', 'PRTN'],
    ['laugh', 'LF'],
    ['curagh', 'KRK'],
    ['weight', 'AT'],
    ['cagney', 'KKN'],
    ['thumb', '0M'],
    ['dumber', 'TMR'],
    ['island', 'ALNT'],
    ['disject', 'TSKT'],
    ['trekker', 'TRKR'],
    ['borscht', 'PRXT'],
    ['matrix', 'MTRKS'],
    ['breaux', 'PR'],
    ['AUX', 'A'],
    ['tion', 'XN'],
    ['Ç', 'S'],
    ['Ñ', 'N'],
  ])('primary code of %s is %s', (word, primary) => {
    expect(doubleMetaphone(word)[0]).toBe(primary);
  });

  it('reads the C of Germanic, Greek and Italian spellings as the rules say', () => {
    expect(doubleMetaphone('MACHER')[1][1]).toBe('K');
    expect(doubleMetaphone('chore')[0][0]).toBe('X');
    expect(doubleMetaphone('character')[0][0]).toBe('K');
    expect(doubleMetaphone('McHugh')[0][1]).toBe('K');
    expect(doubleMetaphone('michael')).toEqual(['MKL', 'MXL']);
    expect(doubleMetaphone('focaccia')[0][2]).toBe('X');
    expect(doubleMetaphone('accident')[0].slice(1, 3)).toBe('KS');
    expect(doubleMetaphone('bacci')[0][1]).toBe('X');
    expect(doubleMetaphone('czerny').map((code) => code[0])).toEqual(['S', 'X']);
  });

  it('gives the alternate J/H readings of J and G', () => {
    expect(doubleMetaphone('Jose')[0][0]).toBe('H');
    expect(doubleMetaphone('Joseph').map((code) => code[0])).toEqual(['J', 'H']);
    expect(doubleMetaphone('Jankelowicz').map((code) => code[0])).toEqual(['J', 'A']);
    expect(doubleMetaphone('San Jacinto')[0][2]).toBe('H');
    expect(doubleMetaphone('Gerben').map((code) => code[0])).toEqual(['K', 'J']);
    expect(doubleMetaphone('biaggi').map((code) => code[1])).toEqual(['J', 'K']);
    expect(doubleMetaphone('tangier')[0][2]).toBe('J');
  });

  it('lets spelling and transliteration variants of names meet on a code', () => {
    const meet = (a: string, b: string) => {
      const [x, y] = [doubleMetaphone(a), doubleMetaphone(b)];
      return x.some((code) => y.includes(code));
    };
    expect(meet('Smith', 'Smyth')).toBe(true);
    expect(meet('Smith', 'Schmidt')).toBe(true);
    expect(meet('Aleksandr', 'Alexander')).toBe(true);
    expect(doubleMetaphone('alexander')).toEqual(doubleMetaphone('aleksander'));
    expect(meet('Viktor', 'Victor')).toBe(true);
    expect(meet('Catherine', 'Kathryn')).toBe(true);
    expect(meet("O'Neil", 'ONeill')).toBe(true);
    expect(meet('José', 'Jose')).toBe(true);
    expect(meet('Smith', 'Jones')).toBe(false);
  });

  it('ignores case and odd characters, and returns empty codes for nothing', () => {
    expect(doubleMetaphone('HiCcUpS')).toEqual(doubleMetaphone('hiccups'));
    expect(doubleMetaphone('')).toEqual(['', '']);
    expect(doubleMetaphone('123-!')).toEqual(['', '']);
  });
});
