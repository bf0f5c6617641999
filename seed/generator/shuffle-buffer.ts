import { SeededRandom } from './random';

/**
 * Emits items in a scrambled order with bounded memory: once full, each new item takes the
 * place of a random one, which leaves. Records of one person, added together, leave far apart.
 */
export class ShuffleBuffer<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly capacity: number,
    private readonly random: SeededRandom,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`shuffle buffer capacity must be a positive integer, got ${capacity}`);
  }

  /** Adds an item; returns the one that leaves to make room, if the buffer was full. */
  push(item: T): T | undefined {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return undefined;
    }
    const at = this.random.int(this.capacity);
    const leaving = this.items[at];
    this.items[at] = item;
    return leaving;
  }

  /** Everything still held, in random order; the buffer is empty afterwards. */
  *drain(): Generator<T> {
    while (this.items.length > 0) {
      const at = this.random.int(this.items.length);
      const last = this.items.pop()!;
      if (at < this.items.length) {
        const leaving = this.items[at];
        this.items[at] = last;
        yield leaving;
      } else yield last;
    }
  }
}
