import { variantsOf } from '../../src/resolution/normalise/nicknames';
import { Random } from './random';

const KEYBOARD = 'abcdefghijklmnopqrstuvwxyz';
const OCR: Array<[string, string]> = [['o', '0'], ['l', '1'], ['i', '1'], ['s', '5'], ['m', 'rn'], ['b', '8'], ['e', 'c'], ['u', 'v']];

/** One keyboard slip: a letter inserted, dropped, replaced, or two swapped. */
export function typo(text: string, random: Random): string {
  if (text.length < 3) return text;
  const at = 1 + random.int(text.length - 2);
  switch (random.int(4)) {
    case 0: return text.slice(0, at) + random.pick([...KEYBOARD]) + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + 1);
    case 2: return text.slice(0, at) + random.pick([...KEYBOARD]) + text.slice(at + 1);
    default: return text.slice(0, at - 1) + text[at] + text[at - 1] + text.slice(at + 1);
  }
}

/** A scanning slip: o→0, l→1, s→5, m→rn … */
export function ocrSlip(text: string, random: Random): string {
  const candidates = OCR.filter(([from]) => text.toLowerCase().includes(from));
  if (candidates.length === 0) return text;
  const [from, to] = random.pick(candidates);
  const index = text.toLowerCase().indexOf(from);
  return text.slice(0, index) + to + text.slice(index + 1);
}

/** A nickname or spelling variant, when the name has one. */
export function nickname(given: string, random: Random): string {
  const variants = variantsOf(given.toUpperCase()).filter((variant) => variant.length > 1);
  if (variants.length === 0) return given;
  const variant = random.pick(variants);
  return variant[0] + variant.slice(1).toLowerCase();
}

export function withoutDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
