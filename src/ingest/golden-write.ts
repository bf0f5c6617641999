import { NormalisedRecord, SourceRecordInput, survivorValues, SurvivorInput } from '../resolution';
import { ResolutionWrite, StoredRecord } from './ingest.repository';

/** A stored record as survivorship reads it. */
export function survivorInputOf(record: StoredRecord): SurvivorInput {
  return {
    normalised: JSON.parse(record.normalised) as NormalisedRecord,
    input: JSON.parse(record.payload) as SourceRecordInput,
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
    golden: JSON.stringify(golden),
    recordCount: golden.recordCount,
  };
}

export function emptyWrite(now: string): ResolutionWrite {
  return { now, customers: [], merges: [], links: [], retire: [], golden: [], reviews: [] };
}
