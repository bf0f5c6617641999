/** The six source systems of the demo estate, each with its own habits (see source-systems.ts). */
export const SOURCE_SYSTEMS = ['crm', 'core_banking', 'ecommerce', 'loyalty', 'support', 'partner_feed'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

export interface RecordReference {
  system: SourceSystem;
  sourceId: string;
}

/** The role the target plays for this record's subject: `{ type: 'CHILD', target }` means "target is my child". */
export type FamilyRelationshipType = 'SPOUSE' | 'PARENT' | 'CHILD' | 'SIBLING';

export interface CanonicalAddress {
  line1: string;
  locality: string;
  postcode: string;
  country: string;
}

export interface CanonicalIdentifier {
  type: string;
  value: string;
  country: string;
}

/** A source record in the canonical shape of DESIGN §5 (what `POST /v1/sources/{system}/records` takes). */
export interface CanonicalRecord {
  sourceId: string;
  type: 'person' | 'organization';
  name: { full?: string; given?: string; middle?: string; family?: string };
  birthDate?: string;
  gender?: string;
  emails?: string[];
  phones?: string[];
  addresses?: CanonicalAddress[];
  identifiers?: CanonicalIdentifier[];
  organization?: { name: string; registrationNumber?: string; country?: string };
  relationships?: Array<{ type: FamilyRelationshipType; target: RecordReference }>;
  referredBy?: RecordReference;
  attributes?: Record<string, string | number | boolean>;
  observedAt: string;
}

/** One generated record with the entity it truly belongs to. */
export interface GeneratedRecord {
  system: SourceSystem;
  record: CanonicalRecord;
  entityId: string;
}
