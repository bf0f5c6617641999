import { CountryCode, Metadata, parsePhoneNumberFromString, PhoneNumber } from 'libphonenumber-js';

const PLANS = new Metadata();

/** Britain, Germany, France … write every national number with the trunk 0; 602-457-6607 is none of theirs. */
function couldBeNationalIn(country: string, digits: string): boolean {
  PLANS.selectNumberingPlan(country as CountryCode);
  // The numbering plan knows its national prefix; the typings leave that accessor out.
  const plan = PLANS.numberingPlan as unknown as { nationalPrefix(): string | undefined } | undefined;
  return plan?.nationalPrefix() !== '0' || digits.startsWith('0');
}

const DOTLESS_PROVIDERS = new Set(['gmail.com', 'googlemail.com']);

/** Lower case, plus-addressing removed, dots removed where the provider ignores them. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  const match = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/.exec(email);
  if (!match) return null;
  let [, local, domain] = match;
  local = local.split('+')[0];
  if (DOTLESS_PROVIDERS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return local ? `${local}@${domain}` : null;
}

/**
 * The birth years a record's mailboxes end with, as people often write theirs (john.smith85@,
 * jsmith1985@): four digits from 1900 to 2099 as a year, two digits (after anything but a digit) as
 * its last two, `{ digits: 2, value: 85 }`. Other endings (anna.k123@, bob7@) carry none.
 */
export function birthYearsInEmails(emails: string[]): Array<{ digits: 2 | 4; value: number }> {
  const years: Array<{ digits: 2 | 4; value: number }> = [];
  for (const email of emails) {
    const match = /(?:^|[^0-9])((?:19|20)[0-9]{2}|[0-9]{2})@/.exec(email);
    if (match) years.push({ digits: match[1].length as 2 | 4, value: Number(match[1]) });
  }
  return years;
}

/** Whether a mailbox of `emails` ends with `year` (see birthYearsInEmails). */
export function emailsCarryBirthYear(emails: string[], year: number): boolean {
  return birthYearsInEmails(emails).some((found) => (found.digits === 4 ? found.value === year : found.value === year % 100));
}

/**
 * E.164 when the number is possible. A national number is read in `country` when it can be one
 * there: always when the record states that country (its address or mail provider), so a British
 * mobile written without its 0 stays British; when the country is only the default, only where the
 * number is valid there, and a number with no trunk 0 where every national number has one cannot
 * be. Otherwise it is read in the one of `otherCountries` (those the deployment serves) where it is
 * valid: a German mobile, a New York number or a French 06 mobile (a range Britain never allocated)
 * in a record with no address is not British. A number that fits nowhere else keeps its home
 * reading if possible there; anything else is dropped, never invented.
 */
export function normalisePhone(raw: string, country: string, otherCountries: readonly string[] = [], countryStated = false): string | null {
  // Scanning slips in digits (O for 0, l or I for 1) are undone first.
  const repaired = raw.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
  const international = /^\s*(\+|00)/.test(repaired);
  const digits = repaired.replace(/\D/g, '');
  const fits = (where: string) => international || couldBeNationalIn(where, digits);
  const own = parsePhoneNumberFromString(repaired, country as CountryCode);
  if (own?.isPossible() && (countryStated || (fits(country) && own.isValid()))) return own.number;
  const elsewhere = new Map<string, PhoneNumber>();
  for (const other of otherCountries) {
    if (other === country || !fits(other)) continue;
    const reading = parsePhoneNumberFromString(repaired, other as CountryCode);
    if (reading?.isValid()) elsewhere.set(reading.number, reading);
  }
  if (elsewhere.size === 1) return [...elsewhere.keys()][0];
  // Valid in several: the country whose way of grouping the digits the number is written in
  // (06 80 93 40 59 is French, 06809 34059 German), when exactly one is.
  const written = groupsOf(raw);
  const grouped = [...elsewhere.values()].filter((reading) => !international && written.includes('.') && groupsOf(reading.formatNational()) === written);
  if (grouped.length === 1) return grouped[0].number;
  return own?.isPossible() ? own.number : null;
}

/** Lengths of the digit groups as written: '06-80-93-40-59' → '2.2.2.2.2'. */
function groupsOf(text: string): string {
  return (text.match(/\d+/g) ?? []).map((group) => group.length).join('.');
}
