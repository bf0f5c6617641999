/** Probabilities of each kind of noise, per record where it can apply (a date swap needs a day ≤ 12). */
export interface NoiseRates {
  /** One keyboard slip in the given or family name: a letter inserted, dropped, replaced, or two swapped. */
  typo: number;
  /** One scanning slip (O/0, l/1, I/1, S/5, rn/m …) in the family name, postcode or identifier. */
  ocr: number;
  /** The given name replaced by a nickname or another transliteration (Robert → Bob, Aleksandr → Alexander). */
  nickname: number;
  /** Given and family name exchanged. */
  swappedNames: number;
  /** The given name reduced to its initial. */
  initials: number;
  /** Birth date day and month exchanged. */
  dayMonthSwap: number;
  /** Birth date day, month or year off by one. */
  birthDateError: number;
  /** Each of birth date, email, phone, address and identifier left out, where the system would keep it. */
  missingField: number;
  /** After a move, the record still shows the previous address. */
  staleAddress: number;
  /** "name+tag@gmail.com" at providers that allow it. */
  emailPlusAddressing: number;
  /** "John.Smith@Gmail.com" or "JOHN.SMITH@GMAIL.COM". */
  emailCase: number;
  /** The phone replaced by a generic call-centre number that many records share. */
  sharedPhone: number;
  /** The whole name in odd case ("jOHN sMITH", all lower). */
  nameCase: number;
}

export type NoiseKind = keyof NoiseRates;

export const DEFAULT_NOISE: Readonly<NoiseRates> = {
  typo: 0.04,
  ocr: 0.01,
  nickname: 0.06,
  swappedNames: 0.015,
  initials: 0.03,
  dayMonthSwap: 0.02,
  birthDateError: 0.01,
  missingField: 0.05,
  staleAddress: 0.25,
  emailPlusAddressing: 0.03,
  emailCase: 0.05,
  sharedPhone: 0.01,
  nameCase: 0.02,
};

export const NOISE_KINDS = Object.keys(DEFAULT_NOISE) as NoiseKind[];

/** Defaults overridden by `overrides`; every rate must be a probability. */
export function noiseRatesFrom(overrides: Partial<NoiseRates> = {}): NoiseRates {
  const rates = { ...DEFAULT_NOISE, ...overrides };
  for (const kind of Object.keys(rates)) {
    if (!NOISE_KINDS.includes(kind as NoiseKind)) throw new Error(`unknown noise kind "${kind}"; known: ${NOISE_KINDS.join(', ')}`);
    const rate = rates[kind as NoiseKind];
    if (!(typeof rate === 'number' && rate >= 0 && rate <= 1)) throw new Error(`noise rate ${kind} must be between 0 and 1, got ${rate}`);
  }
  return rates;
}
