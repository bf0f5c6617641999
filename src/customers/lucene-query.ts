/**
 * Builds a Lucene query from user text without letting Lucene syntax through: each
 * word becomes an exact term (boosted) OR a fuzzy term, so one typo still finds the name.
 */
export function luceneQueryFor(text: string): string | undefined {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 10);
  if (words.length === 0) return undefined;
  return words.map((word) => (word.length >= 4 ? `(${word}^2 OR ${word}~1)` : word)).join(' ');
}
