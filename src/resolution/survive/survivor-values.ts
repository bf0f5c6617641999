import type { NormalisedRecord, SourceRecordInput } from '../resolution.types';

export interface SurvivorInput {
  normalised: NormalisedRecord;
  input: SourceRecordInput;
  /** Trust rank of the record's source system (higher wins). */
  trust: number;
  observedAt: string;
}

/** A golden value and where it came from. */
export interface SurvivingValue<T> {
  value: T;
  system: string;
  sourceId: string;
  observedAt: string;
  /** Why this value won: `trust`, `frequency`, `recency` or `only`. */
  rule: 'trust' | 'frequency' | 'recency' | 'only';
}

export interface GoldenRecord {
  displayName: string | null;
  /** Every distinct spelling of the name across records, for search. */
  nameVariants: string[];
  name: SurvivingValue<{ given?: string; family?: string; full: string }> | null;
  birthDate: SurvivingValue<string> | null;
  gender: SurvivingValue<string> | null;
  organizationName: SurvivingValue<string> | null;
  emails: Array<SurvivingValue<string>>;
  phones: Array<SurvivingValue<string>>;
  addresses: Array<SurvivingValue<Record<string, string>>>;
  identifiers: Array<SurvivingValue<{ type: string; value: string; country?: string }>>;
  recordCount: number;
}

interface Candidate<T> {
  value: T;
  identity: string;
  record: SurvivorInput;
}

/**
 * Compares instants, not strings: a time read back from Neo4j drops trailing zeros of its
 * fraction (…01.12Z), one made here keeps them (…01.120Z), and as strings they sort wrongly.
 */
function newer(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}

/** Source trust first, then how many records agree, then the most recent, then the record key. */
function pick<T>(candidates: Array<Candidate<T>>): SurvivingValue<T> | null {
  if (candidates.length === 0) return null;
  const frequency = new Map<string, number>();
  for (const candidate of candidates) frequency.set(candidate.identity, (frequency.get(candidate.identity) ?? 0) + 1);
  const ranked = [...candidates].sort(
    (a, b) =>
      b.record.trust - a.record.trust ||
      frequency.get(b.identity)! - frequency.get(a.identity)! ||
      newer(b.record.observedAt, a.record.observedAt) ||
      a.record.normalised.key.localeCompare(b.record.normalised.key),
  );
  const [winner, runnerUp] = ranked;
  const rule =
    runnerUp === undefined || new Set(candidates.map((c) => c.identity)).size === 1
      ? 'only'
      : winner.record.trust !== runnerUp.record.trust
        ? 'trust'
        : frequency.get(winner.identity)! !== frequency.get(runnerUp.identity)!
          ? 'frequency'
          : 'recency';
  return { value: winner.value, system: winner.record.normalised.system, sourceId: winner.record.normalised.sourceId, observedAt: winner.record.observedAt, rule };
}

/** Distinct values of a list field, each from its most trusted, most recent record. */
function collectList<T>(records: SurvivorInput[], valuesOf: (record: SurvivorInput) => Array<{ value: T; identity: string }>): Array<SurvivingValue<T>> {
  const byIdentity = new Map<string, Array<Candidate<T>>>();
  for (const record of records) {
    for (const { value, identity } of valuesOf(record)) {
      const list = byIdentity.get(identity) ?? [];
      list.push({ value, identity, record });
      byIdentity.set(identity, list);
    }
  }
  return [...byIdentity.values()].map((candidates) => pick(candidates)!).sort((a, b) => newer(b.observedAt, a.observedAt));
}

function fullNameOf(input: SourceRecordInput): string {
  const name = input.name ?? {};
  return (name.full ?? [name.given, name.middle, name.family].filter(Boolean).join(' ')).trim();
}

/** Golden attributes of a customer, recomputed from all its records; each value keeps its source. */
export function survivorValues(records: SurvivorInput[]): GoldenRecord {
  const named = records.filter((record) => fullNameOf(record.input));
  const name = pick(
    named.map((record) => ({
      value: { given: record.input.name?.given, family: record.input.name?.family, full: fullNameOf(record.input) },
      identity: [...record.normalised.given, '|', ...record.normalised.family].join(' '),
      record,
    })),
  );
  const birthDate = pick(
    records.filter((record) => record.input.birthDate).map((record) => ({ value: record.input.birthDate!, identity: record.input.birthDate!, record })),
  );
  const gender = pick(
    records.filter((record) => record.normalised.gender).map((record) => ({ value: record.normalised.gender!, identity: record.normalised.gender!, record })),
  );
  const organizationName = pick(
    records
      .filter((record) => record.normalised.orgName)
      .map((record) => ({ value: record.input.organization?.name ?? fullNameOf(record.input), identity: record.normalised.orgName, record })),
  );
  const nameVariants = [...new Set(records.map((record) => fullNameOf(record.input) || record.input.organization?.name || '').filter(Boolean))].sort();
  return {
    displayName: organizationName?.value ?? name?.value.full ?? null,
    nameVariants,
    name,
    birthDate,
    gender,
    organizationName,
    emails: collectList(records, (record) => record.normalised.emails.map((email) => ({ value: email, identity: email }))),
    phones: collectList(records, (record) => record.normalised.phones.map((phone) => ({ value: phone, identity: phone }))),
    addresses: collectList(records, (record) =>
      (record.input.addresses ?? []).map((address, index) => ({
        value: Object.fromEntries(Object.entries(address).filter(([, v]) => typeof v === 'string')) as Record<string, string>,
        identity: record.normalised.addresses[index]?.key ?? JSON.stringify(address),
      })),
    ),
    identifiers: collectList(records, (record) =>
      (record.input.identifiers ?? []).map((identifier) => ({
        value: { type: identifier.type, value: identifier.value, ...(identifier.country ? { country: identifier.country } : {}) },
        identity: `${identifier.type}:${identifier.country ?? ''}:${identifier.value.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
      })),
    ),
    recordCount: records.length,
  };
}
