import type { NormalisedRecord } from '../resolution';

/**
 * Stored records' normalised forms as parsed, by record key, for as long as the text read from the
 * graph is the same: ingest reads a candidate customer's records again each time a later chunk
 * meets it, and handing back the same object lets the engine reuse the levels it computed for the
 * record's pairs (PairLevels), which at 950k records were four in five of a chunk's pairs. A record
 * whose stored text changed is parsed again. Least recently used entries go first.
 */
export class StoredRecordCache {
  private readonly entries = new Map<string, { text: string; record: NormalisedRecord }>();

  constructor(private readonly capacity: number) {}

  parse(key: string, text: string): NormalisedRecord {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      if (entry.text === text) {
        this.entries.set(key, entry);
        return entry.record;
      }
    }
    const record = JSON.parse(text) as NormalisedRecord;
    if (this.capacity === 0) return record;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { text, record });
    return record;
  }

  get size(): number {
    return this.entries.size;
  }
}
