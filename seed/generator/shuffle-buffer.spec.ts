import { SeededRandom } from './random';
import { ShuffleBuffer } from './shuffle-buffer';

function shuffled(count: number, capacity: number): number[] {
  const buffer = new ShuffleBuffer<number>(capacity, new SeededRandom(11));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const leaving = buffer.push(i);
    if (leaving !== undefined) out.push(leaving);
  }
  out.push(...buffer.drain());
  return out;
}

describe('ShuffleBuffer', () => {
  it('emits every item exactly once', () => {
    const out = shuffled(10_000, 500);
    expect(out).toHaveLength(10_000);
    expect(new Set(out).size).toBe(10_000);
  });

  it('moves neighbours far apart', () => {
    const out = shuffled(20_000, 1000);
    const position = new Map(out.map((item, index) => [item, index]));
    let adjacent = 0;
    for (let i = 0; i + 1 < 20_000; i++) if (Math.abs(position.get(i)! - position.get(i + 1)!) === 1) adjacent++;
    expect(adjacent / 20_000).toBeLessThan(0.01);
  });

  it('holds small inputs entirely and still scrambles them', () => {
    const out = shuffled(50, 1000);
    expect([...out].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(out).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
