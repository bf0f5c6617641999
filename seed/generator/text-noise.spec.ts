import { distance } from 'fastest-levenshtein';
import { SeededRandom } from './random';
import { stripDiacritics, transliterateGerman } from './text-folding';
import { hasOcrConfusion, ocrSlip, oddCase, typo } from './text-noise';

describe('typo', () => {
  it('always changes the name by one keyboard slip, keeping the first letter of longer names', () => {
    const random = new SeededRandom(3);
    for (const name of ['Smith', 'Anna', 'Li', 'Müller', "O'Neil", 'MOHAMMED', 'Zz']) {
      for (let i = 0; i < 200; i++) {
        const slipped = typo(name, random);
        expect(slipped).not.toBe(name);
        expect(distance(slipped, name)).toBeLessThanOrEqual(2); // a transposition is two edits for Levenshtein
        if (name.length >= 4) expect(slipped[0]).toBe(name[0]);
      }
    }
  });
});

describe('ocrSlip', () => {
  it('swaps one look-alike', () => {
    const random = new SeededRandom(5);
    expect(hasOcrConfusion('Kern')).toBe(true);
    expect(ocrSlip('Kern', random)).toBe('Kem');
    expect(ocrSlip('SOLO', random)).toMatch(/^(5OLO|S0LO|SOL0)$/);
    expect(hasOcrConfusion('Raj')).toBe(false);
    expect(ocrSlip('Raj', random)).toBe('Raj');
  });
});

describe('oddCase', () => {
  it('changes the case of a normally written name', () => {
    const random = new SeededRandom(9);
    for (let i = 0; i < 50; i++) {
      const changed = oddCase('John Smith', random);
      expect(changed).not.toBe('John Smith');
      expect(changed.toLowerCase()).toBe('john smith');
    }
  });
});

describe('text folding', () => {
  it('drops diacritics the way ASCII-only systems do', () => {
    expect(stripDiacritics('Łukasz Wójcik, Müller, Weiß, François')).toBe('Lukasz Wojcik, Muller, Weiss, Francois');
    expect(transliterateGerman('Müller Jürgen Köhler Weiß')).toBe('Mueller Juergen Koehler Weiss');
  });
});
