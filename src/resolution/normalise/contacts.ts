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

/** E.164 when the number is valid (national numbers read in `defaultCountry`), else null. */
export function normalisePhone(raw: string, defaultCountry: string): string | null {
  // Scanning slips in digits (O for 0, l or I for 1) are undone; anything still unparseable is dropped, never invented.
  const repaired = raw.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
  const phone = parsePhoneNumberFromString(repaired, defaultCountry as CountryCode);
  return phone && phone.isPossible() ? phone.number : null;
}
