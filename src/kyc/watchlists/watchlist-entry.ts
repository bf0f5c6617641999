import { createHash } from 'node:crypto';

/** What a listing is about; the risk score weighs each (RISK_SETTINGS.watchlistTopicWeights). */
export const WATCHLIST_TOPICS = ['sanctions', 'pep', 'crime', 'debarment', 'adverse-media'] as const;
export type WatchlistTopic = (typeof WATCHLIST_TOPICS)[number];

export interface WatchlistIdentifier {
  type: string;
  value: string;
  country?: string;
}

export interface WatchlistEntryInput {
  entryId: string;
  /** For a withdrawal (`removed: true`) sent without a type this reads 'person'; a withdrawal is never written as content. */
  type: 'person' | 'organization';
  /** Empty only for a withdrawal. */
  names: string[];
  aliases: string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: lists often know only the year. */
  birthDates: string[];
  /** ISO 3166 alpha-2, upper case. */
  countries: string[];
  identifiers: WatchlistIdentifier[];
  topics: string[];
  removed?: boolean;
}

export interface FieldProblem {
  /** Path of the offending field, e.g. `names[0]` or `identifiers[1].type`. */
  field: string;
  reason: string;
}

const KNOWN_FIELDS = new Set(['entryId', 'type', 'names', 'aliases', 'birthDates', 'countries', 'identifiers', 'topics', 'removed']);
const IDENTIFIER_FIELDS = new Set(['type', 'value', 'country']);
const ENTRY_ID = /^[A-Za-z0-9._:\/-]+$/;
const LIST_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Bounds on one entry, so that a bad feed cannot write huge nodes; sanctions lists stay far below. */
export const WATCHLIST_LIMITS = {
  entryIdLength: 200,
  nameLength: 500,
  names: 50,
  aliases: 500,
  birthDates: 50,
  countries: 50,
  identifiers: 100,
  identifierTypeLength: 50,
  identifierValueLength: 200,
} as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Why `value` is not a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` calendar date, or null when it is one.
 * Checked by hand rather than through Date, which rolls 1980-02-30 over into March.
 */
export function partialDateProblem(value: string): string | null {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD';
  const [, year, month, day] = match;
  if (Number(year) < 1000) return `has no year ${year}`;
  if (month === undefined) return null;
  if (Number(month) < 1 || Number(month) > 12) return `has no month ${month}`;
  if (day === undefined) return null;
  const days = [31, isLeapYear(Number(year)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(month) - 1];
  if (Number(day) < 1 || Number(day) > days) return `is not a calendar date: ${year}-${month} has ${days} days`;
  return null;
}

/** The path parameter naming a list (`sanctions-eu`, `internal_pep`): used as is in keys, so it is not transformed. */
export function checkListName(list: string): FieldProblem | null {
  if (typeof list === 'string' && LIST_NAME.test(list)) return null;
  return { field: 'list', reason: 'must be 1 to 64 lower-case letters, digits, _ or -, starting with a letter or digit' };
}

/**
 * One optional (or required) array of strings: every item trimmed and non-empty, duplicates
 * dropped (first kept), at most `max` after that. Problems name the item by its index as sent.
 */
function stringList(
  raw: Record<string, unknown>,
  field: string,
  problems: FieldProblem[],
  check: (value: string) => string | null,
  options: { max: number; required?: boolean },
  normalise: (value: string) => string = (value) => value,
): string[] {
  const value = raw[field];
  if (value === undefined || value === null) {
    if (options.required) problems.push({ field, reason: 'is required' });
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push({ field, reason: 'must be an array of strings' });
    return [];
  }
  const seen = new Set<string>();
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') {
      problems.push({ field: `${field}[${index}]`, reason: 'must be a non-empty string' });
      return;
    }
    const text = normalise(item.trim());
    const reason = check(text);
    if (reason) problems.push({ field: `${field}[${index}]`, reason });
    else seen.add(text);
  });
  if (options.required && value.length === 0) problems.push({ field, reason: 'must hold at least one item' });
  if (seen.size > options.max) problems.push({ field, reason: `must hold at most ${options.max} distinct items (got ${seen.size})` });
  return [...seen];
}

const nameProblem = (value: string) => (value.length > WATCHLIST_LIMITS.nameLength ? `must be at most ${WATCHLIST_LIMITS.nameLength} characters` : null);
const countryProblem = (value: string) => (COUNTRY.test(value) ? null : 'must be an ISO 3166 alpha-2 country code (2 letters)');
const topicProblem = (value: string) => ((WATCHLIST_TOPICS as readonly string[]).includes(value) ? null : `is not a known topic: use ${WATCHLIST_TOPICS.join(', ')}`);

function identifierList(raw: Record<string, unknown>, problems: FieldProblem[]): WatchlistIdentifier[] {
  const value = raw.identifiers;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ field: 'identifiers', reason: 'must be an array of { type, value, country? }' });
    return [];
  }
  const found = new Map<string, WatchlistIdentifier>();
  value.forEach((item, index) => {
    const at = `identifiers[${index}]`;
    if (!isObject(item)) {
      problems.push({ field: at, reason: 'must be an object { type, value, country? }' });
      return;
    }
    const before = problems.length;
    for (const key of Object.keys(item)) if (!IDENTIFIER_FIELDS.has(key)) problems.push({ field: `${at}.${key}`, reason: 'is not a known field' });
    const type = typeof item.type === 'string' ? item.type.trim().toLowerCase() : '';
    const { identifierTypeLength, identifierValueLength } = WATCHLIST_LIMITS;
    if (type === '') problems.push({ field: `${at}.type`, reason: 'must be a non-empty string' });
    else if (type.length > identifierTypeLength) problems.push({ field: `${at}.type`, reason: `must be at most ${identifierTypeLength} characters` });
    const text = typeof item.value === 'string' ? item.value.trim() : '';
    if (text === '') problems.push({ field: `${at}.value`, reason: 'must be a non-empty string' });
    else if (text.length > identifierValueLength) problems.push({ field: `${at}.value`, reason: `must be at most ${identifierValueLength} characters` });
    let country: string | undefined;
    if (item.country !== undefined && item.country !== null) {
      country = typeof item.country === 'string' ? item.country.trim().toUpperCase() : '';
      if (!COUNTRY.test(country)) problems.push({ field: `${at}.country`, reason: 'must be an ISO 3166 alpha-2 country code (2 letters)' });
    }
    if (problems.length > before) return;
    const identifier: WatchlistIdentifier = country ? { type, value: text, country } : { type, value: text };
    found.set(JSON.stringify([type, text, country ?? null]), identifier);
  });
  if (found.size > WATCHLIST_LIMITS.identifiers) problems.push({ field: 'identifiers', reason: `must hold at most ${WATCHLIST_LIMITS.identifiers} distinct items (got ${found.size})` });
  return [...found.values()];
}

/**
 * Checks one watchlist entry as sent (API body item or a line of a list file) and gives it
 * back normalised: strings trimmed, arrays de-duplicated, countries upper-cased, topics and
 * identifier types lower-cased, aliases that repeat a name dropped. Every problem is reported,
 * by field path, so a rejected item can be fixed in one go; `entry` is set only when there is
 * none. A withdrawal (`removed: true`) needs only its entryId.
 */
export function checkWatchlistEntry(raw: unknown): { entry?: WatchlistEntryInput; problems: FieldProblem[] } {
  if (!isObject(raw)) return { problems: [{ field: '', reason: 'must be a JSON object' }] };
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) problems.push({ field: key, reason: 'is not a known field' });

  let removed: boolean | undefined;
  if (raw.removed !== undefined && raw.removed !== null) {
    if (typeof raw.removed === 'boolean') removed = raw.removed;
    else problems.push({ field: 'removed', reason: 'must be true or false' });
  }
  const withdrawal = removed === true;

  const entryId = typeof raw.entryId === 'string' ? raw.entryId.trim() : '';
  if (raw.entryId === undefined || raw.entryId === null) problems.push({ field: 'entryId', reason: 'is required' });
  else if (typeof raw.entryId !== 'string' || entryId === '') problems.push({ field: 'entryId', reason: 'must be a non-empty string' });
  else if (entryId.length > WATCHLIST_LIMITS.entryIdLength) problems.push({ field: 'entryId', reason: `must be at most ${WATCHLIST_LIMITS.entryIdLength} characters` });
  else if (!ENTRY_ID.test(entryId)) problems.push({ field: 'entryId', reason: 'may hold only letters, digits and . _ : / -' });

  let type: WatchlistEntryInput['type'] = 'person';
  if (raw.type === undefined || raw.type === null) {
    if (!withdrawal) problems.push({ field: 'type', reason: 'is required: person or organization' });
  } else if (raw.type === 'person' || raw.type === 'organization') type = raw.type;
  else problems.push({ field: 'type', reason: 'must be person or organization' });

  const names = stringList(raw, 'names', problems, nameProblem, { max: WATCHLIST_LIMITS.names, required: !withdrawal });
  const aliases = stringList(raw, 'aliases', problems, nameProblem, { max: WATCHLIST_LIMITS.aliases }).filter((alias) => !names.includes(alias));
  const birthDates = stringList(raw, 'birthDates', problems, partialDateProblem, { max: WATCHLIST_LIMITS.birthDates });
  const countries = stringList(raw, 'countries', problems, countryProblem, { max: WATCHLIST_LIMITS.countries }, (value) => value.toUpperCase());
  const identifiers = identifierList(raw, problems);
  const topics = stringList(raw, 'topics', problems, topicProblem, { max: WATCHLIST_TOPICS.length }, (value) => value.toLowerCase());

  if (problems.length > 0) return { problems };
  const entry: WatchlistEntryInput = { entryId, type, names, aliases, birthDates, countries, identifiers, topics };
  if (removed !== undefined) entry.removed = removed;
  return { entry, problems };
}

const sorted = (values: string[]) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * A content hash of an entry, so that a reload can tell an unchanged entry from a changed one
 * without comparing field by field: sha256 of a canonical JSON (fixed key order, every list
 * sorted). Order within a list is not content, and `removed` is an instruction, not content.
 */
export function watchlistEntryHash(entry: WatchlistEntryInput): string {
  const identifiers = entry.identifiers
    .map((identifier) => [identifier.type, identifier.value, identifier.country ?? null] as const)
    .sort((a, b) => {
      const left = JSON.stringify(a);
      const right = JSON.stringify(b);
      return left < right ? -1 : left > right ? 1 : 0;
    });
  const canonical = {
    entryId: entry.entryId,
    type: entry.type,
    names: sorted(entry.names),
    aliases: sorted(entry.aliases),
    birthDates: sorted(entry.birthDates),
    countries: sorted(entry.countries),
    identifiers,
    topics: sorted(entry.topics),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
