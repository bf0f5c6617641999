import { phoneticKey } from '../compare/phonetic-key';
import { birthYearsInEmails } from '../normalise/contacts';
import type { NormalisedRecord } from '../resolution.types';
import type { MatchSettings } from '../settings/match-settings';

/** Key of a normalised email; search uses it to find customers by email. */
export const emailKey = (email: string) => `email:${email}`;
/** The last 8 digits: a national number read with the wrong default country still meets its E.164 twin. */
export const phoneKey = (phone: string) => `phone:${phone.slice(-8)}`;
/** Identifier keys are `id:type:COUNTRY:VALUE`. */
export const IDENTIFIER_KEY_PREFIX = 'id:';

/**
 * Several keys per record, so that a duplicate with an error in any one field still shares a
 * key with its twin record: contact points and identifiers exactly (identifiers also but for one
 * slip, see identifierSlipKeys), and name keys that tolerate a typo in either name part (each
 * key sounds out one part and takes only the first letter of the other), swapped name parts and
 * nicknames (formal given names). A name alone never forms a key. The postcode keys carry the
 * other part's initial because a postcode is shared by whole households and streets: a surname
 * sound alone made a candidate of every relative and neighbour, and the candidates per record
 * grew with the data (about 4.9 per record at 1M records from these keys, 0.5 with the initial).
 * Birth date and postcode together find a duplicate with slips in both name parts; the
 * name-and-year key sounds out both parts (with an initial it made a candidate of every
 * namesake's relative born that year).
 */
export function blockingKeysFor(record: NormalisedRecord, _settings?: Pick<MatchSettings, 'genericCutoff'>): string[] {
  const keys = new Set<string>();
  for (const email of record.emails) keys.add(emailKey(email));
  for (const phone of record.phones) keys.add(phoneKey(phone));
  for (const identifier of record.identifiers) keys.add(`${IDENTIFIER_KEY_PREFIX}${identifier}`);
  if (record.type === 'organization') {
    if (record.orgName) keys.add(`org:${record.orgName}`);
    // Each of the first words' sounds with the postcode: a slip in one word (HERITAE SOLUTIONS) still
    // meets the other. A name of short words only (3M, AB) keeps its first word.
    const allWords = record.orgName.split(' ').filter(Boolean);
    const longWords = allWords.filter((word) => word.length >= 3).slice(0, 3);
    const words = longWords.length > 0 ? longWords : allWords.slice(0, 1);
    for (const address of record.addresses) if (address.postcode) for (const word of words) keys.add(`orgpc:${phoneticKey(word)}|${address.postcode}`);
    return [...keys];
  }
  for (const key of identifierSlipKeys(record)) keys.add(key);
  const givenSound = phoneticKey(record.given[0] ?? '');
  const familySound = record.familyPhonetic;
  const birth = record.birth;
  if (birth?.day !== undefined) {
    const date = `${birth.year}-${birth.month}-${birth.day}`;
    if (givenSound) keys.add(`dob:${date}|${givenSound}`);
    if (familySound) keys.add(`dob:${date}|${familySound}`);
  }
  if (birth && familySound && givenSound) keys.add(nameYearKey(familySound, givenSound, birth.year));
  // Without a birth date, the year a mailbox ends with (john.smith85@) meets the name-and-year key
  // of a record that has the date (see the birth date's email_year level).
  if (!birth && familySound && givenSound) {
    for (const found of birthYearsInEmails(record.emails)) keys.add(nameYearKey(familySound, givenSound, found.digits === 4 ? found.value : pastYearOf(found.value)));
  }
  // The initial as written and as of the formal name (Lisa is ELIZABETH): a record that gives only
  // the initial (L. Saltcott) meets the one that spells the name out.
  const givenInitials = new Set([record.givenRaw[0]?.[0] ?? '', record.given[0]?.[0] ?? '']);
  // A family name of several parts (Hernández López) is also written with its last part alone, or
  // read from a full name as a middle name and a surname: both parts' initials key the given name.
  const familyInitials = new Set([record.family[0]?.[0] ?? '', record.family[record.family.length - 1]?.[0] ?? '']);
  // A surname of two parts (González Pérez) is also written with one of them alone, which the
  // family name's comparison reads as the same: each part keys the postcode too.
  const familySounds = new Set([familySound]);
  if (record.family.length > 1) for (const part of [record.family[0], record.family[record.family.length - 1]]) familySounds.add(phoneticKey(part));
  familySounds.delete('');
  for (const address of record.addresses.slice(0, 3)) {
    if (!address.postcode) continue;
    if (birth?.day !== undefined) keys.add(`dp:${birth.year}-${birth.month}-${birth.day}|${address.postcode}`);
    for (const sound of familySounds) for (const givenInitial of givenInitials) keys.add(`pc:${address.postcode}|${sound}|${givenInitial}`);
    if (givenSound) for (const familyInitial of familyInitials) keys.add(`pc:${address.postcode}|${givenSound}|${familyInitial}`);
  }
  return [...keys];
}

/**
 * A year written with two digits, in the century that puts it in the past (07 → 2007, 85 → 1985):
 * a birth year. Keying one century rather than both halves these keys; only the birth years of
 * people over a hundred are read a century late. The turn of the calendar year moves one ending
 * (27 → 1927 in 2026, 2027 in 2027); the rebuild refreshes keys stored before it.
 */
function pastYearOf(twoDigits: number, now = new Date()): number {
  return twoDigits <= now.getUTCFullYear() % 100 ? 2000 + twoDigits : 1900 + twoDigits;
}

/** The two name parts' sounds in sorted order, so a source that swaps given and family name (JIA, CAO) meets the one that does not. */
function nameYearKey(familySound: string, givenSound: string, year: number): string {
  const [first, second] = [familySound, givenSound].sort();
  return `nm:${first}|${second}|${year}`;
}

/** Identifiers shorter than this get no slip keys: their halves would be shared by too many people. */
const SLIP_KEY_MIN_LENGTH = 6;

/**
 * An identifier keyed for comparison with its own mistyped copies: its leading and its trailing
 * part, each long enough to stay apart from other people's, and between them the middle character
 * (or two) neither covers, so one slip (a wrong character, two neighbours swapped) leaves at
 * least one part whole; a character added or dropped, only when both lengths give parts of one
 * size. Each part carries the initials of the two name parts, sorted so that swapped names meet:
 * a part alone would make a candidate of everyone whose number starts the same way.
 */
function identifierSlipKeys(record: NormalisedRecord): string[] {
  const givenInitial = record.given[0]?.[0];
  const familyInitial = record.family[0]?.[0];
  if (!givenInitial || !familyInitial || record.identifiers.length === 0) return [];
  const initials = [givenInitial, familyInitial].sort().join('');
  const keys: string[] = [];
  for (const identifier of record.identifiers) {
    const split = identifier.lastIndexOf(':');
    const kind = identifier.slice(0, split);
    const value = identifier.slice(split + 1);
    if (value.length < SLIP_KEY_MIN_LENGTH) continue;
    const part = Math.floor((value.length - 1) / 2);
    keys.push(`idslip:${kind}:${value.slice(0, part)}*|${initials}`, `idslip:${kind}:*${value.slice(-part)}|${initials}`);
  }
  return keys;
}
