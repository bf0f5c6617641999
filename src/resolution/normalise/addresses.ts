import type { NormalisedAddress } from '../resolution.types';
import { tokens } from './text';

const ABBREVIATIONS: Record<string, string> = {
  ST: 'STREET', STR: 'STRASSE', RD: 'ROAD', AVE: 'AVENUE', AV: 'AVENUE', LN: 'LANE', DR: 'DRIVE', CT: 'COURT', PL: 'PLACE',
  SQ: 'SQUARE', BLVD: 'BOULEVARD', HWY: 'HIGHWAY', CRES: 'CRESCENT', TER: 'TERRACE', GDNS: 'GARDENS', PK: 'PARK', CL: 'CLOSE',
  APT: 'APARTMENT', FLT: 'FLAT', STE: 'SUITE', N: 'NORTH', S: 'SOUTH', E: 'EAST', W: 'WEST', MT: 'MOUNT', FT: 'FORT',
};
const UNIT_WORDS = new Set(['APARTMENT', 'FLAT', 'SUITE', 'UNIT', 'APT']);

/** ISO 3166-1 alpha-2, with the common non-ISO spellings mapped (UK → GB). */
export function countryCode(country: string): string {
  const code = country.trim().toUpperCase();
  return code === 'UK' ? 'GB' : code;
}

function normalisePostcode(postcode: string | undefined, country: string): string {
  const cleaned = (postcode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (country === 'US') return cleaned.slice(0, 5);
  if (country === 'NL') return cleaned.slice(0, 6);
  return cleaned;
}

/** Tokens with abbreviations expanded; the house number and first street word form the dwelling key. */
export function normaliseAddress(
  address: { line1?: string; line2?: string; locality?: string; postcode?: string; country?: string },
  defaultCountry: string,
): NormalisedAddress | null {
  const country = countryCode(address.country ?? defaultCountry);
  const words = tokens([address.line1, address.line2].filter(Boolean).join(' ')).map((word) => ABBREVIATIONS[word] ?? word);
  const postcode = normalisePostcode(address.postcode, country);
  const numberIndex = words.findIndex((word, index) => /^\d+[A-Z]?$/.test(word) && !UNIT_WORDS.has(words[index - 1] ?? ''));
  const number = numberIndex >= 0 ? words[numberIndex] : '';
  const street = words.filter((word, index) => index !== numberIndex && !/^\d/.test(word) && !UNIT_WORDS.has(word) && !UNIT_WORDS.has(words[index - 1] ?? '')).slice(0, 1)[0] ?? '';
  const locality = tokens(address.locality).join(' ');
  if (!postcode && !street && !locality) return null;
  return { key: `${country}|${postcode || locality}|${number}|${street}`, postcode, number, street, locality, country };
}
