import { createHash } from 'node:crypto';
import { blockingKeysFor, MatchModel, normaliseRecord, NormalisedRecord, SourceRecordInput } from '../resolution';
import { SourceRecordDto } from './dto/source-record.dto';

/** A validated record ready for resolution: normalised once, hashed, its blocking keys known. */
export interface PreparedRecord {
  /** Position in the request, to report results by index. */
  index: number;
  key: string;
  system: string;
  sourceId: string;
  input: SourceRecordInput;
  normalised: NormalisedRecord;
  contentHash: string;
  blockingKeys: string[];
  observedAt: string;
  trust: number;
}

/** Stable JSON (sorted keys) so the same content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function prepareRecord(system: string, dto: SourceRecordDto, index: number, model: MatchModel, trust: number, receivedAt: string): PreparedRecord {
  const input: SourceRecordInput = JSON.parse(JSON.stringify({ ...dto, system }));
  const { observedAt, ...content } = input;
  const normalised = normaliseRecord(input, model.settings);
  return {
    index,
    key: normalised.key,
    system,
    sourceId: dto.sourceId,
    input,
    normalised,
    // observedAt alone changing does not make a record different.
    contentHash: createHash('sha256').update(canonicalJson(content)).digest('base64url'),
    blockingKeys: blockingKeysFor(normalised, model.settings),
    observedAt: observedAt ? new Date(observedAt).toISOString() : receivedAt,
    trust,
  };
}
