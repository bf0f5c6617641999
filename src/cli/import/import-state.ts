import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';

/** What an import has done so far; the summary adds these up. */
export interface ImportCounters {
  rowsRead: number;
  loaded: number;
  rejected: number;
  created: number;
  linked: number;
  merged: number;
  review: number;
  unchanged: number;
}

export const emptyCounters = (): ImportCounters => ({ rowsRead: 0, loaded: 0, rejected: 0, created: 0, linked: 0, merged: 0, review: 0, unchanged: 0 });

/** Identifies the input so a resume never continues over a different file. */
export interface FileIdentity {
  size: number;
  /** SHA-256 of the first and last 64 KiB and the size. */
  fingerprint: string;
}

/**
 * The checkpoint of an import, written after every batch that the graph has committed. A
 * resumed run skips `itemsDone` items, truncates the reject file to `rejectsBytes`, and
 * carries on; a batch committed just before a crash is sent again and comes back
 * `unchanged`, so nothing is lost or doubled.
 */
export interface ImportState {
  version: 1;
  file: FileIdentity;
  system: string;
  /** Where the records went (the API's URL, or which Neo4j): a checkpoint says nothing about another database. */
  target: string;
  mappingFingerprint: string | null;
  itemsDone: number;
  rejectsBytes: number;
  counters: ImportCounters;
  /** Time spent in earlier runs, so the summary's duration and rate cover the whole import. */
  elapsedMs: number;
  completed: boolean;
  updatedAt: string;
}

export function identifyFile(path: string): FileIdentity {
  const { size } = statSync(path);
  const hash = createHash('sha256').update(String(size));
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, chunk, 0, chunk.length, 0);
    hash.update(chunk);
    readSync(fd, chunk, 0, chunk.length, Math.max(0, size - chunk.length));
    hash.update(chunk);
  } finally {
    closeSync(fd);
  }
  return { size, fingerprint: hash.digest('hex') };
}

export function fingerprintOf(text: string | undefined): string | null {
  return text === undefined ? null : createHash('sha256').update(text).digest('hex');
}

export function readState(path: string): ImportState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as ImportState;
    return state.version === 1 ? state : undefined;
  } catch {
    throw new Error(`the import state file ${path} is damaged; remove it (or pass --restart) to import from the beginning`);
  }
}

/** Written to a temporary file and renamed, so a crash leaves the old checkpoint or the new one, never half of one. */
export function writeState(path: string, state: ImportState): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 2));
  renameSync(temporary, path);
}
