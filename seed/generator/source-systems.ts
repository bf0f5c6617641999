import { SourceSystem } from './canonical-record';
import { PhoneFormat } from './phone-numbers';
import { SeededRandom } from './random';

/**
 * The habits of one source system: which fields it keeps, how it writes them, how often it
 * knows each one. Rates here are habits, not noise: a loyalty app that never asks for a birth
 * date is the same in every record.
 */
export interface SystemProfile {
  system: SourceSystem;
  /** How likely a person is to be a customer of this system, relative to the others. */
  popularity: number;
  /** Also holds organisations, with this relative likelihood (0: never). */
  organisationPopularity: number;
  sourceId: (serial: number) => string;
  /** `full` only, `parts` (given/middle/family) only, or both. */
  nameFields: 'full' | 'parts' | 'both';
  /** "FAMILY, Given" instead of "Given Family" in the full name. */
  familyFirstFullName: boolean;
  upperCase: boolean;
  /** keep: as given; strip: ASCII only; transliterate: Müller → Mueller first. */
  diacritics: 'keep' | 'strip' | 'transliterate';
  honorificRate: number;
  middleNameRate: number;
  /** How often a Spanish second surname is kept. */
  secondFamilyRate: number;
  birthDateRate: number;
  /** Of the birth dates kept, how many are only a year and month. */
  partialBirthDateRate: number;
  genderRate: number;
  genderStyle: 'letter' | 'word';
  emailRate: number;
  workEmailRate: number;
  phoneRate: number;
  landlineRate: number;
  phoneFormats: ReadonlyArray<readonly [PhoneFormat, number]>;
  addressRate: number;
  abbreviateStreetRate: number;
  compactPostcodeRate: number;
  identifierRate: number;
  alternativeIdentifierFormRate: number;
  relationshipRate: number;
  referralRate: number;
  /**
   * What the system's sign-up form insists on: a record that habits and lost fields would leave
   * with nothing but a name keeps the first of these the person has (a system files no
   * customer it cannot reach). Ends with the address, which every person has.
   */
  requiredContact: ReadonlyArray<RequiredContact>;
  attributes: (random: SeededRandom) => Record<string, string | number | boolean>;
}

export type RequiredContact = 'email' | 'phone' | 'address';

const serial = (prefix: string, width: number) => (n: number) => `${prefix}${String(n).padStart(width, '0')}`;

export const SYSTEM_PROFILES: Record<SourceSystem, SystemProfile> = {
  crm: {
    system: 'crm', popularity: 0.8, organisationPopularity: 0.7, sourceId: serial('CRM-', 8),
    nameFields: 'both', familyFirstFullName: false, upperCase: false, diacritics: 'keep',
    honorificRate: 0.3, middleNameRate: 0.6, secondFamilyRate: 1,
    birthDateRate: 0.75, partialBirthDateRate: 0, genderRate: 0.9, genderStyle: 'letter',
    emailRate: 0.95, workEmailRate: 0.5, phoneRate: 0.9, landlineRate: 0.3,
    phoneFormats: [['national', 0.6], ['international', 0.4]],
    addressRate: 0.95, abbreviateStreetRate: 0.2, compactPostcodeRate: 0.05,
    identifierRate: 0.1, alternativeIdentifierFormRate: 0.3, relationshipRate: 0.5, referralRate: 1,
    requiredContact: ['email', 'phone', 'address'],
    attributes: (random) => ({ segment: random.pick(['retail', 'retail', 'retail', 'premier', 'private', 'business']) }),
  },
  core_banking: {
    system: 'core_banking', popularity: 0.6, organisationPopularity: 0.7, sourceId: serial('CB', 10),
    nameFields: 'parts', familyFirstFullName: false, upperCase: true, diacritics: 'transliterate',
    honorificRate: 0, middleNameRate: 0.9, secondFamilyRate: 1,
    birthDateRate: 1, partialBirthDateRate: 0, genderRate: 1, genderStyle: 'word',
    emailRate: 0.6, workEmailRate: 0, phoneRate: 0.95, landlineRate: 0.2,
    phoneFormats: [['e164', 1]],
    addressRate: 1, abbreviateStreetRate: 0.5, compactPostcodeRate: 0,
    identifierRate: 0.9, alternativeIdentifierFormRate: 0, relationshipRate: 0.3, referralRate: 0,
    requiredContact: ['address'],
    attributes: (random) => ({ product: random.pick(['current_account', 'savings', 'mortgage', 'credit_card', 'junior_saver']) }),
  },
  ecommerce: {
    system: 'ecommerce', popularity: 0.6, organisationPopularity: 0.15, sourceId: (n) => `EC${n.toString(36).toUpperCase().padStart(7, '0')}`,
    nameFields: 'full', familyFirstFullName: false, upperCase: false, diacritics: 'keep',
    honorificRate: 0, middleNameRate: 0, secondFamilyRate: 0.3,
    birthDateRate: 0.2, partialBirthDateRate: 0, genderRate: 0.3, genderStyle: 'letter',
    emailRate: 1, workEmailRate: 0.1, phoneRate: 0.7, landlineRate: 0,
    phoneFormats: [['national-dashes', 0.5], ['national', 0.3], ['e164', 0.2]],
    addressRate: 0.9, abbreviateStreetRate: 0.4, compactPostcodeRate: 0.3,
    identifierRate: 0, alternativeIdentifierFormRate: 0, relationshipRate: 0, referralRate: 1,
    requiredContact: ['email', 'address'],
    attributes: (random) => ({ orders: random.between(1, 120) }),
  },
  loyalty: {
    system: 'loyalty', popularity: 0.4, organisationPopularity: 0, sourceId: serial('LOY', 9),
    nameFields: 'parts', familyFirstFullName: false, upperCase: false, diacritics: 'strip',
    honorificRate: 0, middleNameRate: 0, secondFamilyRate: 0.5,
    birthDateRate: 0, partialBirthDateRate: 0, genderRate: 0.5, genderStyle: 'letter',
    emailRate: 0.9, workEmailRate: 0, phoneRate: 0.6, landlineRate: 0,
    phoneFormats: [['national-compact', 0.6], ['national', 0.4]],
    addressRate: 0.6, abbreviateStreetRate: 0.3, compactPostcodeRate: 0.5,
    identifierRate: 0, alternativeIdentifierFormRate: 0, relationshipRate: 0, referralRate: 1,
    requiredContact: ['email', 'phone', 'address'],
    attributes: (random) => ({ tier: random.pick(['bronze', 'bronze', 'silver', 'gold', 'platinum']), points: random.between(0, 50_000) }),
  },
  support: {
    system: 'support', popularity: 0.35, organisationPopularity: 0.3, sourceId: serial('SUP-', 8),
    nameFields: 'full', familyFirstFullName: false, upperCase: false, diacritics: 'keep',
    honorificRate: 0.15, middleNameRate: 0, secondFamilyRate: 0.5,
    birthDateRate: 0, partialBirthDateRate: 0, genderRate: 0, genderStyle: 'letter',
    emailRate: 0.85, workEmailRate: 0.3, phoneRate: 0.8, landlineRate: 0.2,
    phoneFormats: [['national', 0.4], ['international', 0.3], ['national-dashes', 0.3]],
    addressRate: 0.3, abbreviateStreetRate: 0.5, compactPostcodeRate: 0.2,
    identifierRate: 0, alternativeIdentifierFormRate: 0, relationshipRate: 0, referralRate: 0,
    requiredContact: ['email', 'phone', 'address'],
    attributes: (random) => ({ channel: random.pick(['phone', 'email', 'chat', 'branch']), openTickets: random.between(0, 3) }),
  },
  partner_feed: {
    system: 'partner_feed', popularity: 0.2, organisationPopularity: 0.4, sourceId: serial('PF-', 9),
    nameFields: 'both', familyFirstFullName: true, upperCase: true, diacritics: 'strip',
    honorificRate: 0, middleNameRate: 0.3, secondFamilyRate: 0.5,
    birthDateRate: 0.9, partialBirthDateRate: 0.15, genderRate: 0.6, genderStyle: 'letter',
    emailRate: 0, workEmailRate: 0, phoneRate: 0.7, landlineRate: 0.1,
    phoneFormats: [['international-00', 0.6], ['e164', 0.4]],
    addressRate: 0.9, abbreviateStreetRate: 0.6, compactPostcodeRate: 0.4,
    identifierRate: 0.5, alternativeIdentifierFormRate: 0.6, relationshipRate: 0, referralRate: 0,
    requiredContact: ['address'],
    attributes: (random) => ({ partner: random.pick(['insurer_a', 'broker_b', 'retailer_c']) }),
  },
};
