import { phoneticKey } from '../compare/phonetic-key';
import type { NormalisedRecord, SourceRecordInput } from '../resolution.types';
import type { MatchSettings } from '../settings/match-settings';
import { countryCode, normaliseAddress } from './addresses';
import { normaliseEmail, normalisePhone } from './contacts';
import { normaliseBirthDate } from './dates';
import { normaliseIdentifier } from './identifiers';
import { normaliseName } from './names';
import { normaliseOrganizationName } from './organizations';

const unique = <T>(values: Array<T | null>): T[] => [...new Set(values.filter((value): value is T => value !== null))];

/** Everything the comparators and blocking read, computed once per record. Never throws on odd input. */
export function normaliseRecord(input: SourceRecordInput, settings: Pick<MatchSettings, 'defaultCountry'>): NormalisedRecord {
  // An organisation's name is compared as an organisation name only, never as a person's given and family names.
  const name = (input.type ?? 'person') === 'organization' ? normaliseName(undefined) : normaliseName(input.name);
  const gender = (input.gender ?? '').trim().toUpperCase()[0];
  const countryHint = countryCode(input.addresses?.find((address) => address.country)?.country ?? settings.defaultCountry);
  const type = input.type ?? 'person';
  return {
    key: `${input.system}:${input.sourceId}`,
    system: input.system,
    sourceId: input.sourceId,
    type,
    given: name.given,
    givenRaw: name.givenRaw,
    family: name.family,
    givenPhonetic: phoneticKey(name.given[0] ?? ''),
    familyPhonetic: phoneticKey(name.family.join('')),
    birth: normaliseBirthDate(input.birthDate),
    gender: gender === 'M' || gender === 'F' ? gender : null,
    emails: unique((input.emails ?? []).map(normaliseEmail)).sort(),
    phones: unique((input.phones ?? []).map((phone) => normalisePhone(phone, countryHint))).sort(),
    addresses: (input.addresses ?? [])
      .map((address) => normaliseAddress(address, countryHint))
      .filter((address): address is NonNullable<typeof address> => address !== null),
    identifiers: unique((input.identifiers ?? []).map(normaliseIdentifier)).sort(),
    orgName: type === 'organization' ? normaliseOrganizationName(input.organization?.name ?? input.name?.full) : '',
  };
}
