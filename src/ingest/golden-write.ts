import { encodeGolden, NormalisedRecord, SourceRecordInput, survivorValues, SurvivorInput } from '../resolution';
import { ResolutionWrite, StoredRecord } from './ingest.repository';

/**
 * A stored record as survivorship reads it. The record as received is parsed on first use: a
 * resolution reads every record of its candidate customers but recomputes the golden record only
 * of those whose membership changed (at 500k records, most of the records read).
 */
export function survivorInputOf(record: Omit<StoredRecord, 'payload'> & { payload?: string }, payloads?: ReadonlyMap<string, string>): SurvivorInput {
  let input: SourceRecordInput | undefined;
  return {
    normalised: JSON.parse(record.normalised) as NormalisedRecord,
    // A neighbour's record is read without its payload: `payloads` holds it once the neighbour is taken in.
    get input() {
      return (input ??= JSON.parse(record.payload ?? payloads!.get(record.key)!) as SourceRecordInput);
    },
    trust: record.trust,
    observedAt: record.observedAt,
  };
}

/** The golden attributes of a customer, recomputed from all its records, as the graph stores them. */
export function goldenWriteOf(customerId: string, records: SurvivorInput[]): ResolutionWrite['golden'][number] {
  const golden = survivorValues(records);
  return {
    customerId,
    displayName: golden.displayName,
    nameVariants: golden.nameVariants,
    birthDate: golden.birthDate?.value ?? null,
    golden: encodeGolden(golden),
    recordCount: golden.recordCount,
  };
}

export function emptyWrite(now: string): ResolutionWrite {
  return { now, customers: [], merges: [], links: [], retire: [], golden: [], reviews: [] };
}
