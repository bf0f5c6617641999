import { jaroWinkler } from '../../resolution/compare/jaro-winkler';
import { formalGivenNames } from '../../resolution/normalise/nicknames';
import { GENERIC_ORGANIZATION_WORDS, NAME_PARTICLES, type ScreeningNameType, canonicalNameToken, canonicalToken, foldName, foldOrganizationName } from './screening-names';

export interface ScreeningSubject {
  names: string[];
  type?: ScreeningNameType;
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  birthDates?: string[];
  /** ISO 3166 alpha-2, upper-case. */
  countries?: string[];
  /** Document numbers (passport, national id, registration), any punctuation. */
  identifiers?: string[];
}

export interface ScreeningEntryInput {
  names: string[];
  aliases: string[];
  type: ScreeningNameType;
  birthDates: string[];
  countries: string[];
  identifiers?: string[];
}

export interface PreparedName {
  /** The name as written. */
  text: string;
  /** Canonical tokens (nickname and transliteration folded). */
  tokens: string[];
  /** Folded tokens: upper-case ASCII, titles or legal forms dropped. */
  raw: string[];
  /** Each token's index in the owner's TokenVocabulary. */
  ids: number[];
  /** Canonical tokens joined without spaces: ABDUL RAHMAN and ABDULRAHMAN are the same name. */
  joined: string;
}

/**
 * The distinct tokens of one subject's or entry's names, with everything comparing them needs,
 * so that a token pair shared by several names or aliases is compared once per score.
 */
export interface TokenVocabulary {
  raw: string[];
  canonical: string[];
  /** Transliteration-folded without nickname mapping: equal canonical but different spelling means a nickname (BOB ~ ROBERT). */
  spelling: string[];
  /** Every formal name a person's token may stand for (JON → JOHN, JONATHAN); null for organisations. */
  formals: Array<readonly string[]> | null;
  /** Short tokens, particles and generic organisation words count less. */
  weights: number[];
  /** Letters present in the canonical token, one bit each, for a cheap bound before Jaro-Winkler. */
  letters: number[];
}

export interface ParsedBirthDate {
  text: string;
  year: number;
  /** 0 when not known. */
  month: number;
  /** 0 when not known. */
  day: number;
}

export interface PreparedSubject {
  type?: ScreeningNameType;
  /** Names prepared by the subject's type (as a person when the type is not given). */
  names: PreparedName[];
  vocabulary: TokenVocabulary;
  /** Names prepared as an organisation, used against organisation entries; the same as names unless the type is not given. */
  organizationNames: PreparedName[];
  organizationVocabulary: TokenVocabulary;
  birthDates: ParsedBirthDate[];
  countries: string[];
  identifiers: string[];
}

export interface PreparedEntry {
  type: ScreeningNameType;
  /** Names first, then aliases. */
  names: PreparedName[];
  vocabulary: TokenVocabulary;
  birthDates: ParsedBirthDate[];
  countries: string[];
  identifiers: string[];
}

export interface ScreeningFactor {
  factor: string;
  /** Signed contribution to the score. */
  effect: number;
  detail: string;
}

export interface ScreeningScore {
  /** 0..1, rounded to 3 decimals. */
  score: number;
  nameScore: number;
  /** The entry name or alias that matched best, as written. */
  matchedName: string;
  subjectName: string;
  factors: ScreeningFactor[];
}

export interface ScreeningThresholds {
  /** Below this name score an entry is not a result at all. */
  nameMinimum: number;
  /** Score at which a screening result counts as a hit. */
  hit: number;
}

export const DEFAULT_SCREENING_THRESHOLDS: ScreeningThresholds = { nameMinimum: 0.7, hit: 0.85 };

/** Same canonical token reached only through the nickname table: strong, but not a spelling match. */
const NICKNAME_SIMILARITY = 0.95;
/** Names that may stand for the same formal name (JON ~ JONATHAN). */
const EQUIVALENT_SIMILARITY = 0.92;
/** An initial against a token starting with that letter (V. ~ VIKTOR). */
const INITIAL_SIMILARITY = 0.85;
/** A fuzzy spelling never reaches a nickname or exact match. */
const FUZZY_CEILING = 0.94;
/** Jaro-Winkler at or below this is no evidence at all; above FUZZY_FULL it counts as is, in between it is scaled down. */
const FUZZY_FLOOR = 0.6;
const FUZZY_FULL = 0.9;
/** Per letter of length difference beyond the first, taken off Jaro-Winkler. */
const LENGTH_GAP_PENALTY = 0.05;
/** Only spaces differ (ABDUL RAHMAN ~ ABDULRAHMAN). */
const JOINED_SIMILARITY = 0.97;
/** Per extra token of the longer name when 2+ tokens of the shorter matched: a missing middle name or patronymic. */
const EXTRA_TOKEN_FACTOR = 0.95;
/** Per extra token when the shorter name has a single matched token: one shared surname is weak evidence. */
const EXTRA_TOKEN_FACTOR_SINGLE = 0.8;

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Short tokens count less (AL, BIN, initials), and so do particles and generic organisation words. */
function tokenWeight(token: string, type: ScreeningNameType): number {
  if (type === 'person' ? NAME_PARTICLES.has(token) : GENERIC_ORGANIZATION_WORDS.has(token)) return 0.4;
  if (token.length === 1) return 0.5;
  if (token.length === 2) return 0.6;
  if (token.length === 3) return 0.8;
  return 1;
}

/** One bit per letter (digits share six bits: an over-count only loosens the bound). */
function letterBit(code: number): number {
  return code >= 65 ? 1 << (code - 65) : 1 << (26 + ((code - 48) % 6));
}

function letterMask(token: string): number {
  let mask = 0;
  for (let i = 0; i < token.length; i++) mask |= letterBit(token.charCodeAt(i));
  return mask;
}

/** Names of one type with their shared vocabulary; names that fold to nothing are left out. */
export function prepareNames(texts: string[], type: ScreeningNameType): { names: PreparedName[]; vocabulary: TokenVocabulary } {
  const vocabulary: TokenVocabulary = { raw: [], canonical: [], spelling: [], formals: type === 'person' ? [] : null, weights: [], letters: [] };
  const index = new Map<string, number>();
  const names: PreparedName[] = [];
  for (const text of texts) {
    const raw = type === 'organization' ? foldOrganizationName(text) : foldName(text);
    if (raw.length === 0) continue;
    const ids = raw.map((token) => {
      let id = index.get(token);
      if (id === undefined) {
        id = vocabulary.raw.length;
        index.set(token, id);
        const canonical = canonicalNameToken(token, type);
        vocabulary.raw.push(token);
        vocabulary.canonical.push(canonical);
        vocabulary.spelling.push(canonicalToken(token, false));
        vocabulary.formals?.push(NAME_PARTICLES.has(token) ? [token] : formalGivenNames(token));
        vocabulary.weights.push(tokenWeight(token, type));
        vocabulary.letters.push(letterMask(canonical));
      }
      return id;
    });
    const tokens = ids.map((id) => vocabulary.canonical[id]);
    names.push({ text, tokens, raw, ids, joined: tokens.join('') });
  }
  return { names, vocabulary };
}

function parseBirthDates(dates: string[] | undefined): ParsedBirthDate[] {
  const parsed: ParsedBirthDate[] = [];
  for (const text of dates ?? []) {
    const match = DATE_PATTERN.exec(text.trim());
    if (!match) continue;
    const month = match[2] ? Number(match[2]) : 0;
    const day = match[3] ? Number(match[3]) : 0;
    if (month > 12 || day > 31) continue;
    parsed.push({ text: text.trim(), year: Number(match[1]), month, day });
  }
  return parsed;
}

function parseCountries(countries: string[] | undefined): string[] {
  const parsed: string[] = [];
  for (const country of countries ?? []) {
    const code = country.trim().toUpperCase();
    if (code && !parsed.includes(code)) parsed.push(code);
  }
  return parsed;
}

export function prepareSubject(subject: ScreeningSubject): PreparedSubject {
  const prepared = prepareNames(subject.names, subject.type === 'organization' ? 'organization' : 'person');
  const asOrganization = subject.type === undefined ? prepareNames(subject.names, 'organization') : prepared;
  return {
    type: subject.type,
    names: prepared.names,
    vocabulary: prepared.vocabulary,
    organizationNames: asOrganization.names,
    organizationVocabulary: asOrganization.vocabulary,
    birthDates: parseBirthDates(subject.birthDates),
    countries: parseCountries(subject.countries),
    identifiers: cleanIdentifiers(subject.identifiers),
  };
}

export function prepareEntry(entry: ScreeningEntryInput): PreparedEntry {
  const prepared = prepareNames([...entry.names, ...entry.aliases], entry.type);
  return {
    type: entry.type,
    names: prepared.names,
    vocabulary: prepared.vocabulary,
    birthDates: parseBirthDates(entry.birthDates),
    countries: parseCountries(entry.countries),
    identifiers: cleanIdentifiers(entry.identifiers),
  };
}

/** Document numbers compared by their letters and digits only; very short ones say nothing. */
function cleanIdentifiers(values: string[] | undefined): string[] {
  const cleaned = (values ?? []).map((value) => value.toUpperCase().replace(/[^A-Z0-9]/g, '')).filter((value) => value.length >= 5);
  return [...new Set(cleaned)];
}

/** IDENTIFIER_MATCH_EFFECT: a shared passport or registration number is near proof of identity. */
const IDENTIFIER_MATCH_EFFECT = 0.15;

function identifierFactor(subject: string[], entry: string[]): ScreeningFactor {
  if (subject.length === 0 || entry.length === 0) return { factor: 'identifier', effect: 0, detail: 'no document number to compare' };
  const shared = subject.filter((value) => entry.includes(value));
  return shared.length > 0
    ? { factor: 'identifier', effect: IDENTIFIER_MATCH_EFFECT, detail: `same document number (${shared.length})` }
    : { factor: 'identifier', effect: 0, detail: 'no document number in common' };
}

// Scratch space reused across calls, so scoring allocates nothing per name or token pair.
let pairCache = new Float64Array(256);
let pairStride = 0;
let similarity = new Float64Array(64);
let usedA = new Uint8Array(8);
let usedB = new Uint8Array(8);

function sharesFormal(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}

/** Jaro-Winkler cannot beat FUZZY_FLOOR: too few letters in common, even if all of them matched in order. */
function hopelessSpelling(x: string, letterX: number, y: string, letterY: number): boolean {
  let commonX = 0;
  for (let i = 0; i < x.length; i++) if (letterY & letterBit(x.charCodeAt(i))) commonX++;
  let commonY = 0;
  for (let j = 0; j < y.length; j++) if (letterX & letterBit(y.charCodeAt(j))) commonY++;
  const matches = Math.min(commonX, commonY);
  if (matches === 0) return true;
  const jaro = (matches / x.length + matches / y.length + 1) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < x.length && prefix < y.length && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro) <= FUZZY_FLOOR;
}

function tokenSimilarity(a: TokenVocabulary, i: number, b: TokenVocabulary, j: number): number {
  const x = a.canonical[i];
  const y = b.canonical[j];
  if (a.spelling[i] === b.spelling[j]) return 1;
  if (x === y) return NICKNAME_SIMILARITY;
  const rawX = a.raw[i];
  const rawY = b.raw[j];
  if (rawX.length === 1 || rawY.length === 1) {
    if (rawX.length === rawY.length) return 0;
    return x.charCodeAt(0) === y.charCodeAt(0) || rawX.charCodeAt(0) === rawY.charCodeAt(0) ? INITIAL_SIMILARITY : 0;
  }
  if (a.formals && b.formals && sharesFormal(a.formals[i], b.formals[j])) return EQUIVALENT_SIMILARITY;
  if (hopelessSpelling(x, a.letters[i], y, b.letters[j])) return 0;
  // Jaro-Winkler forgives a long tail after a shared prefix; SMITH and SMITHERS, JOHN and JOHNSON are different names.
  const lengthGap = x.length > y.length ? x.length - y.length : y.length - x.length;
  const jw = jaroWinkler(x, y) - (lengthGap > 1 ? (lengthGap - 1) * LENGTH_GAP_PENALTY : 0);
  if (jw >= FUZZY_FULL) return Math.min(jw, FUZZY_CEILING);
  if (jw <= FUZZY_FLOOR) return 0;
  return (FUZZY_FULL * (jw - FUZZY_FLOOR)) / (FUZZY_FULL - FUZZY_FLOOR);
}

/** Clears the per-score cache of token-pair similarities for these two vocabularies. */
function resetPairCache(a: TokenVocabulary, b: TokenVocabulary): void {
  const size = a.raw.length * b.raw.length;
  if (pairCache.length < size) pairCache = new Float64Array(size * 2);
  pairCache.fill(-1, 0, size);
  pairStride = b.raw.length;
}

function ensureScratch(n: number, m: number): void {
  if (similarity.length < n * m) similarity = new Float64Array(n * m * 2);
  if (usedA.length < n) usedA = new Uint8Array(n * 2);
  if (usedB.length < m) usedB = new Uint8Array(m * 2);
}

interface AlignedPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * Order-independent token alignment: tokens pair greedily by similarity (best pair first),
 * the score is the weighted mean similarity of the pairs, where an unmatched token of the
 * shorter name counts as a zero pair, and each extra token of the longer name (a missing
 * middle name) costs a small factor. Needs resetPairCache(va, vb) first; pairs go to `record` when given.
 */
function alignNames(a: PreparedName, va: TokenVocabulary, b: PreparedName, vb: TokenVocabulary, record?: AlignedPair[]): number {
  const n = a.ids.length;
  const m = b.ids.length;
  if (n === 0 || m === 0) return 0;
  ensureScratch(n, m);
  // Locals, not the module's lets, in the loops: V8 keeps them in registers.
  const matrix = similarity;
  const takenA = usedA;
  const takenB = usedB;
  const cache = pairCache;
  const stride = pairStride;
  const idsA = a.ids;
  const idsB = b.ids;
  const weightsA = va.weights;
  const weightsB = vb.weights;
  for (let i = 0; i < n; i++) {
    takenA[i] = 0;
    const row = idsA[i] * stride;
    for (let j = 0; j < m; j++) {
      let value = cache[row + idsB[j]];
      if (value < 0) {
        value = tokenSimilarity(va, idsA[i], vb, idsB[j]);
        cache[row + idsB[j]] = value;
      }
      matrix[i * m + j] = value;
    }
  }
  for (let j = 0; j < m; j++) takenB[j] = 0;
  let numerator = 0;
  let denominator = 0;
  let matched = 0;
  const pairs = n < m ? n : m;
  for (let k = 0; k < pairs; k++) {
    let best = 0;
    let bestI = -1;
    let bestJ = -1;
    let bestWeight = 0;
    for (let i = 0; i < n; i++) {
      if (takenA[i]) continue;
      for (let j = 0; j < m; j++) {
        if (takenB[j]) continue;
        const value = matrix[i * m + j];
        if (value <= 0 || value < best) continue;
        // Among equal similarities the heavier pair wins, so a surname is not spent on an initial.
        const weight = weightsA[idsA[i]] + weightsB[idsB[j]];
        if (value > best || weight > bestWeight) {
          best = value;
          bestI = i;
          bestJ = j;
          bestWeight = weight;
        }
      }
    }
    if (bestI < 0) break;
    takenA[bestI] = 1;
    takenB[bestJ] = 1;
    numerator += (bestWeight / 2) * best;
    denominator += bestWeight / 2;
    matched++;
    if (record) record.push({ a: bestI, b: bestJ, similarity: best });
  }
  // Unmatched tokens of the shorter name are zero pairs; with equal lengths both sides share the blame.
  let unmatchedA = 0;
  let unmatchedB = 0;
  for (let i = 0; i < n; i++) if (!takenA[i]) unmatchedA += weightsA[idsA[i]];
  for (let j = 0; j < m; j++) if (!takenB[j]) unmatchedB += weightsB[idsB[j]];
  denominator += n < m ? unmatchedA : n > m ? unmatchedB : (unmatchedA + unmatchedB) / 2;
  if (denominator === 0) return 0;
  let score = numerator / denominator;
  for (let extra = n > m ? n - m : m - n; extra > 0; extra--) score *= matched >= 2 ? EXTRA_TOKEN_FACTOR : EXTRA_TOKEN_FACTOR_SINGLE;
  if (a.joined === b.joined && score < JOINED_SIMILARITY) {
    score = JOINED_SIMILARITY;
    if (record) record.length = 0;
  }
  return score;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

function describeName(a: PreparedName, va: TokenVocabulary, b: PreparedName, vb: TokenVocabulary): string {
  const pairs: AlignedPair[] = [];
  alignNames(a, va, b, vb, pairs);
  const subjectText = a.raw.join(' ');
  if (pairs.length === 0) return `'${subjectText}' ~ '${b.text}': same letters, different spacing`;
  const parts = pairs.map((pair) => (pair.similarity === 1 ? `${a.raw[pair.a]}=${b.raw[pair.b]}` : `${a.raw[pair.a]}~${b.raw[pair.b]} ${round3(pair.similarity)}`));
  for (let i = 0; i < a.raw.length; i++) if (!pairs.some((pair) => pair.a === i)) parts.push(`${a.raw[i]} unmatched`);
  for (let j = 0; j < b.raw.length; j++) if (!pairs.some((pair) => pair.b === j)) parts.push(`${b.raw[j]} unmatched`);
  return `'${subjectText}' ~ '${b.text}': tokens ${parts.join(', ')}`;
}

function birthDateFactor(subject: ParsedBirthDate[], entry: ParsedBirthDate[]): ScreeningFactor {
  if (subject.length === 0 || entry.length === 0) return { factor: 'birthDate', effect: 0, detail: 'no birth date to compare' };
  let best: ScreeningFactor | null = null;
  for (const x of subject) {
    for (const y of entry) {
      const factor = compareBirthDates(x, y);
      if (!best || factor.effect > best.effect) best = factor;
    }
  }
  return best!;
}

function compareBirthDates(x: ParsedBirthDate, y: ParsedBirthDate): ScreeningFactor {
  const full = x.day > 0 && y.day > 0;
  if (x.year === y.year) {
    if (full && x.month === y.month && x.day === y.day) return { factor: 'birthDate', effect: 0.05, detail: `birth date ${x.text} matches` };
    if (full && x.month === y.day && x.day === y.month) return { factor: 'birthDate', effect: 0.03, detail: `birth dates ${x.text} and ${y.text}: day and month transposed` };
    return { factor: 'birthDate', effect: 0.02, detail: `same birth year ${x.year} (${x.text} vs ${y.text})` };
  }
  const apart = Math.abs(x.year - y.year);
  const detail = `birth years ${x.year} and ${y.year} are ${apart} apart`;
  if (apart === 1) return { factor: 'birthDate', effect: 0, detail };
  return { factor: 'birthDate', effect: apart > 5 ? -0.25 : -0.15, detail };
}

function countryFactor(subject: string[], entry: string[]): ScreeningFactor {
  if (subject.length === 0 || entry.length === 0) return { factor: 'country', effect: 0, detail: 'no country to compare' };
  const shared = subject.filter((country) => entry.includes(country));
  if (shared.length > 0) return { factor: 'country', effect: 0.03, detail: `shared country ${shared.join(', ')}` };
  return { factor: 'country', effect: -0.05, detail: `countries ${subject.join(', ')} and ${entry.join(', ')} do not overlap` };
}

function typeFactor(subject: ScreeningNameType | undefined, entry: ScreeningNameType): ScreeningFactor {
  if (!subject) return { factor: 'type', effect: 0, detail: `subject type not given, entry is ${entry}` };
  if (subject !== entry) return { factor: 'type', effect: -0.3, detail: `subject is ${subject}, entry is ${entry}` };
  return { factor: 'type', effect: 0, detail: `both ${entry}` };
}

/**
 * Score one prepared subject against one prepared watchlist entry: the best name alignment over
 * every subject name × entry name or alias, adjusted by birth date, country and type. Null when
 * no name reaches thresholds.nameMinimum. Factors: name (effect = name score), birthDate, country, type.
 */
export function scoreScreening(subject: PreparedSubject, entry: PreparedEntry, thresholds: ScreeningThresholds = DEFAULT_SCREENING_THRESHOLDS): ScreeningScore | null {
  const asOrganization = entry.type === 'organization';
  const names = asOrganization ? subject.organizationNames : subject.names;
  const vocabulary = asOrganization ? subject.organizationVocabulary : subject.vocabulary;
  if (names.length === 0 || entry.names.length === 0) return null;
  resetPairCache(vocabulary, entry.vocabulary);
  let best = 0;
  let bestSubject: PreparedName | null = null;
  let bestEntry: PreparedName | null = null;
  for (const a of names) {
    for (const b of entry.names) {
      const value = alignNames(a, vocabulary, b, entry.vocabulary);
      if (value > best) {
        best = value;
        bestSubject = a;
        bestEntry = b;
      }
    }
    if (best >= 1) break;
  }
  if (!bestSubject || !bestEntry || best < thresholds.nameMinimum) return null;
  const nameScore = round3(best);
  const factors: ScreeningFactor[] = [
    { factor: 'name', effect: nameScore, detail: describeName(bestSubject, vocabulary, bestEntry, entry.vocabulary) },
    birthDateFactor(subject.birthDates, entry.birthDates),
    countryFactor(subject.countries, entry.countries),
    typeFactor(subject.type, entry.type),
    identifierFactor(subject.identifiers, entry.identifiers),
  ];
  let total = 0;
  for (const factor of factors) total += factor.effect;
  return {
    score: round3(Math.min(1, Math.max(0, total))),
    nameScore,
    matchedName: bestEntry.text,
    subjectName: bestSubject.text,
    factors,
  };
}
