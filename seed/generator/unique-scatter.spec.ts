import { BloomFilter } from './bloom-filter';
import { UniqueScatter } from './unique-scatter';

describe('UniqueScatter', () => {
  it('visits every number of its space once, not in order, then starts a new lap', () => {
    const scatter = new UniqueScatter(1000, 42);
    const values = Array.from({ length: 1000 }, () => scatter.take());
    expect(new Set(values.map((v) => v.value)).size).toBe(1000);
    expect(values.every((v) => v.lap === 0 && v.value >= 0 && v.value < 1000)).toBe(true);
    expect(values.slice(0, 10).map((v) => v.value)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(scatter.take().lap).toBe(1);
  });

  it('stays exact for spaces up to 2^32', () => {
    const scatter = new UniqueScatter(4e9, 1);
    const values = new Set(Array.from({ length: 10_000 }, () => scatter.take().value));
    expect(values.size).toBe(10_000);
    expect([...values].every((value) => Number.isInteger(value) && value >= 0 && value < 4e9)).toBe(true);
  });
});

describe('BloomFilter', () => {
  it('never forgets a value and rarely claims an unseen one', () => {
    const filter = new BloomFilter(100_000 * 24);
    for (let i = 0; i < 100_000; i++) filter.add(`person${i}@example.com`);
    let forgotten = 0;
    for (let i = 0; i < 100_000; i++) if (!filter.has(`person${i}@example.com`)) forgotten++;
    expect(forgotten).toBe(0);
    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (filter.has(`other${i}@example.com`)) falsePositives++;
    expect(falsePositives / 100_000).toBeLessThan(0.01);
  });
});
