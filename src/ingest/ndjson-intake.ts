import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { IngestService } from './ingest.service';

/**
 * Bulk intake: reads NDJSON line by line, resolves in chunks, and answers NDJSON as it goes
 * (one line per input line: the result, or `{index, errors}` for a refused line), so memory
 * stays bounded whatever the size of the stream. `index` is the 0-based line number.
 */
export function ndjsonIntake(service: IngestService, system: string, input: NodeJS.ReadableStream, decidedBy: string, chunkSize: number): Readable {
  async function* run(): AsyncGenerator<string> {
    const lines = createInterface({ input, crlfDelay: Infinity });
    let pending: Array<{ index: number; item: unknown }> = [];
    let index = 0;
    let accepted = 0;
    let refused = 0;
    const flush = async function* () {
      const parsed = pending.filter((entry) => entry.item !== PARSE_ERROR);
      const bad = pending.filter((entry) => entry.item === PARSE_ERROR);
      for (const entry of bad) {
        refused++;
        yield JSON.stringify({ index: entry.index, errors: [{ field: '(line)', reason: 'is not valid JSON' }] }) + '\n';
      }
      const items = parsed.map((entry) => entry.item);
      const batch = service.prepareAll(system, items, 0);
      // prepareAll numbers from 0; map back to line numbers.
      for (const record of batch.prepared) record.index = parsed[record.index].index;
      for (const error of batch.errors) {
        refused++;
        yield JSON.stringify({ ...error, index: parsed[error.index].index }) + '\n';
      }
      for (const result of await service.resolvePrepared(batch.prepared, decidedBy)) {
        accepted++;
        yield JSON.stringify(result) + '\n';
      }
      pending = [];
    };
    for await (const line of lines) {
      const current = index++;
      if (line.trim() === '') continue;
      let item: unknown = PARSE_ERROR;
      try {
        item = JSON.parse(line);
      } catch {
        // reported by flush with its line number
      }
      pending.push({ index: current, item });
      if (pending.length >= chunkSize) yield* flush();
    }
    if (pending.length > 0) yield* flush();
    yield JSON.stringify({ summary: { lines: index, accepted, refused } }) + '\n';
  }
  return Readable.from(run());
}

const PARSE_ERROR = Symbol('unparseable line');
