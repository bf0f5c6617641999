import { SeededRandom } from './random';

/** Draws items in proportion to their weights (binary search over cumulative weights). */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new Error('a weighted table needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], index) => {
      sum += weight;
      this.cumulative[index] = sum;
    });
    this.total = sum;
  }

  /**
   * Zipf–Mandelbrot weights by rank (1 / (rank + offset)^exponent): a heavy head of very
   * common values and a long flat tail, as real name frequencies have.
   */
  static byRank<T>(itemsMostCommonFirst: readonly T[], exponent = 1, offset = 1): WeightedTable<T> {
    return new WeightedTable(itemsMostCommonFirst.map((item, index) => [item, 1 / Math.pow(index + 1 + offset, exponent)] as const));
  }

  /** Share of the total weight held by the item at `index` (for tests and documentation). */
  shareAt(index: number): number {
    return (this.cumulative[index] - (index === 0 ? 0 : this.cumulative[index - 1])) / this.total;
  }

  pick(random: SeededRandom): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low];
  }
}
