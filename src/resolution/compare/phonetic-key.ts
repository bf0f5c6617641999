
/**
 * A compact phonetic key in the spirit of Metaphone, tuned for European names and their
 * transliterations: Viktor/Victor/Wiktor, Aleksandr/Alexander, Smith/Smyth share a key.
 * Input is cleaned upper-case text (A–Z only).
 */
export function phoneticKey(word: string, maxLength = 8): string {
  if (!word) return '';
  if (maxLength !== 8) return computePhoneticKey(word, maxLength);
  // Names repeat: scoring asks for the same few thousand keys millions of times.
  let key = KEYS.get(word);
  if (key === undefined) {
    if (KEYS.size >= KEY_CACHE_SIZE) KEYS.clear();
    KEYS.set(word, (key = computePhoneticKey(word, maxLength)));
  }
  return key;
}

const KEY_CACHE_SIZE = 100_000;
const KEYS = new Map<string, string>();

function computePhoneticKey(word: string, maxLength: number): string {
  let text = word.replace(/[^A-Z]/g, '');
  if (!text) return '';
  text = text
    .replace(/^(KN|GN|PN|WR|PS)/, (match) => match[1])
    .replace(/^X/, 'S')
    .replace(/^WH/, 'W')
    .replace(/SCH/g, 'SH')
    .replace(/TSCH|TCH|CZ|CS/g, 'CH')
    .replace(/SZ/g, 'SH')
    .replace(/PH/g, 'F')
    .replace(/TH/g, 'T')
    .replace(/GH(?![AEIOUY])/g, '')
    .replace(/CK/g, 'K')
    .replace(/C(?=[EIY])/g, 'S')
    .replace(/CH/g, 'X')
    .replace(/C/g, 'K')
    .replace(/Q/g, 'K')
    .replace(/X(?!$)/g, 'KS')
    .replace(/DG(?=[EIY])/g, 'J')
    .replace(/KH/g, 'H')
    .replace(/W/g, 'V')
    .replace(/Z/g, 'S')
    .replace(/Y/g, 'I')
    .replace(/DT$/, 'T')
    .replace(/D$/, 'T');
  // A word of silent letters only (GH) leaves nothing to sound.
  if (!text) return '';
  const first = /[AEIOU]/.test(text[0]) ? 'A' : text[0];
  const rest = text.slice(1).replace(/[AEIOUH]/g, '');
  let key = first;
  for (const char of rest) if (char !== key[key.length - 1]) key += char;
  return key.slice(0, maxLength);
}
