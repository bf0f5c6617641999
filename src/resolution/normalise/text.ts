/** Upper-case ASCII letters, digits and spaces: diacritics folded, punctuation dropped. */
export function cleanText(text: string | undefined | null): string {
  if (!text) return '';
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'SS')
    .replace(/[Łł]/g, 'L')
    .replace(/[Øø]/g, 'O')
    .replace(/[Ææ]/g, 'AE')
    .replace(/['’`]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

export function tokens(text: string | undefined | null): string[] {
  const cleaned = cleanText(text);
  return cleaned ? cleaned.split(' ') : [];
}
