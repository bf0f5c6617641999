import { distance } from 'fastest-levenshtein';
import type { NormalisedAddress, NormalisedRecord } from '../resolution.types';
import { jaroWinkler } from './jaro-winkler';
import { phoneticKey } from './phonetic-key';
import { emailsCarryBirthYear } from '../normalise/contacts';
import { formalGivenNames, givenNamesEquivalent, isDiminutiveOf, variantsOf } from '../normalise/nicknames';

/**
 * Each comparator returns the name of the level two records reach, or null when either side
 * has no value. Level names match the settings file; the first level that holds wins.
 */
export type Comparator = (a: NormalisedRecord, b: NormalisedRecord) => string | null;

/** Family tokens of b against a's, order-free: exact on any token, else the closest pair. */
function familyLevel(a: string[], b: string[]): string | null {
  if (a.length === 0 || b.length === 0) return null;
  const joinedA = a.join('');
  const joinedB = b.join('');
  if (joinedA === joinedB || a.some((token) => token.length > 1 && b.includes(token))) return 'exact';
  let bestJw = jaroWinkler(joinedA, joinedB);
  let bestEdit = distance(joinedA, joinedB);
  for (const x of a) for (const y of b) {
    bestJw = Math.max(bestJw, jaroWinkler(x, y));
    // Two neighbours swapped count as one slip (WODO, WOOD), as in closeSpelling.
    bestEdit = Math.min(bestEdit, x.length === y.length && oneSlipApart(x, y) ? 1 : distance(x, y));
  }
  if (bestJw >= 0.94) return 'jaro_winkler_0.94';
  // Two slips in a long name, one in a short one (ZENG and ZCNG, SUN and SUDN).
  const shorter = Math.min(joinedA.length, joinedB.length);
  if ((bestEdit <= 2 && shorter >= 5) || (bestEdit <= 1 && shorter >= 3)) return 'levenshtein_2';
  if (phoneticKey(joinedA) === phoneticKey(joinedB)) return 'phonetic';
  return 'else';
}

function givenLevel(a: NormalisedRecord, b: NormalisedRecord): string | null {
  if (a.given.length === 0 || b.given.length === 0) return null;
  // Any shared token counts: a middle name used as the first name is still the same name.
  if (a.givenRaw.some((token) => token.length > 1 && b.givenRaw.includes(token))) return 'exact';
  if (a.givenRaw.some((x) => x.length > 1 && b.givenRaw.some((y) => y.length > 1 && isDiminutiveOf(x, y)))) return 'nickname';
  if (a.givenRaw.some((x) => x.length > 1 && b.givenRaw.some((y) => y.length > 1 && givenNamesEquivalent(x, y)))) return 'equivalent';
  const x = a.givenRaw[0];
  const y = b.givenRaw[0];
  if (x.length > 1 && y.length > 1 && (jaroWinkler(x, y) >= 0.92 || closeSpelling(x, y) || typoOfVariant(x, y) || typoOfVariant(y, x))) return 'jaro_winkler_0.92';
  // A name split by a stray space (BR INLRY for BRINLEY) is compared whole.
  if (a.givenRaw.length > 1 || b.givenRaw.length > 1) {
    const joinedX = a.givenRaw.join('');
    const joinedY = b.givenRaw.join('');
    if (jaroWinkler(joinedX, joinedY) >= 0.92 || closeSpelling(joinedX, joinedY)) return 'jaro_winkler_0.92';
  }
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return 'initial';
  // A compound given name written as its initials run together (JP for Jean Pierre).
  const initialsOf = (tokens: string[]) => (tokens.length > 1 ? tokens.map((token) => token[0]).join('') : '');
  if (initialsOf(a.givenRaw) === y || initialsOf(b.givenRaw) === x) return 'initial';
  if (a.givenPhonetic && a.givenPhonetic === b.givenPhonetic) return 'phonetic';
  return 'else';
}

/**
 * One slip in a name of 4+ letters (two neighbouring letters swapped count as one: PADYD, PADDY),
 * two in a name of 7+. A three-letter name only with two neighbours swapped (AHO, HAO): another
 * slip there mostly makes another name (JIN, JUN).
 */
function closeSpelling(x: string, y: string): boolean {
  const shorter = Math.min(x.length, y.length);
  if (shorter === 3) return x.length === y.length && x !== y && distance(x, y) === 2 && oneSlipApart(x, y);
  if (shorter < 4) return false;
  return shorter >= 7 ? distance(x, y) <= 2 : oneSlipApart(x, y);
}

/** A nickname with a typo (BTERT ~ BERT ~ ROBERT). */
function typoOfVariant(x: string, y: string): boolean {
  if (x.length < 4) return false;
  for (const formal of formalGivenNames(y)) {
    if (closeSpelling(x, formal)) return true;
    for (const variant of variantsOf(formal)) if (variant.length >= 4 && closeSpelling(x, variant)) return true;
  }
  return false;
}

/** Localities equal but for spacing or one keying slip (MOUNT C OLAH, MOUNT COLAH; MODNURY, MODBURY). */
function sameLocality(x: string, y: string): boolean {
  if (!x || !y) return false;
  if (x === y) return true;
  const joinedX = x.replace(/ /g, '');
  const joinedY = y.replace(/ /g, '');
  return joinedX === joinedY || (Math.min(joinedX.length, joinedY.length) >= 5 && oneSlipApart(joinedX, joinedY));
}

/** The same house number and street, with one slip in the postcode or in the locality's spelling. */
function sameDwellingWithSlip(x: NormalisedAddress, y: NormalisedAddress): boolean {
  if (!x.number || !x.street || x.number !== y.number || x.street !== y.street || x.country !== y.country) return false;
  return (x.postcode !== '' && y.postcode !== '' && oneSlipApart(x.postcode, y.postcode)) || sameLocality(x.locality, y.locality);
}

/** The same identifier but for its last digit, one or two higher or lower (…6788 and …6789). */
function consecutive(x: string, y: string): boolean {
  if (x.length !== y.length || x.slice(0, -1) !== y.slice(0, -1)) return false;
  const last = Number(x[x.length - 1]) - Number(y[y.length - 1]);
  return Number.isInteger(last) && last !== 0 && Math.abs(last) <= 2;
}

/** Given and family swapped by a source (Smith John / John Smith) compare as if in place. */
function swapped(record: NormalisedRecord): NormalisedRecord {
  return { ...record, given: record.family, givenRaw: record.family, family: record.givenRaw, givenPhonetic: phoneticKey(record.family[0] ?? '') };
}

/**
 * One record's family name is the other's given name and the other way round. Names of several
 * tokens cross whole (Jean Claude Hautville / Hautville Jean Claude) or by their first token. An
 * exact crossing outweighs a family name one or two letters off in place (James Jones / Jones James).
 */
function namesSwapped(a: NormalisedRecord, b: NormalisedRecord): boolean {
  if (!a.given.length || !b.given.length || !a.family.length || !b.family.length) return false;
  if (a.family.join('') === b.family.join('') || a.givenRaw.join('') === b.givenRaw.join('')) return false;
  const sameName = (x: string, y: string) =>
    x === y || givenNamesEquivalent(x, y) || closeSpelling(x, y) || jaroWinkler(x, y) >= 0.92 || (Math.min(x.length, y.length) === 1 && x[0] === y[0]);
  const crosses = (given: string[], family: string[]) => sameName(given[0], family.join('')) || sameName(given.join(''), family.join('')) || (family.length > 1 && sameName(given[0], family[0]));
  if (!crosses(b.givenRaw, a.family) || !crosses(a.givenRaw, b.family)) return false;
  const inPlace = familyLevel(a.family, b.family);
  if (inPlace === 'else') return true;
  return inPlace !== 'exact' && a.family.join('') === b.givenRaw.join('') && a.givenRaw.join('') === b.family.join('');
}

/**
 * Birth dates by their parts; with one record's date missing, its mailbox ending with the other's
 * birth year (john.smith85@ against 1985-04-12) is the level `email_year`: weak alone, it is the
 * one thing some records of a person share when one system kept the birth date and another only
 * the email. Other endings say nothing: no level, as for a missing date.
 */
function birthDateLevel(a: NormalisedRecord, b: NormalisedRecord): string | null {
  const x = a.birth;
  const y = b.birth;
  if (!x || !y) {
    if (x && !y) return emailsCarryBirthYear(b.emails, x.year) ? 'email_year' : null;
    if (y && !x) return emailsCarryBirthYear(a.emails, y.year) ? 'email_year' : null;
    return null;
  }
  if (x.day !== undefined && y.day !== undefined && x.month !== undefined && y.month !== undefined) {
    if (x.year === y.year && x.month === y.month && x.day === y.day) return 'exact';
    if (x.year === y.year && x.month === y.day && x.day === y.month) return 'day_month_transposed';
    const textX = `${x.year}${String(x.month).padStart(2, '0')}${String(x.day).padStart(2, '0')}`;
    const textY = `${y.year}${String(y.month).padStart(2, '0')}${String(y.day).padStart(2, '0')}`;
    const days = Math.abs(Date.UTC(x.year, x.month - 1, x.day) - Date.UTC(y.year, y.month - 1, y.day)) / 86_400_000;
    if (oneSlipApart(textX, textY) || days <= 3) return 'one_digit_or_3_days';
  }
  if (x.year === y.year && x.month !== undefined && x.month === y.month) return 'same_year_month';
  if (x.year === y.year) return 'same_year';
  return 'else';
}

/** Keying slips: one character changed, added or dropped, or two neighbours swapped (1962 ~ 1926). */
export function oneSlipApart(x: string, y: string): boolean {
  if (distance(x, y) <= 1) return true;
  if (x.length !== y.length) return false;
  let first = -1;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (first >= 0) return i === first + 1 && x[first] === y[i] && x[i] === y[first] && x.slice(i + 1) === y.slice(i + 1);
    first = i;
  }
  return false;
}

function setLevel(a: string[], b: string[]): boolean | null {
  if (a.length === 0 || b.length === 0) return null;
  return a.some((value) => b.includes(value));
}

/**
 * Which record of a swapped pair to turn round (true: b): the one whose given name then meets a
 * given name it is a nickname of (Susan Allen / Allen Sue: turn Allen Sue, so Susan meets Sue);
 * when both or neither would, the reading under which the names agree best (Jon Smith / Smith J:
 * turn Smith J), then the record whose name sorts later. Never which comes first: a pair must
 * compare the same either way round.
 */
function turnB(a: NormalisedRecord, b: NormalisedRecord): boolean {
  const meets = (x: NormalisedRecord, y: NormalisedRecord) => x.givenRaw.some((given) => y.family.some((family) => given !== family && givenNamesEquivalent(given, family)));
  const turnsB = meets(a, b);
  if (turnsB !== meets(b, a)) return turnsB;
  const turningB = GIVEN_LEVELS.indexOf(givenLevel(a, swapped(b))!) + FAMILY_LEVELS.indexOf(familyLevel(a.family, b.givenRaw)!);
  const turningA = GIVEN_LEVELS.indexOf(givenLevel(swapped(a), b)!) + FAMILY_LEVELS.indexOf(familyLevel(a.givenRaw, b.family)!);
  if (turningA !== turningB) return turningB < turningA;
  return nameText(b) > nameText(a);
}

/** The levels givenLevel and familyLevel return, strongest first. */
const GIVEN_LEVELS = ['exact', 'nickname', 'equivalent', 'jaro_winkler_0.92', 'initial', 'phonetic', 'else'];
const FAMILY_LEVELS = ['exact', 'jaro_winkler_0.94', 'levenshtein_2', 'phonetic', 'else'];

const nameText = (record: NormalisedRecord) => `${record.givenRaw.join(' ')}|${record.family.join(' ')}`;

/** How a pair's names are read: in place, or swapped with a or b turned round (see turnB). */
type NameReading = 'in place' | 'turn a' | 'turn b';

/**
 * The reading of the pair last asked about: the given- and family-name comparisons both need it,
 * one after the other, for every pair a resolution compares (records are not changed once normalised).
 */
let lastA: NormalisedRecord | null = null;
let lastB: NormalisedRecord | null = null;
let lastReading: NameReading = 'in place';
function nameReading(a: NormalisedRecord, b: NormalisedRecord): NameReading {
  if (a !== lastA || b !== lastB) {
    lastReading = !namesSwapped(a, b) ? 'in place' : turnB(a, b) ? 'turn b' : 'turn a';
    lastA = a;
    lastB = b;
  }
  return lastReading;
}

function givenNameLevel(a: NormalisedRecord, b: NormalisedRecord): string | null {
  const reading = nameReading(a, b);
  if (reading === 'in place') return givenLevel(a, b);
  return reading === 'turn b' ? givenLevel(a, swapped(b)) : givenLevel(swapped(a), b);
}

/**
 * A full name with two family names (Carmen González Cano) is read as a middle name and a
 * surname; written with the first family name alone (Carmen González) it still names the same
 * family, so a family name found among the other's middle names counts as the same.
 */
function familyAmongMiddleNames(a: NormalisedRecord, b: NormalisedRecord, same: (x: string, y: string) => boolean): boolean {
  const among = (family: string[], given: string[]) => family.some((token) => token.length > 1 && given.some((middle, i) => i > 0 && same(token, middle)));
  return among(a.family, b.givenRaw) || among(b.family, a.givenRaw);
}

/** One slip in a family name of 5+ letters (RAMIERZ, RAMIREZ). */
const familySlip = (x: string, y: string) => Math.min(x.length, y.length) >= 5 && oneSlipApart(x, y);

function familyNameLevel(a: NormalisedRecord, b: NormalisedRecord): string | null {
  const reading = nameReading(a, b);
  if (reading === 'in place') {
    const level = familyLevel(a.family, b.family);
    if (level === null || level === 'exact') return level;
    if (familyAmongMiddleNames(a, b, (x, y) => x === y)) return 'exact';
    return level !== 'jaro_winkler_0.94' && familyAmongMiddleNames(a, b, familySlip) ? 'jaro_winkler_0.94' : level;
  }
  return reading === 'turn b' ? familyLevel(a.family, b.givenRaw) : familyLevel(a.givenRaw, b.family);
}

export const COMPARATORS: Record<string, Comparator> = {
  givenName: givenNameLevel,
  familyName: familyNameLevel,
  birthDate: birthDateLevel,
  email: (a, b) => {
    const shared = setLevel(a.emails, b.emails);
    if (shared === null) return null;
    if (shared) return 'exact';
    const locals = (emails: string[]) => emails.map((email) => email.split('@')[0]).filter((local) => local.length >= 6);
    return setLevel(locals(a.emails), locals(b.emails)) ? 'same_local_part' : 'else';
  },
  phone: (a, b) => {
    const shared = setLevel(a.phones, b.phones);
    if (shared === null) return null;
    if (shared) return 'exact';
    const tails = (phones: string[]) => phones.map((phone) => phone.slice(-8));
    return setLevel(tails(a.phones), tails(b.phones)) ? 'last_8_digits' : 'else';
  },
  address: (a, b) => {
    if (a.addresses.length === 0 || b.addresses.length === 0) return null;
    if (setLevel(a.addresses.map((x) => x.key), b.addresses.map((x) => x.key))) return 'same_dwelling';
    if (a.addresses.some((x) => b.addresses.some((y) => sameDwellingWithSlip(x, y)))) return 'same_dwelling';
    if (setLevel(a.addresses.map((x) => x.postcode).filter(Boolean), b.addresses.map((x) => x.postcode).filter(Boolean))) return 'same_postcode';
    if (a.addresses.some((x) => b.addresses.some((y) => sameLocality(x.locality, y.locality)))) return 'same_locality';
    return 'else';
  },
  identifier: (a, b) => {
    if (a.identifiers.length === 0 || b.identifiers.length === 0) return null;
    if (setLevel(a.identifiers, b.identifiers)) return 'exact';
    let sameKind = false;
    for (const x of a.identifiers) {
      const kind = x.slice(0, x.lastIndexOf(':'));
      for (const y of b.identifiers) {
        if (y.slice(0, y.lastIndexOf(':')) !== kind) continue;
        sameKind = true;
        if (oneSlipApart(x, y)) return 'one_character';
      }
    }
    return sameKind ? 'conflict' : 'else';
  },
  /** As identifier, with numbers one or two apart in their last digit told from other slips: twins' national ids are often consecutive. */
  nationalIdentifier: (a, b) => {
    const level = COMPARATORS.identifier(a, b);
    if (level !== 'one_character') return level;
    return a.identifiers.some((x) => b.identifiers.some((y) => consecutive(x, y))) ? 'consecutive' : level;
  },
  gender: (a, b) => (a.gender && b.gender ? (a.gender === b.gender ? 'same' : 'different') : null),
  organizationName: (a, b) => {
    if (!a.orgName || !b.orgName) return null;
    if (a.orgName === b.orgName) return 'exact';
    return jaroWinkler(a.orgName, b.orgName) >= 0.93 ? 'jaro_winkler_0.93' : 'else';
  },
};

/** The value whose frequency adjusts an exact match (a common name weighs less). */
export function termOf(comparator: string, record: NormalisedRecord): string | undefined {
  if (comparator === 'givenName') return record.given[0];
  if (comparator === 'familyName') return record.family.join(' ');
  return undefined;
}
