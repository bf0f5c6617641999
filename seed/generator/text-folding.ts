const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ı: 'i',
};
const GERMAN_UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const NON_ASCII = /[^\u0000-\u007f]/;

/** "Łukasz Wójcik" → "Lukasz Wojcik": what systems that only store ASCII do to names. */
export function stripDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .replace(/[ßẞłŁøØæÆœŒđĐı]/g, (letter) => SPECIAL_LETTERS[letter])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** "Müller" → "Mueller": the German convention some banking systems follow. */
export function transliterateGerman(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return stripDiacritics(text.replace(/[äöüÄÖÜ]/g, (letter) => GERMAN_UMLAUTS[letter]));
}

/** Lower-case ASCII letters and digits only: the raw material of an email local part or domain. */
export function emailSafe(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}
