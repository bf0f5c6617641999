import { NOISE_KINDS, NoiseKind, NoiseRates } from './noise-rates';
import { SeededRandom } from './random';

export const DROPPABLE_FIELDS = ['birthDate', 'email', 'phone', 'address', 'identifier'] as const;
export type DroppableField = (typeof DROPPABLE_FIELDS)[number];

/** How often each kind of noise could strike and how often it did, over a whole run. */
export class NoiseTally {
  readonly opportunities: Record<NoiseKind, number>;
  readonly applied: Record<NoiseKind, number>;

  constructor() {
    this.opportunities = Object.fromEntries(NOISE_KINDS.map((kind) => [kind, 0])) as Record<NoiseKind, number>;
    this.applied = { ...this.opportunities };
  }

  toJSON(): Record<NoiseKind, { opportunities: number; applied: number; rate: number }> {
    return Object.fromEntries(
      NOISE_KINDS.map((kind) => {
        const opportunities = this.opportunities[kind];
        const applied = this.applied[kind];
        return [kind, { opportunities, applied, rate: opportunities === 0 ? 0 : Math.round((applied / opportunities) * 10_000) / 10_000 }];
      }),
    ) as Record<NoiseKind, { opportunities: number; applied: number; rate: number }>;
  }
}

const ROLLS_PER_RECORD = NOISE_KINDS.length + DROPPABLE_FIELDS.length;

/**
 * The noise decisions for one record. Every roll is made up front from the record's own
 * stream, so changing one rate changes only that kind of noise: the same seed gives the same
 * people, systems and sourceIds whatever the rates. `detail` drives what a slip looks like.
 */
export class NoiseDice {
  private readonly rolls = new Float64Array(ROLLS_PER_RECORD);

  constructor(
    rollStream: SeededRandom,
    readonly detail: SeededRandom,
    private readonly rates: NoiseRates,
    private readonly tally: NoiseTally,
  ) {
    for (let i = 0; i < ROLLS_PER_RECORD; i++) this.rolls[i] = rollStream.next();
  }

  /** Whether noise of this kind strikes; call it only where the noise could apply. */
  strikes(kind: Exclude<NoiseKind, 'missingField'>): boolean {
    return this.decide(kind, this.rolls[NOISE_KINDS.indexOf(kind)]);
  }

  /** Whether a field the system would keep is missing from this record. */
  drops(field: DroppableField): boolean {
    return this.decide('missingField', this.rolls[NOISE_KINDS.length + DROPPABLE_FIELDS.indexOf(field)]);
  }

  private decide(kind: NoiseKind, roll: number): boolean {
    this.tally.opportunities[kind]++;
    const struck = roll < this.rates[kind];
    if (struck) this.tally.applied[kind]++;
    return struck;
  }
}
