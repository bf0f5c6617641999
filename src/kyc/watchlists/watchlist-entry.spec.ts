import { checkListName, checkWatchlistEntry, partialDateProblem, WatchlistEntryInput, watchlistEntryHash } from './watchlist-entry';

const valid = {
  entryId: 'ofac:12345',
  type: 'person',
  names: ['  Ivan Petrov  ', 'Ivan Petrov', 'Иван Петров'],
  aliases: ['Vanya', 'Ivan Petrov'],
  birthDates: ['1961', '1961-07', '1961-07-04'],
  countries: ['ru', 'RU', 'cy'],
  identifiers: [{ type: 'Passport', value: ' 7512345 ', country: 'ru' }, { type: 'passport', value: '7512345', country: 'RU' }, { type: 'tax_id', value: '7701234567' }],
  topics: ['sanctions', 'PEP'],
};

const fields = (raw: unknown) => checkWatchlistEntry(raw).problems.map((problem) => problem.field);

describe('checkWatchlistEntry', () => {
  it('gives back a valid entry trimmed, de-duplicated and upper-cased', () => {
    expect(checkWatchlistEntry(valid)).toEqual({
      problems: [],
      entry: {
        entryId: 'ofac:12345',
        type: 'person',
        names: ['Ivan Petrov', 'Иван Петров'],
        aliases: ['Vanya'],
        birthDates: ['1961', '1961-07', '1961-07-04'],
        countries: ['RU', 'CY'],
        identifiers: [
          { type: 'passport', value: '7512345', country: 'RU' },
          { type: 'tax_id', value: '7701234567' },
        ],
        topics: ['sanctions', 'pep'],
      },
    });
  });

  it('defaults the optional lists to empty', () => {
    expect(checkWatchlistEntry({ entryId: 'E1', type: 'organization', names: ['Acme Ltd'] }).entry).toEqual({
      entryId: 'E1',
      type: 'organization',
      names: ['Acme Ltd'],
      aliases: [],
      birthDates: [],
      countries: [],
      identifiers: [],
      topics: [],
    });
  });

  it('refuses what is not an object', () => {
    expect(checkWatchlistEntry('E1')).toEqual({ problems: [{ field: '', reason: 'must be a JSON object' }] });
    expect(checkWatchlistEntry([valid]).problems).toEqual([{ field: '', reason: 'must be a JSON object' }]);
  });

  it('checks the entry id', () => {
    expect(checkWatchlistEntry({ ...valid, entryId: undefined }).problems).toEqual([{ field: 'entryId', reason: 'is required' }]);
    expect(fields({ ...valid, entryId: '   ' })).toEqual(['entryId']);
    expect(fields({ ...valid, entryId: 42 })).toEqual(['entryId']);
    expect(fields({ ...valid, entryId: 'has space' })).toEqual(['entryId']);
    expect(fields({ ...valid, entryId: 'x'.repeat(201) })).toEqual(['entryId']);
    expect(fields({ ...valid, entryId: 'eu-fsf/EU.123.45:v2_a' })).toEqual([]);
  });

  it('requires a type and names unless the entry is withdrawn', () => {
    expect(checkWatchlistEntry({ entryId: 'E1' }).problems).toEqual([
      { field: 'type', reason: 'is required: person or organization' },
      { field: 'names', reason: 'is required' },
    ]);
    expect(fields({ entryId: 'E1', type: 'vessel', names: [] })).toEqual(['type', 'names']);
    expect(checkWatchlistEntry({ entryId: 'E1', removed: true })).toEqual({
      problems: [],
      entry: { entryId: 'E1', type: 'person', names: [], aliases: [], birthDates: [], countries: [], identifiers: [], topics: [], removed: true },
    });
    expect(fields({ entryId: 'E1', removed: 'yes' })).toEqual(['removed', 'type', 'names']);
  });

  it('names every bad item by its index', () => {
    const { entry, problems } = checkWatchlistEntry({
      ...valid,
      names: ['Ivan', '', 7, 'x'.repeat(501)],
      aliases: 'Vanya',
      birthDates: ['1961', '1980-02-30', '1980-13', '80-01-01', '2000-02-29'],
      countries: ['RU', 'RUS', 'R1'],
      topics: ['sanctions', 'terrorism', 'pep'],
    });
    expect(entry).toBeUndefined();
    expect(problems).toEqual([
      { field: 'names[1]', reason: 'must be a non-empty string' },
      { field: 'names[2]', reason: 'must be a non-empty string' },
      { field: 'names[3]', reason: 'must be at most 500 characters' },
      { field: 'aliases', reason: 'must be an array of strings' },
      { field: 'birthDates[1]', reason: 'is not a calendar date: 1980-02 has 29 days' },
      { field: 'birthDates[2]', reason: 'has no month 13' },
      { field: 'birthDates[3]', reason: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' },
      { field: 'countries[1]', reason: 'must be an ISO 3166 alpha-2 country code (2 letters)' },
      { field: 'countries[2]', reason: 'must be an ISO 3166 alpha-2 country code (2 letters)' },
      { field: 'topics[1]', reason: 'is not a known topic: use sanctions, pep, crime, debarment, adverse-media' },
    ]);
  });

  it('checks identifiers field by field', () => {
    const identifiers = [{ type: 'passport', value: '1' }, { type: '', value: '2' }, { type: 'lei', value: ' ', country: 'GBR' }, 'x', { type: 'a', value: 'b', issued: '2001' }];
    expect(checkWatchlistEntry({ ...valid, identifiers }).problems).toEqual([
      { field: 'identifiers[1].type', reason: 'must be a non-empty string' },
      { field: 'identifiers[2].value', reason: 'must be a non-empty string' },
      { field: 'identifiers[2].country', reason: 'must be an ISO 3166 alpha-2 country code (2 letters)' },
      { field: 'identifiers[3]', reason: 'must be an object { type, value, country? }' },
      { field: 'identifiers[4].issued', reason: 'is not a known field' },
    ]);
  });

  it('refuses unknown fields', () => {
    expect(checkWatchlistEntry({ ...valid, nationality: ['RU'] }).problems).toEqual([{ field: 'nationality', reason: 'is not a known field' }]);
  });

  it('bounds the number of names', () => {
    const names = Array.from({ length: 51 }, (_, index) => `Name ${index}`);
    expect(checkWatchlistEntry({ ...valid, names }).problems).toEqual([{ field: 'names', reason: 'must hold at most 50 distinct items (got 51)' }]);
  });
});

describe('partialDateProblem', () => {
  it('knows leap years', () => {
    expect(partialDateProblem('2000-02-29')).toBeNull();
    expect(partialDateProblem('1900-02-29')).toBe('is not a calendar date: 1900-02 has 28 days');
    expect(partialDateProblem('2024-04-31')).toBe('is not a calendar date: 2024-04 has 30 days');
    expect(partialDateProblem('1980-00')).toBe('has no month 00');
  });
});

describe('watchlistEntryHash', () => {
  const entry = checkWatchlistEntry(valid).entry!;

  it('is a sha256 hex that ignores list order and the removed flag', () => {
    const shuffled: WatchlistEntryInput = {
      ...entry,
      names: [...entry.names].reverse(),
      countries: [...entry.countries].reverse(),
      identifiers: [...entry.identifiers].reverse(),
      removed: false,
    };
    expect(watchlistEntryHash(entry)).toMatch(/^[0-9a-f]{64}$/);
    expect(watchlistEntryHash(shuffled)).toBe(watchlistEntryHash(entry));
  });

  it('changes with the content', () => {
    expect(watchlistEntryHash({ ...entry, topics: ['sanctions'] })).not.toBe(watchlistEntryHash(entry));
    const withoutCountry = watchlistEntryHash({ ...entry, identifiers: [{ type: 'passport', value: '7512345' }] });
    expect(withoutCountry).not.toBe(watchlistEntryHash({ ...entry, identifiers: [{ type: 'passport', value: '7512345', country: 'RU' }] }));
    // A name moved to the aliases is a change, not the same set of strings.
    expect(watchlistEntryHash({ ...entry, names: ['Ivan Petrov'], aliases: ['Иван Петров', 'Vanya'] })).not.toBe(watchlistEntryHash(entry));
  });
});

describe('checkListName', () => {
  it('takes lower-case slugs as they are and refuses the rest', () => {
    for (const name of ['sanctions', 'eu-fsf', 'internal_pep', '0', 'a'.repeat(64)]) expect(checkListName(name)).toBeNull();
    for (const name of ['', 'EU', '-eu', '_pep', 'eu fsf', 'a'.repeat(65), 'eu/fsf']) {
      expect(checkListName(name)).toEqual({ field: 'list', reason: expect.stringContaining('lower-case') });
    }
  });
});
