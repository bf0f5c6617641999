import { GeneratedRecord } from './canonical-record';
import { DatasetRun, GenerationOptions } from './dataset-run';

/** Hand control back to the event loop this often when iterated asynchronously. */
const RECORDS_PER_TURN = 2_000;

/**
 * The generated records, iterable both ways: `for await` for streaming consumers (it yields to
 * the event loop now and then), plain `for … of` for CPU-bound loops such as benchmarks.
 * Each iteration starts a fresh run, so iterating twice gives the same records twice.
 */
export class GeneratedRecords implements Iterable<GeneratedRecord>, AsyncIterable<GeneratedRecord> {
  constructor(private readonly options: GenerationOptions) {}

  [Symbol.iterator](): Iterator<GeneratedRecord> {
    return new DatasetRun(this.options).records();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<GeneratedRecord> {
    let sinceTurn = 0;
    for (const record of this) {
      yield record;
      if (++sinceTurn === RECORDS_PER_TURN) {
        sinceTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
}

/** `{ system, record, entityId }` for every record of a synthetic population, deterministic for the seed. */
export function generateRecords(options: GenerationOptions): GeneratedRecords {
  return new GeneratedRecords(options);
}
