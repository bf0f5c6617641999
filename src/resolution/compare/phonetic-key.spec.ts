import { phoneticKey } from './phonetic-key';

describe('phoneticKey', () => {
  it.each([
    ['VIKTOR', 'VICTOR'],
    ['VIKTOR', 'WIKTOR'],
    ['ALEKSANDR', 'ALEXANDER'],
    ['SMITH', 'SMYTH'],
    ['CATHERINE', 'KATHERINE'],
    ['PHILIP', 'FILIP'],
    ['SCHMIDT', 'SHMIDT'],
    ['ONEIL', 'ONEILL'],
  ])('%s sounds like %s', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it.each([
    ['SMITH', 'JONES'],
    ['ANNA', 'MARIA'],
  ])('%s does not sound like %s', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it('gives a word of silent letters only (GH, an OCR remnant) no key instead of failing', () => {
    expect(phoneticKey('GH')).toBe('');
    expect(phoneticKey('GHGH')).toBe('');
  });
});
