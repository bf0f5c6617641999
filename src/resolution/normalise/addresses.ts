import type { NormalisedAddress } from '../resolution.types';
import { tokens } from './text';

const ABBREVIATIONS: Record<string, string> = {
  ST: 'STREET', STR: 'STRASSE', RD: 'ROAD', AVE: 'AVENUE', AV: 'AVENUE', LN: 'LANE', DR: 'DRIVE', CT: 'COURT', PL: 'PLACE',
  SQ: 'SQUARE', BLVD: 'BOULEVARD', HWY: 'HIGHWAY', CRES: 'CRESCENT', TER: 'TERRACE', GDNS: 'GARDENS', PK: 'PARK', CL: 'CLOSE',
  APT: 'APARTMENT', FLT: 'FLAT', STE: 'SUITE', N: 'NORTH', S: 'SOUTH', E: 'EAST', W: 'WEST', MT: 'MOUNT', FT: 'FORT',
  // French and Spanish street types, which come before the name (bd Saint-Martin, ch. Jean Jaurès).
  BD: 'BOULEVARD', BLD: 'BOULEVARD', CH: 'CHEMIN', ALL: 'ALLEE', IMP: 'IMPASSE', RTE: 'ROUTE', FBG: 'FAUBOURG', QU: 'QUAI',
  CRS: 'COURS', AVDA: 'AVENIDA', PZA: 'PLAZA',
};
/** Street types written before the street's name: the name, not the type, tells one street from another. */
const TYPE_BEFORE_NAME = new Set([
  'RUE', 'AVENUE', 'BOULEVARD', 'CHEMIN', 'ALLEE', 'IMPASSE', 'PLACE', 'ROUTE', 'QUAI', 'COURS', 'FAUBOURG', 'PASSAGE', 'SQUARE',
  'CALLE', 'AVENIDA', 'PASEO', 'PLAZA', 'CAMINO', 'CARRETERA', 'VIA', 'VIALE', 'PIAZZA', 'CORSO',
]);
/** Words that join a street type to its name (rue de la Paix, calle del Carmen). */
const STREET_PARTICLES = new Set(['DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'L', 'D', 'DEL', 'DELLA', 'DEI', 'DI', 'DA', 'DO', 'DOS', 'DAS', 'LOS', 'LAS', 'EL']);
/** A German street written as one word keeps its type as a suffix: Goethestr. is Goethestraße. */
const expandStreetSuffix = (word: string) => (word.length > 4 && word.endsWith('STR') ? `${word}ASSE` : word);
const UNIT_WORDS = new Set(['APARTMENT', 'FLAT', 'SUITE', 'UNIT', 'APT']);

/** ISO 3166-1 alpha-2, with the common non-ISO spellings mapped (UK → GB). */
export function countryCode(country: string): string {
  const code = country.trim().toUpperCase();
  return code === 'UK' ? 'GB' : code;
}

/** Countries whose postcodes are digits only: a letter in one is a keying or OCR slip. */
const NUMERIC_POSTCODES = new Set(['US', 'DE', 'FR', 'AU', 'ES', 'IT', 'AT', 'CH', 'BE', 'DK', 'NO', 'SE', 'FI']);
/** Letters that OCR and hurried typing put for digits (77O89, 5548G). */
const DIGIT_OF_LETTER: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' };
const asDigits = (text: string) => text.replace(/[OQDILZSGB]/g, (letter) => DIGIT_OF_LETTER[letter]);
const BRITISH_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;
const LETTER_OF_DIGIT: Record<string, string> = { 0: 'O', 1: 'I', 2: 'Z', 5: 'S', 6: 'G', 8: 'B' };
const asLetters = (text: string) => text.replace(/[012568]/g, (digit) => LETTER_OF_DIGIT[digit]);

function normalisePostcode(postcode: string | undefined, country: string): string {
  let cleaned = (postcode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (NUMERIC_POSTCODES.has(country)) {
    // A country prefix (D-10115, FI-00100, DE 10115) is not part of the code.
    const unprefixed = (postcode ?? '').toUpperCase().trim().replace(/^[A-Z]{1,2}\s*-\s*|^[A-Z]{2}\s+(?=\d)/, '').replace(/[^A-Z0-9]/g, '');
    if (/^\d+$/.test(asDigits(unprefixed))) cleaned = asDigits(unprefixed);
  }
  // A British postcode starts with a letter, a two-letter area is followed by a digit, and the inward
  // part is a digit and two letters (63 9DY is G3 9DY, EHl10LA is EH11 0LA, SE5 5X2 is SE5 5XZ).
  if (country === 'GB' && cleaned.length >= 5) {
    const outward = asLetters(cleaned[0]) + cleaned.slice(1, -3);
    const inward = cleaned.slice(-3);
    const fixedOutward = outward.length >= 3 && /^[A-Z]{2}$/.test(outward.slice(0, 2)) ? outward.slice(0, 2) + asDigits(outward[2]) + outward.slice(3) : outward;
    const fixed = fixedOutward + asDigits(inward[0]) + asLetters(inward.slice(1));
    // Only a code that reads as a British postcode once mended is mended.
    if (BRITISH_POSTCODE.test(fixed)) cleaned = fixed;
  }
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
  const words = tokens([address.line1, address.line2].filter(Boolean).join(' ')).map((word) => ABBREVIATIONS[word] ?? expandStreetSuffix(word));
  const postcode = normalisePostcode(address.postcode, country);
  const numberIndex = words.findIndex((word, index) => /^\d+[A-Z]?$/.test(word) && !UNIT_WORDS.has(words[index - 1] ?? ''));
  const number = numberIndex >= 0 ? words[numberIndex] : '';
  const streetWords = words.filter((word, index) => index !== numberIndex && !/^\d/.test(word) && !UNIT_WORDS.has(word) && !UNIT_WORDS.has(words[index - 1] ?? ''));
  let first = 0;
  if (streetWords.length > 1 && TYPE_BEFORE_NAME.has(streetWords[0])) {
    first = 1;
    while (first < streetWords.length - 1 && STREET_PARTICLES.has(streetWords[first])) first++;
  }
  const street = streetWords[first] ?? '';
  const locality = tokens(address.locality).join(' ');
  if (!postcode && !street && !locality) return null;
  return { key: `${country}|${postcode || locality}|${number}|${street}`, postcode, number, street, locality, country };
}
