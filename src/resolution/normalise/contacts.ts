import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

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

/** Digits a number needs before it is kept without a country. */
const MIN_UNPLACED_DIGITS = 9;

/**
 * E.164 when the number is possible (national numbers read in `defaultCountry`). A national
 * number of another country with no country on the record (0178 99270391 in a file without
 * addresses) is kept as `~` and its digits without the trunk 0: its last digits still meet the
 * E.164 form of the same number. Shorter or unreadable text is dropped, never invented.
 */
export function normalisePhone(raw: string, defaultCountry: string): string | null {
  // Scanning slips in digits (O for 0, l or I for 1) are undone.
  const repaired = raw.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
  const phone = parsePhoneNumberFromString(repaired, defaultCountry as CountryCode);
  if (phone && phone.isPossible()) return phone.number;
  if (/[^\d\s().+\/-]/.test(repaired) || repaired.trim().startsWith('+')) return null;
  const digits = repaired.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= MIN_UNPLACED_DIGITS ? `~${digits}` : null;
}
