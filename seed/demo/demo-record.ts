import { CanonicalRecord } from '../generator/canonical-record';

/** A reference to a record of any demo system, the six generated ones or the company registry. */
export interface DemoReference {
  system: string;
  sourceId: string;
}

/** Any relationship the API accepts (DESIGN §5), not only the family ones the generator writes. */
export interface DemoRelationship {
  type: string;
  target: DemoReference;
  ownershipPct?: number;
  since?: string;
}

/** The canonical record with the wider relationship types the registry needs. */
export interface DemoRecord extends Omit<CanonicalRecord, 'relationships' | 'referredBy'> {
  relationships?: DemoRelationship[];
  referredBy?: DemoReference;
}

/** The instant the demo is "now": events lie in the 18 months before it. Fixed so output is reproducible. */
export const DEMO_REFERENCE_DATE = '2026-11-01T00:00:00Z';
export const DEMO_REFERENCE_MS = Date.parse(DEMO_REFERENCE_DATE);
const DAY_MS = 86_400_000;

/** ISO instant without milliseconds, as the generator writes them. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function daysBeforeReference(days: number): number {
  return DEMO_REFERENCE_MS - days * DAY_MS;
}
