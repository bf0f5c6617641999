import { phoneticKey } from '../compare/phonetic-key';
import type { NormalisedRecord, SourceRecordInput } from '../resolution.types';
import type { MatchSettings } from '../settings/match-settings';
import { countryCode, normaliseAddress } from './addresses';
import { normaliseEmail, normalisePhone } from './contacts';
import { normaliseBirthDate } from './dates';
import { normaliseIdentifier } from './identifiers';
import { mailProviderCountry } from './mail-providers';
import { normaliseName, withGivenNameFromMailbox } from './names';
import { normaliseOrganizationName } from './organizations';

/** The served country of a national consumer mail provider (web.de, orange.fr, btinternet.com), for records with no address. */
function emailCountryOf(emails: string[] | undefined, served: readonly string[]): string | undefined {
  for (const email of emails ?? []) {
    const country = mailProviderCountry(email);
    if (country && served.includes(country)) return country;
  }
  return undefined;
}

const unique = <T>(values: Array<T | null>): T[] => [...new Set(values.filter((value): value is T => value !== null))];

/** Everything the comparators and blocking read, computed once per record. Never throws on odd input. */
export function normaliseRecord(input: SourceRecordInput, settings: Pick<MatchSettings, 'defaultCountry' | 'phoneCountries'>): NormalisedRecord {
  // An organisation's name is compared as an organisation name only, never as a person's given and family names.
  const emails = unique((input.emails ?? []).map(normaliseEmail)).sort();
  const name = (input.type ?? 'person') === 'organization' ? normaliseName(undefined) : withGivenNameFromMailbox(normaliseName(input.name), emails);
  const gender = (input.gender ?? '').trim().toUpperCase()[0];
  const served = [settings.defaultCountry, ...(settings.phoneCountries ?? [])];
  const statedCountry = input.addresses?.find((address) => address.country)?.country ?? emailCountryOf(input.emails, served);
  const countryHint = countryCode(statedCountry ?? settings.defaultCountry);
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
    emails,
    phones: unique((input.phones ?? []).map((phone) => normalisePhone(phone, countryHint, served, statedCountry !== undefined))).sort(),
    addresses: (input.addresses ?? [])
      .map((address) => normaliseAddress(address, countryHint))
      .filter((address): address is NonNullable<typeof address> => address !== null),
    identifiers: unique((input.identifiers ?? []).map(normaliseIdentifier)).sort(),
    orgName: type === 'organization' ? normaliseOrganizationName(input.organization?.name ?? input.name?.full) : '',
  };
}
