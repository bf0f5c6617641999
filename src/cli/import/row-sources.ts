import { parse } from 'csv-parse';
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { extname } from 'node:path';

export type InputFormat = 'csv' | 'ndjson' | 'json';

/**
 * One item of an input file, in file order. `ordinal` counts every item, good or bad, so a
 * resumed import skips exactly the items it had finished. `line` is the 1-based line where
 * the item starts (CSV, NDJSON) or its position in the array (JSON).
 */
export type SourceItem =
  | { ordinal: number; line: number; kind: 'row'; row: Record<string, string> }
  | { ordinal: number; line: number; kind: 'record'; record: unknown }
  | { ordinal: number; line: number; kind: 'unreadable'; reason: string; raw?: string };

export interface ItemSource {
  /** The CSV header, once known (before the first item). */
  header?: string[];
  items: AsyncIterable<SourceItem>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
}

export function formatOf(file: string, declared?: string): InputFormat {
  const format = (declared ?? extname(file).slice(1)).toLowerCase();
  if (format === 'csv' || format === 'json') return format;
  if (format === 'ndjson' || format === 'jsonl') return 'ndjson';
  throw new Error(`cannot tell the format of ${file} from its extension: give --format csv, ndjson or json`);
}

export async function openItems(file: string, format: InputFormat, delimiter = ','): Promise<ItemSource> {
  if (format === 'csv') return openCsv(file, delimiter);
  if (format === 'ndjson') return openNdjson(file);
  return openJson(file);
}

async function openCsv(file: string, delimiter: string): Promise<ItemSource> {
  const header = await readCsvHeader(file, delimiter);
  const skipped: Array<{ line: number; reason: string; raw?: string }> = [];
  // Rows are read as arrays and checked against the header here, so a short or long row is
  // refused in file order; the parser only skips rows it cannot read at all (a stray quote).
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      delimiter,
      from_line: 2,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error, raw) => {
        skipped.push({ line: Number(error?.lines ?? 0), reason: error?.message ?? 'unreadable row', raw });
        return undefined;
      },
    }),
  );
  let bytes = 0;
  async function* items(): AsyncGenerator<SourceItem> {
    let ordinal = 0;
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number }; raw: string }>) {
      for (const bad of skipped.splice(0)) yield { ordinal: ordinal++, line: bad.line, kind: 'unreadable', reason: bad.reason, raw: bad.raw };
      bytes = entry.info.bytes;
      const line = entry.info.lines - entry.raw.replace(/\r?\n$/, '').split('\n').length + 1;
      if (entry.record.length !== header.length) {
        const reason = `has ${entry.record.length} fields where the header has ${header.length}`;
        yield { ordinal: ordinal++, line, kind: 'unreadable', reason, raw: entry.raw };
        continue;
      }
      yield { ordinal: ordinal++, line, kind: 'row', row: Object.fromEntries(header.map((column, position) => [column, entry.record[position]])) };
    }
    for (const bad of skipped.splice(0)) yield { ordinal: ordinal++, line: bad.line, kind: 'unreadable', reason: bad.reason, raw: bad.raw };
  }
  return { header, items: items(), bytesRead: () => bytes };
}

async function readCsvHeader(file: string, delimiter: string): Promise<string[]> {
  const parser = createReadStream(file, { end: 1024 * 1024 }).pipe(parse({ bom: true, delimiter, to_line: 1, relax_column_count: true }));
  for await (const record of parser as AsyncIterable<string[]>) {
    const header = record.map((column) => column.trim());
    const repeated = header.filter((column, position) => header.indexOf(column) !== position);
    if (repeated.length > 0) throw new Error(`the CSV header names ${[...new Set(repeated)].map((column) => `"${column}"`).join(', ')} more than once`);
    return header;
  }
  throw new Error(`${file} is empty: a CSV file needs a header line`);
}

async function openNdjson(file: string): Promise<ItemSource> {
  const stream = createReadStream(file);
  let bytes = 0;
  async function* items(): AsyncGenerator<SourceItem> {
    let ordinal = 0;
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      bytes += Buffer.byteLength(text) + 1;
      if (text.trim() === '') continue;
      try {
        yield { ordinal: ordinal++, line, kind: 'record', record: JSON.parse(text) };
      } catch {
        yield { ordinal: ordinal++, line, kind: 'unreadable', reason: 'is not valid JSON', raw: text.slice(0, 2000) };
      }
    }
  }
  return { items: items(), bytesRead: () => bytes };
}

/** A JSON file is an array of records (or `{ "records": [...] }`); it is read whole, so use NDJSON or CSV for very large files. */
async function openJson(file: string): Promise<ItemSource> {
  const text = await fs.readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); a JSON file must hold an array of records`);
  }
  const records: unknown = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown })?.records;
  if (!Array.isArray(records)) throw new Error(`${file} must hold an array of records, or an object with a "records" array`);
  const size = Buffer.byteLength(text);
  let done = 0;
  const list: unknown[] = records;
  async function* items(): AsyncGenerator<SourceItem> {
    for (let position = 0; position < list.length; position++) {
      done = position + 1;
      yield { ordinal: position, line: position + 1, kind: 'record', record: list[position] };
    }
  }
  return { items: items(), bytesRead: () => Math.round((size * done) / Math.max(1, list.length)) };
}
