import { SeededRandom } from './random';

/** The last few items seen, in fixed memory: referrers and employers are drawn from here. */
export class RecentItems<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  remember(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  pick(random: SeededRandom): T | undefined {
    return this.items.length === 0 ? undefined : random.pick(this.items);
  }
}
