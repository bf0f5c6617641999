import { closeSync, existsSync, fsyncSync, openSync, statSync, truncateSync, unlinkSync, writeSync } from 'node:fs';
import { FieldError } from '../../common/problem/problem-details';
import { checkRecord } from '../../ingest/record-validation';
import { createRowMapper, MappingFile, RowMapper } from './field-mapping';
import { emptyCounters, fingerprintOf, identifyFile, ImportCounters, ImportState, readState, writeState } from './import-state';
import { ProgressReporter } from './progress';
import { BatchAnswer, RecordSink } from './record-sinks';
import { formatOf, InputFormat, openItems, SourceItem } from './row-sources';

export interface ImportOptions {
  file: string;
  system: string;
  format?: InputFormat;
  delimiter?: string;
  mapping?: MappingFile;
  /** The mapping file's text, so a resume with a different mapping is refused. */
  mappingText?: string;
  batchSize: number;
  statePath: string;
  rejectsPath: string;
  /** Start from the beginning even if a checkpoint exists. */
  restart: boolean;
  sink: RecordSink;
  progress: ProgressReporter;
  /** Set to stop after the batch in flight (Ctrl-C): the checkpoint is written and a rerun continues. */
  stopRequested?: () => boolean;
  log?: (line: string) => void;
}

export interface ImportSummary {
  counters: ImportCounters;
  /** Whole import, earlier runs included. */
  durationMs: number;
  rowsPerSecond: number;
  /** Items skipped because an earlier run had done them. */
  resumedAt: number;
  completed: boolean;
  alreadyComplete: boolean;
  rejectsPath?: string;
}

/** A refused row as the reject file holds it (NDJSON, one per line). */
export interface RejectEntry {
  line: number;
  sourceId?: string;
  reason: string;
  errors: Array<FieldError & { column?: string }>;
  row?: unknown;
}

interface PendingRecord {
  ordinal: number;
  line: number;
  record: Record<string, unknown>;
}

/**
 * Reads a file item by item, validates each item as the API would, sends valid records in
 * batches and writes refused ones to the reject file. After each committed batch the
 * checkpoint moves on, so a rerun after a crash or Ctrl-C continues where this one stopped.
 */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const format = options.format ?? formatOf(options.file);
  const identity = identifyFile(options.file);
  const mappingFingerprint = fingerprintOf(options.mappingText);
  let state = options.restart ? undefined : readState(options.statePath);
  if (state) {
    const sameInput =
      state.file.fingerprint === identity.fingerprint &&
      state.system === options.system &&
      state.mappingFingerprint === mappingFingerprint &&
      state.target === options.sink.description;
    if (!sameInput && !state.completed) {
      throw new Error(
        `${options.statePath} holds an unfinished import of a different file, system, mapping or target; pass --restart to import ${options.file} from the beginning`,
      );
    }
    if (sameInput && state.completed) {
      return { counters: state.counters, durationMs: state.elapsedMs, rowsPerSecond: rate(state.counters.rowsRead, state.elapsedMs), resumedAt: state.itemsDone, completed: true, alreadyComplete: true };
    }
    if (!sameInput) state = undefined;
  }
  const current: ImportState = state ?? {
    version: 1,
    file: identity,
    system: options.system,
    target: options.sink.description,
    mappingFingerprint,
    itemsDone: 0,
    rejectsBytes: 0,
    counters: emptyCounters(),
    elapsedMs: 0,
    completed: false,
    updatedAt: new Date().toISOString(),
  };
  const resumedAt = current.itemsDone;
  if (resumedAt > 0) options.log?.(`resuming after item ${resumedAt} (${current.counters.loaded} records loaded, ${current.counters.rejected} rejected so far)`);

  // The reject file holds exactly the rejects of the checkpointed items: later lines belong to a batch that did not finish.
  if (existsSync(options.rejectsPath)) truncateSync(options.rejectsPath, Math.min(current.rejectsBytes, statSync(options.rejectsPath).size));
  const rejects = openSync(options.rejectsPath, 'a');
  const source = await openItems(options.file, format, options.delimiter);
  const mapper = mapperFor(format, source.header, options);
  const startedAt = Date.now();
  const elapsedBefore = current.elapsedMs;
  const counters = current.counters;
  let rowsThisRun = 0;
  let stopped = false;

  let batch: PendingRecord[] = [];
  let batchRejects: RejectEntry[] = [];
  let lastOrdinal = current.itemsDone - 1;

  // One batch resolves while the next is read: `flush` sends the batch read so far, then waits for
  // the one before it (`settle`), whose checkpoint thus lands in order. Sinks resolve one batch at a time.
  let inFlight: { answer?: Promise<BatchAnswer>; batch: PendingRecord[]; rejects: RejectEntry[]; lastOrdinal: number; rowsRead: number; rowsThisRun: number } | undefined;
  const settle = async () => {
    if (!inFlight) return;
    const sent = inFlight;
    inFlight = undefined;
    if (sent.answer) {
      const answer = await sent.answer;
      for (const error of answer.errors) {
        const entry = sent.batch[error.index];
        sent.rejects.push(rejectOf(entry.line, entry.record, error.errors, mapper, entry.record));
      }
      for (const result of answer.results) counters[result.outcome]++;
      counters.loaded += answer.results.length;
    }
    counters.rejected += sent.rejects.length;
    const text = sent.rejects.map((entry) => JSON.stringify(entry) + '\n').join('');
    if (text) {
      writeSync(rejects, text);
      fsyncSync(rejects);
      current.rejectsBytes += Buffer.byteLength(text);
    }
    current.itemsDone = sent.lastOrdinal + 1;
    current.elapsedMs = elapsedBefore + (Date.now() - startedAt);
    current.updatedAt = new Date().toISOString();
    // Rows read past this batch belong to the next one: a resume reads them again.
    writeState(options.statePath, { ...current, counters: { ...counters, rowsRead: sent.rowsRead } });
    options.progress.update({ rows: sent.rowsRead, rowsThisRun: sent.rowsThisRun, elapsedMs: Date.now() - startedAt, bytesRead: source.bytesRead(), totalBytes: identity.size });
  };
  const flush = async () => {
    if (batch.length === 0 && batchRejects.length === 0) return;
    const answer = batch.length > 0 ? options.sink.send(options.system, batch.map((entry) => entry.record)) : undefined;
    // Awaited by settle; handled here too so a failure is reported there, in order.
    answer?.catch(() => undefined);
    const sent = { answer, batch, rejects: batchRejects, lastOrdinal, rowsRead: counters.rowsRead, rowsThisRun };
    batch = [];
    batchRejects = [];
    await settle();
    inFlight = sent;
  };

  try {
    for await (const item of source.items) {
      if (item.ordinal < current.itemsDone) continue;
      lastOrdinal = item.ordinal;
      counters.rowsRead++;
      rowsThisRun++;
      const outcome = checkItem(item, mapper, options.system);
      if ('reject' in outcome) batchRejects.push(outcome.reject);
      else batch.push({ ordinal: item.ordinal, line: item.line, record: outcome.record });
      if (batch.length >= options.batchSize || batchRejects.length >= options.batchSize) {
        await flush();
        if (options.stopRequested?.()) {
          stopped = true;
          break;
        }
      }
    }
    if (!stopped) await flush();
    await settle();
    if (!stopped) {
      current.completed = true;
      current.elapsedMs = elapsedBefore + (Date.now() - startedAt);
      writeState(options.statePath, current);
    }
  } finally {
    // After a failure, the batch in flight is left to finish (nothing accepted is lost); its
    // checkpoint is not written, so a rerun sends it again and finds it unchanged.
    await inFlight?.answer?.catch(() => undefined);
    closeSync(rejects);
    options.progress.stop();
  }
  if (current.rejectsBytes === 0 && existsSync(options.rejectsPath)) unlinkSync(options.rejectsPath);
  return {
    counters,
    durationMs: current.elapsedMs,
    rowsPerSecond: rate(counters.rowsRead, current.elapsedMs),
    resumedAt,
    completed: current.completed,
    alreadyComplete: false,
    rejectsPath: current.rejectsBytes > 0 ? options.rejectsPath : undefined,
  };
}

function mapperFor(format: InputFormat, header: string[] | undefined, options: ImportOptions): RowMapper | undefined {
  if (format === 'csv') {
    const mapper = createRowMapper(header ?? [], options.mapping);
    if (mapper.unmapped.length > 0) options.log?.(`columns not loaded (not in the mapping): ${mapper.unmapped.join(', ')}`);
    return mapper;
  }
  // JSON and NDJSON objects are canonical records already, unless a mapping says how to read their keys.
  return options.mapping ? createRowMapper(Object.keys(options.mapping.columns), options.mapping) : undefined;
}

function checkItem(item: SourceItem, mapper: RowMapper | undefined, system: string): { record: Record<string, unknown> } | { reject: RejectEntry } {
  if (item.kind === 'unreadable') {
    return { reject: { line: item.line, reason: item.reason, errors: [{ field: '(row)', reason: item.reason }], row: item.raw } };
  }
  let record: Record<string, unknown>;
  let original: unknown;
  if (item.kind === 'row') {
    original = item.row;
    record = mapper!.toRecord(item.row, system);
  } else if (mapper && isPlainObject(item.record)) {
    original = item.record;
    record = mapper.toRecord(stringValues(item.record), system);
  } else {
    original = item.record;
    if (!isPlainObject(item.record)) return { reject: { line: item.line, reason: 'must be a JSON object', errors: [{ field: '', reason: 'must be a JSON object' }], row: item.record } };
    record = item.record;
  }
  const check = checkRecord(record);
  if (check.ok) return { record };
  return { reject: rejectOf(item.line, record, check.errors, mapper, original) };
}

function rejectOf(line: number, record: Record<string, unknown>, errors: FieldError[], mapper: RowMapper | undefined, row: unknown): RejectEntry {
  const located: Array<FieldError & { column?: string }> = errors.map((error) => {
    const column = mapper?.columnOf(error.field);
    return column ? { ...error, column } : error;
  });
  const reason = located.map((error) => `${error.column ? `column "${error.column}" (${error.field})` : error.field || '(record)'} ${error.reason}`).join('; ');
  const sourceId = typeof record.sourceId === 'string' ? record.sourceId : undefined;
  return { line, ...(sourceId ? { sourceId } : {}), reason, errors: located, row };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringValues(object: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined).map(([key, value]) => [key, String(value)]));
}

function rate(rows: number, ms: number): number {
  return ms > 0 ? Math.round((rows * 1000) / ms) : 0;
}
