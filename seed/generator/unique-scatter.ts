import { deriveSeed } from './random';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Hands out distinct numbers in [0, space) that look scattered, without remembering the
 * ones already given: k ↦ (a·k + c) mod space with a coprime to space is a bijection.
 * Used for phone numbers, identifiers and addresses, which must never repeat by accident.
 */
export class UniqueScatter {
  private taken = 0;
  private readonly multiplier: number;
  private readonly offset: number;

  constructor(
    readonly space: number,
    seed: number,
  ) {
    // a·k stays below 2^53 for a < 2^20 and k < 2^32, so the arithmetic is exact
    if (!Number.isSafeInteger(space) || space < 1 || space > 2 ** 32) throw new Error(`scatter space must be 1..2^32, got ${space}`);
    let multiplier = 524_288 + (deriveSeed(seed, 1) % 500_000);
    while (gcd(multiplier, space) !== 1) multiplier++;
    this.multiplier = multiplier;
    this.offset = deriveSeed(seed, 2) % space;
  }

  /** The next distinct number; after `space` numbers the sequence starts again (callers add a lap). */
  take(): { value: number; lap: number } {
    const k = this.taken++;
    return { value: (this.multiplier * (k % this.space) + this.offset) % this.space, lap: Math.floor(k / this.space) };
  }
}
