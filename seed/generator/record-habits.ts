import { PhoneFormat } from './phone-numbers';
import { SeededRandom } from './random';
import { SystemProfile } from './source-systems';
import { WeightedTable } from './weighted-table';

/** What one record of a system keeps and how it writes it, drawn from the system's habits. */
export interface RecordHabits {
  honorific: boolean;
  middleName: boolean;
  secondFamily: boolean;
  birthDate: boolean;
  partialBirthDate: boolean;
  gender: boolean;
  email: boolean;
  workEmail: boolean;
  phone: boolean;
  landline: boolean;
  phoneFormat: PhoneFormat;
  address: boolean;
  abbreviateStreet: boolean;
  compactPostcode: boolean;
  identifier: boolean;
  alternativeIdentifierForm: boolean;
  referral: boolean;
  attributes: Record<string, string | number | boolean>;
}

const PHONE_FORMAT_TABLES = new Map<SystemProfile, WeightedTable<PhoneFormat>>();

function phoneFormats(profile: SystemProfile): WeightedTable<PhoneFormat> {
  let table = PHONE_FORMAT_TABLES.get(profile);
  if (!table) PHONE_FORMAT_TABLES.set(profile, (table = new WeightedTable(profile.phoneFormats)));
  return table;
}

/** Always the same number of draws, so a record's habits never depend on its noise. */
export function drawHabits(profile: SystemProfile, random: SeededRandom): RecordHabits {
  return {
    honorific: random.chance(profile.honorificRate),
    middleName: random.chance(profile.middleNameRate),
    secondFamily: random.chance(profile.secondFamilyRate),
    birthDate: random.chance(profile.birthDateRate),
    partialBirthDate: random.chance(profile.partialBirthDateRate),
    gender: random.chance(profile.genderRate),
    email: random.chance(profile.emailRate),
    workEmail: random.chance(profile.workEmailRate),
    phone: random.chance(profile.phoneRate),
    landline: random.chance(profile.landlineRate),
    phoneFormat: phoneFormats(profile).pick(random),
    address: random.chance(profile.addressRate),
    abbreviateStreet: random.chance(profile.abbreviateStreetRate),
    compactPostcode: random.chance(profile.compactPostcodeRate),
    identifier: random.chance(profile.identifierRate),
    alternativeIdentifierForm: random.chance(profile.alternativeIdentifierFormRate),
    referral: random.chance(profile.referralRate),
    attributes: profile.attributes(random),
  };
}
