import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { checkWatchlistEntry, FieldProblem, partialDateProblem, WATCHLIST_LIMITS, WatchlistEntryInput, WatchlistIdentifier } from './watchlist-entry';

/** csv; ftm: FollowTheMoney JSON lines; entries: JSON lines of entries as the API takes them. */
export type WatchlistFileFormat = 'csv' | 'ftm' | 'entries';

/** One line (CSV: one row, which may span lines) of a list file, in file order. */
export interface WatchlistFileItem {
  /** 1-based line where the item starts. */
  line: number;
  entry?: WatchlistEntryInput;
  problems: FieldProblem[];
  /** Why the line is intentionally not an entry (an FtM Ownership or Sanction statement); problems is then empty. */
  skipped?: string;
}

/** `.csv` is CSV; `.json`, `.jsonl`, `.ndjson` and `.ftm` are FollowTheMoney entities, one per line (OpenSanctions' `entities.ftm.json`). */
export function detectWatchlistFormat(path: string): WatchlistFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (['.json', '.jsonl', '.ndjson', '.ftm'].includes(extension)) return 'ftm';
  throw new Error(`cannot tell the format of ${path} from its extension "${extension}": name it .csv for CSV, or .json, .jsonl, .ndjson or .ftm for FollowTheMoney lines`);
}

/**
 * Reads a list file item by item, streaming, so an OpenSanctions export of a million entities
 * is never held whole. Every item has gone through checkWatchlistEntry, so a bad one carries
 * field problems and the others go on. Throws only when the file as a whole is unusable (no
 * CSV header, a header naming unknown or repeated columns).
 */
export async function* readWatchlistFile(path: string, format: WatchlistFileFormat = detectWatchlistFormat(path)): AsyncGenerator<WatchlistFileItem> {
  if (format === 'csv') yield* readCsv(path);
  else if (format === 'entries') yield* readJsonLines(path, (line, value) => ({ line, ...checkWatchlistEntry(value) }));
  else yield* readJsonLines(path, ftmEntityToItem);
}

/** The file's lines; the file is closed also when the reader stops early (closing readline alone leaves it open). */
async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path, { encoding: 'utf8' });
  try {
    yield* createInterface({ input, crlfDelay: Infinity });
  } finally {
    input.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/** CSV columns, matched case-insensitively. `removed` (true/false) lets a delta file withdraw entries. */
const CSV_COLUMNS = ['entryId', 'type', 'names', 'aliases', 'birthDates', 'countries', 'identifiers', 'topics', 'removed'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const LIST_COLUMNS = new Set<CsvColumn>(['names', 'aliases', 'birthDates', 'countries', 'topics']);

/** A quoted field left open this long is a stray quote, not a multi-line cell: reported, and reading goes on at the next line. */
const MAX_RECORD_CHARS = 1024 * 1024;

type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

/**
 * RFC 4180 records from physical lines: fields split on commas, quoted fields may hold commas,
 * doubled quotes and line breaks (read back as \n). A quote inside an unquoted field is kept
 * as text, as spreadsheets write it; text after a closing quote is an error. Blank lines are
 * skipped. The records are built as the lines come, so a long cell is not rescanned.
 */
async function* csvRecords(source: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let lineNumber = 0;
  let start = 0;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let size = 0;
  let error: string | null = null;
  const reset = () => {
    fields = [];
    field = '';
    quoted = inQuotes = false;
    size = 0;
    error = null;
  };
  for await (let text of source) {
    lineNumber++;
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!inQuotes) {
      if (text.trim() === '') continue;
      start = lineNumber;
    } else {
      field += '\n';
    }
    size += text.length + 1;
    for (let position = 0; position < text.length && error === null; position++) {
      const char = text[position];
      if (inQuotes) {
        if (char !== '"') field += char;
        else if (text[position + 1] === '"') {
          field += '"';
          position++;
        } else inQuotes = false;
      } else if (char === ',') {
        fields.push(field);
        field = '';
        quoted = false;
      } else if (quoted) {
        error = `has text after a closing quote (line ${lineNumber}, column ${position + 1})`;
      } else if (char === '"' && field === '') {
        quoted = inQuotes = true;
      } else {
        field += char;
      }
    }
    if (error !== null) {
      yield { line: start, error };
      reset();
      continue;
    }
    if (inQuotes) {
      if (size <= MAX_RECORD_CHARS) continue;
      yield { line: start, error: `has a quoted field not closed within ${MAX_RECORD_CHARS} characters` };
      reset();
      continue;
    }
    fields.push(field);
    yield { line: start, fields };
    reset();
  }
  if (inQuotes) yield { line: start, error: 'has a quoted field not closed by the end of the file' };
}

function csvHeader(fields: string[]): Array<CsvColumn | null> {
  const byLowerCase = new Map(CSV_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const header = fields.map((name) => byLowerCase.get(name.trim().toLowerCase()) ?? null);
  const unknown = fields.filter((_, position) => header[position] === null).map((name) => `"${name.trim()}"`);
  if (unknown.length > 0) throw new Error(`the CSV header names unknown columns ${unknown.join(', ')}: the columns are ${CSV_COLUMNS.join(', ')}`);
  const repeated = header.filter((column, position) => header.indexOf(column) !== position);
  if (repeated.length > 0) throw new Error(`the CSV header names ${[...new Set(repeated)].join(', ')} more than once`);
  if (!header.includes('entryId')) throw new Error(`the CSV header has no entryId column: the columns are ${CSV_COLUMNS.join(', ')}`);
  return header;
}

const listCell = (cell: string) =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * `type:value` or `type:value:CC`. The type ends at the first colon; a last segment of two
 * letters is the country, so a value may hold colons as long as it does not end in `:XX`.
 */
export function parseIdentifierCell(part: string): WatchlistIdentifier | null {
  const colon = part.indexOf(':');
  if (colon <= 0 || colon === part.length - 1) return null;
  const type = part.slice(0, colon);
  const rest = part.slice(colon + 1);
  const country = /^(.+):([A-Za-z]{2})$/.exec(rest);
  return country ? { type, value: country[1], country: country[2] } : { type, value: rest };
}

/** One CSV row as the entry it describes; empty cells are absent fields, list cells split on `;`. */
function csvRowToItem(line: number, header: Array<CsvColumn | null>, fields: string[]): WatchlistFileItem {
  if (fields.length !== header.length) return { line, problems: [{ field: 'line', reason: `has ${fields.length} fields where the header has ${header.length}` }] };
  const raw: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  header.forEach((column, position) => {
    const cell = fields[position].trim();
    if (column === null || cell === '') return;
    if (column === 'entryId' || column === 'type') raw[column] = cell;
    else if (LIST_COLUMNS.has(column)) raw[column] = listCell(cell);
    else if (column === 'removed') {
      const flag = cell.toLowerCase();
      if (['true', 'yes', '1'].includes(flag)) raw.removed = true;
      else if (['false', 'no', '0'].includes(flag)) raw.removed = false;
      else problems.push({ field: 'removed', reason: 'must be true or false' });
    } else {
      const parts = listCell(cell);
      const identifiers = parts.map(parseIdentifierCell);
      identifiers.forEach((identifier, index) => {
        if (!identifier) problems.push({ field: `identifiers[${index}]`, reason: 'must read type:value or type:value:COUNTRY' });
      });
      // With one unreadable, the others are not passed on: their indexes would no longer match the cell.
      if (identifiers.every((identifier) => identifier !== null)) raw.identifiers = identifiers;
    }
  });
  const checked = checkWatchlistEntry(raw);
  const all = [...problems, ...checked.problems];
  return all.length > 0 ? { line, problems: all } : { line, entry: checked.entry, problems: [] };
}

async function* readCsv(path: string): AsyncGenerator<WatchlistFileItem> {
  let header: Array<CsvColumn | null> | null = null;
  for await (const record of csvRecords(lines(path))) {
    if (header === null) {
      if ('error' in record) throw new Error(`the CSV header of ${path} is unreadable: it ${record.error}`);
      header = csvHeader(record.fields);
      continue;
    }
    if ('error' in record) yield { line: record.line, problems: [{ field: 'line', reason: record.error }] };
    else yield csvRowToItem(record.line, header, record.fields);
  }
  if (header === null) throw new Error(`${path} is empty: a CSV list file needs a header line (${CSV_COLUMNS.join(',')})`);
}

// ---------------------------------------------------------------------------------------------
// FollowTheMoney

const FTM_PERSON = new Set(['Person']);
const FTM_ORGANIZATION = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);
const FTM_COUNTRY_PROPERTIES = ['nationality', 'country', 'citizenship', 'jurisdiction'];
const FTM_IDENTIFIERS: Array<[property: string, type: string]> = [
  ['idNumber', 'national_id'],
  ['passportNumber', 'passport'],
  ['registrationNumber', 'registration'],
  ['innCode', 'tax_id'],
  ['taxNumber', 'tax_id'],
];

/**
 * OpenSanctions topics onto ours. `sanction.linked` (owned or controlled by, or family of, a
 * sanctioned party) counts as sanctions: the 50% rule makes such parties sanctioned in effect,
 * and a reviewer decides the hit. `sanction.counter` (a country's counter-sanctions against the
 * West) is not a sanction a bank here applies, and is dropped with every other unmapped topic.
 */
export function ftmTopics(topics: string[]): string[] {
  const mapped = new Set<string>();
  for (const topic of topics) {
    if (topic === 'sanction' || topic === 'sanction.linked') mapped.add('sanctions');
    else if (topic === 'role.pep' || topic === 'role.rca') mapped.add('pep');
    else if (topic === 'crime' || topic.startsWith('crime.')) mapped.add('crime');
    else if (topic === 'debarment') mapped.add('debarment');
  }
  return [...mapped];
}

/** A date as precise as it is valid: FtM dates are prefixes of ISO dates (`1961`, `1961-07`, `1961-07-04T…`). */
function ftmDate(value: string): string | null {
  const match = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(value.trim());
  if (!match) return null;
  for (const candidate of [match[0], match[1] + (match[2] ?? ''), match[1]]) if (partialDateProblem(candidate) === null) return candidate;
  return null;
}

/** A property's values: strings only (nested exports put entity objects in some properties), trimmed, non-empty. */
function values(properties: Record<string, unknown>, name: string): string[] {
  const value = properties[name];
  if (!Array.isArray(value)) return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

/**
 * One FollowTheMoney entity as a watchlist entry. Persons and organisations become entries;
 * the other schemas (Ownership, Sanction, Address, …) are statements about them and are skipped.
 * Names past the limit of an entry go on as aliases rather than rejecting a listed party.
 */
export function ftmEntityToItem(line: number, entity: unknown): WatchlistFileItem {
  if (typeof entity !== 'object' || entity === null || Array.isArray(entity)) return { line, problems: [{ field: 'line', reason: 'must be a JSON object (one FtM entity)' }] };
  const { id, schema, properties: rawProperties } = entity as { id?: unknown; schema?: unknown; properties?: unknown };
  if (typeof schema !== 'string' || schema === '') return { line, problems: [{ field: 'schema', reason: 'is required: an FtM schema such as Person or Company' }] };
  const type = FTM_PERSON.has(schema) ? 'person' : FTM_ORGANIZATION.has(schema) ? 'organization' : null;
  if (type === null) return { line, problems: [], skipped: `schema ${schema} is not a person or an organization` };
  const properties = typeof rawProperties === 'object' && rawProperties !== null && !Array.isArray(rawProperties) ? (rawProperties as Record<string, unknown>) : {};

  let names = values(properties, 'name');
  if (names.length === 0) {
    const full = [values(properties, 'firstName')[0], values(properties, 'lastName')[0]].filter((part) => part !== undefined).join(' ');
    if (full !== '') names = [full];
  }
  const distinct = [...new Set(names)];
  const aliases = [...distinct.slice(WATCHLIST_LIMITS.names), ...values(properties, 'alias'), ...values(properties, 'weakAlias')];
  const birthDates = values(properties, 'birthDate')
    .map(ftmDate)
    .filter((date): date is string => date !== null);
  const countries = FTM_COUNTRY_PROPERTIES.flatMap((name) => values(properties, name))
    .map((country) => country.toUpperCase())
    .filter((country) => /^[A-Z]{2}$/.test(country));
  const identifiers = FTM_IDENTIFIERS.flatMap(([name, kind]) => values(properties, name).map((value) => ({ type: kind, value })));
  const raw = { entryId: id, type, names: distinct.slice(0, WATCHLIST_LIMITS.names), aliases, birthDates, countries, identifiers, topics: ftmTopics(values(properties, 'topics')) };
  const checked = checkWatchlistEntry(raw);
  return checked.entry ? { line, entry: checked.entry, problems: [] } : { line, problems: checked.problems };
}

async function* readJsonLines(path: string, itemOf: (line: number, value: unknown) => WatchlistFileItem): AsyncGenerator<WatchlistFileItem> {
  let line = 0;
  for await (const text of lines(path)) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, problems: [{ field: 'line', reason: `is not valid JSON: ${(error as Error).message}` }] };
      continue;
    }
    yield itemOf(line, value);
  }
}
