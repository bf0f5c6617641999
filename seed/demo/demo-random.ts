import { deriveSeed, SeededRandom } from '../generator/random';

/** The demo's own streams, apart from the generator's, so adding events never moves a company or an entry. */
export const DEMO_STREAM = { registry: 101, events: 102, watchlist: 103 } as const;

export function demoRandom(seed: number, stream: (typeof DEMO_STREAM)[keyof typeof DEMO_STREAM]): SeededRandom {
  return new SeededRandom(deriveSeed(seed, stream));
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
