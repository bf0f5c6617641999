import { SeededRandom } from './random';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const OCR_CONFUSIONS: ReadonlyArray<readonly [string, string]> = [
  ['O', '0'], ['0', 'O'], ['o', '0'], ['l', '1'], ['1', 'l'], ['I', '1'], ['1', 'I'], ['I', 'l'], ['S', '5'], ['5', 'S'],
  ['rn', 'm'], ['m', 'rn'], ['B', '8'], ['8', 'B'], ['cl', 'd'], ['Z', '2'], ['2', 'Z'], ['G', '6'], ['6', 'G'],
];

/** A random letter in the case of `sample`, never the letter `sample` itself. */
function letterLike(sample: string, random: SeededRandom): string {
  const own = sample.toLowerCase();
  const ownIndex = LOWER.indexOf(own);
  let index = random.int(ownIndex >= 0 ? LOWER.length - 1 : LOWER.length);
  if (ownIndex >= 0 && index >= ownIndex) index++;
  const letter = LOWER[index];
  return sample !== own ? letter.toUpperCase() : letter;
}

/**
 * One keyboard slip: a letter inserted, dropped, replaced or two neighbours swapped. The
 * first letter is spared (people rarely get it wrong), unless the word is very short.
 */
export function typo(text: string, random: SeededRandom): string {
  if (text.length < 2) return text + letterLike(text, random);
  const from = text.length >= 4 ? 1 : 0;
  const at = from + random.int(text.length - from);
  switch (random.int(4)) {
    case 0:
      return text.slice(0, at) + letterLike(text[at], random) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + letterLike(text[at], random) + text.slice(at + 1);
    default: {
      const left = Math.min(at, text.length - 2);
      if (text[left] === text[left + 1]) return text.slice(0, left) + text.slice(left + 1);
      return text.slice(0, left) + text[left + 1] + text[left] + text.slice(left + 2);
    }
  }
}

export function hasOcrConfusion(text: string): boolean {
  return OCR_CONFUSIONS.some(([from]) => text.includes(from));
}

/** One scanning slip at a random place where one can happen: O→0, l→1, rn→m, S→5 … */
export function ocrSlip(text: string, random: SeededRandom): string {
  const places: Array<[number, string, string]> = [];
  for (const [from, to] of OCR_CONFUSIONS) {
    for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) places.push([at, from, to]);
  }
  if (places.length === 0) return text;
  const [at, from, to] = random.pick(places);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The name in an odd case: all lower, all upper, or caps-lock inverted. */
export function oddCase(text: string, random: SeededRandom): string {
  switch (random.int(3)) {
    case 0:
      return text.toLowerCase();
    case 1:
      return text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
    default:
      return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  }
}
