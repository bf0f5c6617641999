/**
 * A fixed-size set of strings that may answer "seen" for an unseen value but never the
 * reverse; it keeps generated email addresses unique in bounded memory.
 */
export class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly bitCount: number;

  constructor(
    bitCount: number,
    private readonly hashCount = 4,
  ) {
    this.bitCount = Math.max(1024, Math.ceil(bitCount / 32) * 32);
    this.bits = new Uint32Array(this.bitCount / 32);
  }

  has(value: string): boolean {
    const [h1, h2] = hashPair(value);
    for (let i = 0; i < this.hashCount; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const index = bit % this.bitCount;
      if ((this.bits[index >>> 5] & (1 << (index & 31))) === 0) return false;
    }
    return true;
  }

  add(value: string): void {
    const [h1, h2] = hashPair(value);
    for (let i = 0; i < this.hashCount; i++) {
      const index = ((h1 + Math.imul(i, h2)) >>> 0) % this.bitCount;
      this.bits[index >>> 5] |= 1 << (index & 31);
    }
  }
}

/** FNV-1a and a murmur-mixed variant: two independent 32-bit hashes for double hashing. */
function hashPair(value: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
