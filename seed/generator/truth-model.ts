import { SourceSystem } from './canonical-record';
import { Country, Culture } from './data/cultures';
import { Town } from './data/towns';

/** What is really true about people and organisations, before any system records it. */

export type Gender = 'M' | 'F';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface PostalAddress {
  country: Country;
  town: Town;
  /** Street name part and kind, kept apart so systems can abbreviate the kind. */
  streetName: string;
  streetKind: string;
  houseNumber: number;
  flat?: number;
  postcode: string;
}

/** A phone number as its national significant number, with the grouping of its national form. */
export interface PhoneNumber {
  country: Country;
  nationalNumber: string;
  /** Digit-group sizes of the national form including the trunk 0 (none in the US). */
  groups: readonly number[];
}

export interface OfficialIdentifier {
  type: string;
  country: Country;
  /** The canonical written form (QQ123456C, 123-45-6789, …). */
  value: string;
}

/** One record a source system holds about an entity, planned before it is rendered. */
export interface RecordSlot {
  system: SourceSystem;
  sourceId: string;
  /** Epoch milliseconds. */
  observedAt: number;
  /** Global record number, which seeds the record's own random streams. */
  ordinal: number;
}

export interface FamilyTie {
  type: 'SPOUSE' | 'PARENT' | 'CHILD' | 'SIBLING';
  other: PersonTruth;
}

export interface PersonTruth {
  kind: 'person';
  entityId: string;
  country: Country;
  culture: Culture;
  gender: Gender;
  given: string;
  middle?: string;
  family: string;
  /** Spanish second surname, which some systems drop. */
  secondFamily?: string;
  honorific: string;
  birth: CalendarDate;
  email?: string;
  workEmail?: string;
  employer?: string;
  mobile?: PhoneNumber;
  landline?: PhoneNumber;
  address: PostalAddress;
  /** The address before a move, with the move time (epoch ms). */
  previousAddress?: PostalAddress;
  movedAt?: number;
  nationalId?: OfficialIdentifier;
  ties: FamilyTie[];
  /** Records of the person who referred this one (a customer-gets-customer programme). */
  referrerSlots?: readonly RecordSlot[];
  slots: RecordSlot[];
}

export interface OrganisationTruth {
  kind: 'organization';
  entityId: string;
  country: Country;
  name: string;
  legalForm: string;
  legalFormLong: string;
  domain: string;
  registration: OfficialIdentifier;
  email: string;
  phone: PhoneNumber;
  address: PostalAddress;
  slots: RecordSlot[];
}

export type EntityTruth = PersonTruth | OrganisationTruth;
