import { decodeGolden, type GoldenRecord } from '../../resolution';
import type { ScreeningSubjectRow } from '../kyc.repository';
import type { ScreeningSubject } from './screening-score';

const COUNTRY = /^[A-Za-z]{2}$/;

/** A customer is an organisation when any of its records is one. */
export const customerTypeOf = (recordTypes: string[]): 'person' | 'organization' => (recordTypes.includes('organization') ? 'organization' : 'person');

/** The countries a golden record names, through its addresses and identifiers (ISO alpha-2, upper case). */
export function countriesOf(golden: GoldenRecord | null): string[] {
  const countries = new Set<string>();
  for (const address of golden?.addresses ?? []) if (COUNTRY.test(address.value.country ?? '')) countries.add(address.value.country.toUpperCase());
  for (const identifier of golden?.identifiers ?? []) if (COUNTRY.test(identifier.value.country ?? '')) countries.add(identifier.value.country!.toUpperCase());
  return [...countries].sort();
}

/** What screening reads of a customer: every spelling of its name, its birth date, countries and document numbers. */
export function subjectOfCustomer(row: ScreeningSubjectRow): ScreeningSubject {
  const golden = decodeGolden(row.golden);
  const names = new Set<string>([...(row.nameVariants ?? []), ...(row.displayName ? [row.displayName] : [])]);
  if (golden?.organizationName) names.add(golden.organizationName.value);
  return {
    names: [...names].sort(),
    type: customerTypeOf(row.recordTypes),
    birthDates: golden?.birthDate ? [golden.birthDate.value] : [],
    countries: countriesOf(golden),
    identifiers: (golden?.identifiers ?? []).map((identifier) => identifier.value.value).sort(),
  };
}
