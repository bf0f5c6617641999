import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { IngestResultDto } from './dto/ingest-result.dto';
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
    // One chunk resolves while the next is read and prepared: the database and this process work
    // at the same time, and chunks still resolve one after another, in order.
    let resolving: { results: Promise<IngestResultDto[]> } | undefined;
    const drain = async function* () {
      if (!resolving) return;
      const current = resolving;
      resolving = undefined;
      for (const result of await current.results) {
        accepted++;
        yield JSON.stringify(result) + '\n';
      }
    };
    const flush = async function* () {
      const parsed = pending.filter((entry) => entry.item !== PARSE_ERROR);
      const bad = pending.filter((entry) => entry.item === PARSE_ERROR);
      pending = [];
      const batch = service.prepareAll(system, parsed.map((entry) => entry.item), 0);
      // prepareAll numbers from 0; map back to line numbers.
      for (const record of batch.prepared) record.index = parsed[record.index].index;
      // The previous chunk's answers come first, so the output keeps the order of the input chunks.
      yield* drain();
      for (const entry of bad) {
        refused++;
        yield JSON.stringify({ index: entry.index, errors: [{ field: '(line)', reason: 'is not valid JSON' }] }) + '\n';
      }
      for (const error of batch.errors) {
        refused++;
        yield JSON.stringify({ ...error, index: parsed[error.index].index }) + '\n';
      }
      const results = service.resolvePrepared(batch.prepared, decidedBy);
      // Handled here too, so a failure surfaces at drain (in order), never as an unhandled rejection.
      results.catch(() => undefined);
      resolving = { results };
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
    yield* drain();
    yield JSON.stringify({ summary: { lines: index, accepted, refused } }) + '\n';
  }
  return Readable.from(run());
}

const PARSE_ERROR = Symbol('unparseable line');
