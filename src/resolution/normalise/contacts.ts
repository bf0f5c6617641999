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

/**
 * E.164 when the number is possible. A national number is read in `country` (the record's own);
 * when it cannot be a number there but is valid in exactly one of `otherCountries` (those the
 * deployment serves), it is read there: a German mobile in a record with no address is not a
 * British number. Anything else is dropped, never invented.
 */
export function normalisePhone(raw: string, country: string, otherCountries: readonly string[] = []): string | null {
  // Scanning slips in digits (O for 0, l or I for 1) are undone first.
  const repaired = raw.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
  const own = parsePhoneNumberFromString(repaired, country as CountryCode);
  if (own?.isPossible()) return own.number;
  const elsewhere = new Set<string>();
  for (const other of otherCountries) {
    if (other === country) continue;
    const reading = parsePhoneNumberFromString(repaired, other as CountryCode);
    if (reading?.isValid()) elsewhere.add(reading.number);
  }
  return elsewhere.size === 1 ? [...elsewhere][0] : null;
}
