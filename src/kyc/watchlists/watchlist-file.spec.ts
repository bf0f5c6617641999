import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectWatchlistFormat, ftmTopics, parseIdentifierCell, readWatchlistFile, WatchlistFileItem } from './watchlist-file';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'watchlist-file-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function fixture(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

async function readAll(path: string): Promise<WatchlistFileItem[]> {
  const items: WatchlistFileItem[] = [];
  for await (const item of readWatchlistFile(path)) items.push(item);
  return items;
}

describe('detectWatchlistFormat', () => {
  it('tells the format from the extension', () => {
    expect(detectWatchlistFormat('/data/list.CSV')).toBe('csv');
    for (const name of ['entities.ftm.json', 'a.jsonl', 'a.ndjson', 'a.ftm']) expect(detectWatchlistFormat(name)).toBe('ftm');
    expect(() => detectWatchlistFormat('list.xlsx')).toThrow(/cannot tell the format of list\.xlsx.*\.csv.*\.ftm/);
  });
});

describe('reading a CSV list', () => {
  it('reads quoted cells, ; lists and identifiers, and reports a bad row by line and field', async () => {
    const path = fixture(
      'list.csv',
      [
        '\uFEFFEntryID,Type,Names,Aliases,BirthDates,Countries,Identifiers,Topics',
        'E1,person,"Petrov, Ivan; Ivan Petrov","Vanya ""the Bear""",1961-07-04,ru;CY,passport:7512345:RU;tax_id:7701234567,sanctions;pep',
        '',
        'E2,organization,"Acme',
        'Holdings Ltd",,,GB,registration:01234567,',
        'E3,person,Jane Doe,,1980-02-30,GB,,crime',
        'E4,person,John Roe,,,,passport,',
        'E5,person,Too Many,,,,,,extra',
        'E6,person,"Bad"quote,,,,,',
        'E7,organization,Last Co,,,,,debarment',
      ].join('\r\n') + '\r\n',
    );
    const items = await readAll(path);
    expect(items.map((item) => [item.line, item.entry?.entryId ?? null, item.problems])).toEqual([
      [2, 'E1', []],
      [4, 'E2', []],
      [6, null, [{ field: 'birthDates[0]', reason: 'is not a calendar date: 1980-02 has 29 days' }]],
      [7, null, [{ field: 'identifiers[0]', reason: 'must read type:value or type:value:COUNTRY' }]],
      [8, null, [{ field: 'line', reason: 'has 9 fields where the header has 8' }]],
      [9, null, [{ field: 'line', reason: 'has text after a closing quote (line 9, column 16)' }]],
      [10, 'E7', []],
    ]);
    expect(items[0].entry).toEqual({
      entryId: 'E1',
      type: 'person',
      names: ['Petrov, Ivan', 'Ivan Petrov'],
      aliases: ['Vanya "the Bear"'],
      birthDates: ['1961-07-04'],
      countries: ['RU', 'CY'],
      identifiers: [
        { type: 'passport', value: '7512345', country: 'RU' },
        { type: 'tax_id', value: '7701234567' },
      ],
      topics: ['sanctions', 'pep'],
    });
    expect(items[1].entry).toMatchObject({ names: ['Acme\nHoldings Ltd'], countries: ['GB'], identifiers: [{ type: 'registration', value: '01234567' }], topics: [] });
  });

  it('takes the columns in any order, without the optional ones, and a removed column', async () => {
    const path = fixture('short.csv', 'names,ENTRYID,type,removed\nAcme,A1,organization,\n,A2,,true\n');
    const items = await readAll(path);
    expect(items.map((item) => item.entry)).toEqual([
      { entryId: 'A1', type: 'organization', names: ['Acme'], aliases: [], birthDates: [], countries: [], identifiers: [], topics: [] },
      { entryId: 'A2', type: 'person', names: [], aliases: [], birthDates: [], countries: [], identifiers: [], topics: [], removed: true },
    ]);
  });

  it('reports a quote left open to the end of the file', async () => {
    const items = await readAll(fixture('open.csv', 'entryId,type,names\nA1,person,"Open\nA2,person,Closed\n'));
    expect(items).toEqual([{ line: 2, problems: [{ field: 'line', reason: 'has a quoted field not closed by the end of the file' }] }]);
  });

  it('refuses a file without a usable header', async () => {
    await expect(readAll(fixture('empty.csv', '\n\n'))).rejects.toThrow(/is empty: a CSV list file needs a header line/);
    await expect(readAll(fixture('unknown.csv', 'entryId,type,names,nationality\n'))).rejects.toThrow(/unknown columns "nationality"/);
    await expect(readAll(fixture('noid.csv', 'type,names\nperson,Jane\n'))).rejects.toThrow(/no entryId column/);
    await expect(readAll(fixture('twice.csv', 'entryId,names,Names\n'))).rejects.toThrow(/names more than once/);
  });

  it('reads identifiers whose value holds a colon', () => {
    expect(parseIdentifierCell('lei:ABC:123')).toEqual({ type: 'lei', value: 'ABC:123' });
    expect(parseIdentifierCell('lei:ABC:123:de')).toEqual({ type: 'lei', value: 'ABC:123', country: 'de' });
    expect(parseIdentifierCell(':123')).toBeNull();
    expect(parseIdentifierCell('passport:')).toBeNull();
  });
});

describe('reading FollowTheMoney lines', () => {
  const person = {
    id: 'NK-abc123',
    schema: 'Person',
    caption: 'Ivan Petrov',
    properties: {
      name: ['Ivan Petrov'],
      alias: ['Иван Петров'],
      weakAlias: ['Vanya'],
      birthDate: ['1961-07-04', '1962', '1980-02-30'],
      nationality: ['ru'],
      citizenship: ['cy', 'suhh'],
      country: ['ru'],
      passportNumber: ['7512345'],
      idNumber: ['4500123456'],
      innCode: ['770123456789'],
      topics: ['sanction', 'role.pep', 'crime.fin', 'poi'],
      address: [{ id: 'addr-1', schema: 'Address' }],
    },
    datasets: ['us_ofac_sdn'],
  };
  const company = {
    id: 'ofac-9',
    schema: 'Company',
    properties: { name: ['Acme Holdings'], jurisdiction: ['gb-sct', 'GB'], registrationNumber: ['SC123'], taxNumber: ['GB999'], topics: ['sanction.linked', 'debarment'] },
  };
  const unnamed = { id: 'Q42', schema: 'Person', properties: { firstName: ['Jane'], lastName: ['Doe'], topics: ['corp.offshore'] } };
  const ownership = { id: 'own-1', schema: 'Ownership', properties: { owner: ['ofac-9'], asset: ['x'], percentage: ['50'] } };

  it('maps persons and companies, skips statements and reports bad lines', async () => {
    const lines = [JSON.stringify(person), JSON.stringify(company), JSON.stringify(ownership), '{"id": "broken", ', '', '[1]', JSON.stringify(unnamed), JSON.stringify({ id: 'x' })];
    const path = fixture('entities.ftm.json', lines.join('\n'));
    const items = await readAll(path);
    expect(items[0]).toEqual({
      line: 1,
      problems: [],
      entry: {
        entryId: 'NK-abc123',
        type: 'person',
        names: ['Ivan Petrov'],
        aliases: ['Иван Петров', 'Vanya'],
        birthDates: ['1961-07-04', '1962', '1980-02'],
        countries: ['RU', 'CY'],
        identifiers: [
          { type: 'national_id', value: '4500123456' },
          { type: 'passport', value: '7512345' },
          { type: 'tax_id', value: '770123456789' },
        ],
        topics: ['sanctions', 'pep', 'crime'],
      },
    });
    expect(items[1]).toEqual({
      line: 2,
      problems: [],
      entry: {
        entryId: 'ofac-9',
        type: 'organization',
        names: ['Acme Holdings'],
        aliases: [],
        birthDates: [],
        countries: ['GB'],
        identifiers: [
          { type: 'registration', value: 'SC123' },
          { type: 'tax_id', value: 'GB999' },
        ],
        topics: ['sanctions', 'debarment'],
      },
    });
    expect(items[2]).toEqual({ line: 3, problems: [], skipped: 'schema Ownership is not a person or an organization' });
    expect(items[3].line).toBe(4);
    expect(items[3].problems).toEqual([{ field: 'line', reason: expect.stringMatching(/^is not valid JSON: /) }]);
    expect(items[4]).toEqual({ line: 6, problems: [{ field: 'line', reason: 'must be a JSON object (one FtM entity)' }] });
    expect(items[5]).toMatchObject({ line: 7, entry: { entryId: 'Q42', names: ['Jane Doe'], topics: [] } });
    expect(items[6]).toEqual({ line: 8, problems: [{ field: 'schema', reason: 'is required: an FtM schema such as Person or Company' }] });
    expect(items).toHaveLength(7);
  });

  it('reports an entity that is not a valid entry by field', async () => {
    const items = await readAll(fixture('bad.jsonl', JSON.stringify({ id: 'has space', schema: 'Organization', properties: {} }) + '\n'));
    expect(items).toEqual([
      {
        line: 1,
        problems: [
          { field: 'entryId', reason: 'may hold only letters, digits and . _ : / -' },
          { field: 'names', reason: 'must hold at least one item' },
        ],
      },
    ]);
  });

  it('keeps names past the limit as aliases', async () => {
    const name = Array.from({ length: 55 }, (_, index) => `Name ${index}`);
    const [item] = await readAll(fixture('many.ndjson', JSON.stringify({ id: 'm1', schema: 'LegalEntity', properties: { name } })));
    expect(item.entry!.names).toHaveLength(50);
    expect(item.entry!.aliases).toEqual(['Name 50', 'Name 51', 'Name 52', 'Name 53', 'Name 54']);
  });

  it('can be left early, and fails on a missing file', async () => {
    const path = fixture('early.jsonl', [company, company, company].map((entity) => JSON.stringify(entity)).join('\n'));
    for await (const item of readWatchlistFile(path)) {
      expect(item.line).toBe(1);
      break;
    }
    await expect(readAll(join(directory, 'missing.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it('maps topics onto ours and drops the rest', () => {
    expect(ftmTopics(['sanction.counter', 'role.rca', 'crime', 'crime.traffick.drug', 'wanted', 'export.control'])).toEqual(['pep', 'crime']);
  });
});
