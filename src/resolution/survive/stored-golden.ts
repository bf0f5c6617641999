import type { GoldenRecord, SurvivingValue } from './survivor-values';

/** Marks the compact form; a golden record stored without it is the plain GoldenRecord JSON. */
const COMPACT_VERSION = 2;

type Source = [system: string, sourceId: string, observedAt: string];
/** A value as stored: its source is an index into `sources`; a rule of `only` is left out. */
interface StoredValue<T> {
  value: T;
  source: number;
  rule?: Exclude<SurvivingValue<T>['rule'], 'only'>;
}

const SINGLE_FIELDS = ['name', 'birthDate', 'gender', 'organizationName'] as const;
const LIST_FIELDS = ['emails', 'phones', 'addresses', 'identifiers'] as const;

/**
 * The golden record as the graph stores it (Customer.golden). Most of a customer's values come
 * from the same few records, so each value names its source by index into one list of sources
 * instead of repeating system, source id and time: about a third fewer bytes for a
 * one-record customer, which every ingest commit writes for each customer it touches.
 */
export function encodeGolden(golden: GoldenRecord): string {
  const sources: Source[] = [];
  const indexOf = new Map<string, number>();
  const compact = <T>(surviving: SurvivingValue<T>): StoredValue<T> => {
    const identity = `${surviving.system}\u0000${surviving.sourceId}\u0000${surviving.observedAt}`;
    let source = indexOf.get(identity);
    if (source === undefined) {
      source = sources.push([surviving.system, surviving.sourceId, surviving.observedAt]) - 1;
      indexOf.set(identity, source);
    }
    return { value: surviving.value, source, ...(surviving.rule === 'only' ? {} : { rule: surviving.rule }) };
  };
  const stored: Record<string, unknown> = { v: COMPACT_VERSION, displayName: golden.displayName, nameVariants: golden.nameVariants, recordCount: golden.recordCount };
  for (const field of SINGLE_FIELDS) stored[field] = golden[field] ? compact<unknown>(golden[field]) : null;
  for (const field of LIST_FIELDS) stored[field] = (golden[field] as Array<SurvivingValue<unknown>>).map(compact);
  stored.sources = sources;
  return JSON.stringify(stored);
}

/** Reads Customer.golden in either form (compact, or the plain JSON stored by earlier versions). */
export function decodeGolden(text: string | null | undefined): GoldenRecord | null {
  if (!text) return null;
  const parsed = JSON.parse(text) as Record<string, unknown>;
  if (parsed.v !== COMPACT_VERSION) return parsed as unknown as GoldenRecord;
  const sources = parsed.sources as Source[];
  const expand = <T>(stored: StoredValue<T>): SurvivingValue<T> => {
    const [system, sourceId, observedAt] = sources[stored.source];
    return { value: stored.value, system, sourceId, observedAt, rule: stored.rule ?? 'only' };
  };
  const golden: Record<string, unknown> = { displayName: parsed.displayName, nameVariants: parsed.nameVariants };
  for (const field of SINGLE_FIELDS) golden[field] = parsed[field] ? expand(parsed[field] as StoredValue<unknown>) : null;
  for (const field of LIST_FIELDS) golden[field] = ((parsed[field] ?? []) as Array<StoredValue<unknown>>).map(expand);
  golden.recordCount = parsed.recordCount;
  return golden as unknown as GoldenRecord;
}
