import { canonicalToken, foldName, foldOrganizationName, foldSpelling, romanise, screeningKeys } from './screening-names';

const intersect = (a: string[], b: string[]): string[] => a.filter((key) => b.includes(key));

describe('foldName', () => {
  it('upper-cases, folds diacritics, drops punctuation and titles', () => {
    expect(foldName('Mr. José Müller-Lüdenscheidt')).toEqual(['JOSE', 'MULLER', 'LUDENSCHEIDT']);
    expect(foldName("Dr O'Brien, Seán Jr.")).toEqual(['OBRIEN', 'SEAN']);
    expect(foldName('  ')).toEqual([]);
  });

  it('keeps the titles when nothing else is left', () => {
    expect(foldName('Sir')).toEqual(['SIR']);
  });
});

describe('foldOrganizationName', () => {
  it('drops legal forms, abbreviated or spelled out', () => {
    expect(foldOrganizationName('Savukhan Trading JSC')).toEqual(['SAVUKHAN', 'TRADING']);
    expect(foldOrganizationName('Savukhan Trading Closed Joint Stock Company')).toEqual(['SAVUKHAN', 'TRADING']);
    expect(foldOrganizationName('OOO "Romashka"')).toEqual(['ROMASHKA']);
    expect(foldOrganizationName('Acme Widgets GmbH')).toEqual(['ACME', 'WIDGETS']);
    expect(foldOrganizationName('Smith & Sons Ltd')).toEqual(['SMITH', 'AND', 'SONS']);
  });

  it('keeps the words of a name that is nothing but a legal form', () => {
    expect(foldOrganizationName('JSC')).toEqual(['JSC']);
  });
});

describe('canonicalToken', () => {
  it.each([
    [['VIKTOR', 'VICTOR', 'WIKTOR']],
    [['ALEKSANDR', 'ALEXANDER', 'ALEKSANDER', 'ALEXANDR', 'OLEKSANDR']],
    [['MOHAMMED', 'MUHAMMAD', 'MOHAMAD', 'MOHAMMAD']],
    [['YURI', 'YURIY', 'IURII', 'JURIJ']],
    [['SERGEI', 'SERGEY', 'SERGEJ', 'SERHIY']],
    [['DMITRI', 'DMITRY', 'DMITRIJ']],
    [['ZHUKOV', 'ZHUKOW']],
    [['DZHUGASHVILI', 'DJUGASHVILI']],
    [['KHALID', 'HALID']],
    [['MUELLER', 'MULLER']],
    [['PETROV', 'PETROW', 'PETROFF']],
    [['TSCHAIKOWSKI', 'TCHAIKOVSKY', 'CHAIKOVSKY']],
    [['YAKOVLEV', 'JAKOWLEW']],
    [['SMITH', 'SMYTH']],
    [['BOB', 'ROBERT', 'BOBBY']],
  ])('%j fold to one spelling', (variants) => {
    const canonical = variants.map((token) => canonicalToken(token));
    expect(new Set(canonical).size).toBe(1);
  });

  it('keeps different names apart', () => {
    for (const [a, b] of [
      ['PETROV', 'IVANOV'],
      ['JOHN', 'JOAN'],
      ['SMITH', 'SMITHERS'],
      ['VIKTOR', 'VIKTORIA'],
    ]) {
      expect(canonicalToken(a)).not.toBe(canonicalToken(b));
    }
  });

  it('maps nicknames only when asked to', () => {
    expect(canonicalToken('BOB')).toBe('ROBERT');
    expect(canonicalToken('BOB', false)).toBe('BOB');
    expect(canonicalToken('WIKTOR', false)).toBe(foldSpelling('WIKTOR'));
  });

  it('is deterministic', () => {
    for (const token of ['WIKTOR', 'YURIY', 'MUELLER', 'JON']) expect(canonicalToken(token)).toBe(canonicalToken(token));
  });
});

describe('screeningKeys', () => {
  it('are lower-case, prefixed, deduplicated and sorted', () => {
    const keys = screeningKeys('Viktor Viktor Petrov', 'person');
    for (const key of keys) expect(key).toMatch(/^[cp]_[a-z0-9_]+$/);
    expect(keys).toEqual([...new Set(keys)].sort());
    expect(keys).toContain('c_viktor');
    expect(keys).toContain('c_petrov');
    expect(keys.some((key) => key.startsWith('p_'))).toBe(true);
    expect(screeningKeys('Viktor Viktor Petrov', 'person')).toEqual(keys);
  });

  it('intersect for transliteration variants of the same name', () => {
    expect(intersect(screeningKeys('Viktor Petrov', 'person'), screeningKeys('Wiktor Petrow', 'person'))).toContain('c_petrov');
    expect(intersect(screeningKeys('Aleksandr Ivanov', 'person'), screeningKeys('Alexander Ivanov', 'person'))).toContain('c_aleksandr');
    expect(intersect(screeningKeys('Mohammed Khalid', 'person'), screeningKeys('Muhammad Halid', 'person')).length).toBeGreaterThan(0);
    expect(intersect(screeningKeys('Yuriy Zhukov', 'person'), screeningKeys('Jurij Jukov', 'person')).length).toBeGreaterThan(0);
  });

  it('make no key for initials or particles', () => {
    const keys = screeningKeys('V. bin Petrov', 'person');
    expect(keys.some((key) => key === 'c_v' || key === 'c_bin')).toBe(false);
    expect(keys).toContain('c_petrov');
  });

  it('add a key per formal name a given name may stand for', () => {
    expect(screeningKeys('Jon Smith', 'person')).toEqual(expect.arrayContaining(['c_john', 'c_jonatan']));
  });

  it('skip legal forms and generic organisation words', () => {
    const keys = screeningKeys('Savukhan Trading JSC', 'organization');
    expect(keys).toContain('c_savuhan');
    expect(keys.some((key) => key.includes('trading') || key.includes('jsc'))).toBe(false);
    expect(intersect(keys, screeningKeys('SAVUKHAN TRADING', 'organization')).length).toBeGreaterThan(0);
  });

  it('keep generic words when an organisation has nothing else', () => {
    expect(screeningKeys('International Trading Group', 'organization')).toContain('c_international');
  });
});

describe('romanise', () => {
  it('writes Cyrillic in Latin letters and leaves Latin text alone', () => {
    expect(romanise('Виктор Петров')).toBe('VIKTOR PETROV');
    expect(romanise('Щукин Юрий')).toBe('SHCHUKIN IURII');
    expect(romanise('José Müller')).toBe('José Müller');
  });

  it('gives a Cyrillic name the screening keys of its Latin spelling', () => {
    const cyrillic = new Set(screeningKeys('Петров Виктор', 'person'));
    expect(screeningKeys('Viktor Petrov', 'person').filter((key) => cyrillic.has(key)).length).toBeGreaterThanOrEqual(2);
  });
});
