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
  /** The record as received and its normalised form as stored (see recordToStore), serialised here: bulk loads prepare the next batch while one resolves. */
  payloadJson: string;
  normalisedJson: string;
  blockingKeys: string[];
  observedAt: string;
  trust: number;
  /** Its shared identifiers and the records it names, locked before resolution and linked after. */
  network: RecordNetwork;
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
  const payloadJson = JSON.stringify({ ...dto, system });
  const input: SourceRecordInput = JSON.parse(payloadJson);
  const { observedAt, ...content } = input;
  const normalised = normaliseRecord(input, model.settings);
  const prepared = {
    index,
    key: normalised.key,
    system,
    sourceId: dto.sourceId,
    input,
    normalised,
    // observedAt alone changing does not make a record different.
    contentHash: createHash('sha256').update(canonicalJson(content)).digest('base64url'),
    payloadJson,
    normalisedJson: JSON.stringify(normalised),
    blockingKeys: blockingKeysFor(normalised, model.settings),
    observedAt: observedAt ? new Date(observedAt).toISOString() : receivedAt,
    trust,
  };
  return { ...prepared, network: networkOf(prepared) };
}

/** What a record contributes to the network: its shared-identifier values and the records it names. */
export interface RecordNetwork {
  emails: string[];
  phones: string[];
  addresses: Array<{ value: string; postcode: string; number: string; street: string; locality: string; country: string }>;
  identifiers: string[];
  devices: string[];
  relationships: Array<{ type: string; targetKey: string; targetSystem: string; targetSourceId: string; ownershipPct: number | null; since: string | null }>;
  referredBy: { targetKey: string; targetSystem: string; targetSourceId: string } | null;
}

const recordKeyOf = (system: string, sourceId: string) => `${system}:${sourceId}`;

function networkOf(record: Pick<PreparedRecord, 'input' | 'normalised'>): RecordNetwork {
  const { normalised } = record;
  const input = record.input as SourceRecordInput & {
    devices?: string[];
    relationships?: Array<{ type: string; target: { system: string; sourceId: string }; ownershipPct?: number; since?: string }>;
    referredBy?: { system: string; sourceId: string };
  };
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    emails: unique(normalised.emails),
    phones: unique(normalised.phones),
    addresses: [...new Map(normalised.addresses.filter((address) => address.key).map((address) => [address.key, address])).values()].map((address) => ({
      value: address.key,
      postcode: address.postcode,
      number: address.number,
      street: address.street,
      locality: address.locality,
      country: address.country,
    })),
    identifiers: unique(normalised.identifiers),
    devices: unique((input.devices ?? []).map((device) => device.trim().toLowerCase()).filter(Boolean)),
    relationships: (input.relationships ?? []).map((relationship) => ({
      type: relationship.type,
      targetKey: recordKeyOf(relationship.target.system, relationship.target.sourceId),
      targetSystem: relationship.target.system,
      targetSourceId: relationship.target.sourceId,
      ownershipPct: relationship.ownershipPct ?? null,
      since: relationship.since ?? null,
    })),
    referredBy: input.referredBy
      ? { targetKey: recordKeyOf(input.referredBy.system, input.referredBy.sourceId), targetSystem: input.referredBy.system, targetSourceId: input.referredBy.sourceId }
      : null,
  };
}
