import { deriveSeed, SeededRandom } from './random';
import { WeightedTable } from './weighted-table';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((random) => () => random.nextUint32())(new SeededRandom(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays within its ranges and spreads evenly', () => {
    const random = new SeededRandom(7);
    const counts = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = random.next();
      if (value < 0 || value >= 1) outside++;
      counts[random.int(10)]++;
    }
    expect(outside).toBe(0);
    for (const count of counts) expect(count).toBeGreaterThan(9_500);
    expect(new Set(Array.from({ length: 1000 }, () => random.between(3, 5)))).toEqual(new Set([3, 4, 5]));
  });
});

describe('deriveSeed', () => {
  it('separates streams that differ in any part', () => {
    const seeds = new Set<number>();
    for (let a = 0; a < 50; a++) for (let b = 0; b < 50; b++) seeds.add(deriveSeed(42, a, b));
    expect(seeds.size).toBe(2500);
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(2, 1));
  });
});

describe('WeightedTable', () => {
  it('draws in proportion to the weights', () => {
    const table = new WeightedTable([['a', 1], ['b', 3]] as const);
    const random = new SeededRandom(1);
    let b = 0;
    for (let i = 0; i < 40_000; i++) if (table.pick(random) === 'b') b++;
    expect(b / 40_000).toBeCloseTo(0.75, 2);
  });

  it('gives a heavy head by rank', () => {
    const table = WeightedTable.byRank(Array.from({ length: 50 }, (_, i) => i), 1, 1);
    expect(table.shareAt(0)).toBeGreaterThan(10 * table.shareAt(49));
  });
});
