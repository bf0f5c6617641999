import type { MatchSettings } from './settings/match-settings';

/** The canonical record as received (DESIGN §5), the fields the engine reads. */
export interface SourceRecordInput {
  system: string;
  sourceId: string;
  type?: 'person' | 'organization';
  name?: { full?: string; given?: string; middle?: string; family?: string };
  birthDate?: string;
  gender?: string;
  emails?: string[];
  phones?: string[];
  addresses?: Array<{ line1?: string; line2?: string; locality?: string; region?: string; postcode?: string; country?: string }>;
  identifiers?: Array<{ type: string; value: string; country?: string }>;
  organization?: { name: string; registrationNumber?: string; country?: string } | null;
  observedAt?: string;
}

export interface NormalisedAddress {
  /** postcode|house number|first street word: equal keys mean the same dwelling. */
  key: string;
  postcode: string;
  number: string;
  street: string;
  locality: string;
  country: string;
}

/**
 * What the comparators read, computed once per record and stored beside it (JSON), so a
 * candidate's records are scored without normalising them again.
 */
export interface NormalisedRecord {
  key: string;
  system: string;
  sourceId: string;
  type: 'person' | 'organization';
  /** Given-name tokens with nicknames mapped to their formal name (BOB → ROBERT). */
  given: string[];
  /** Given-name tokens as written (cleaned). */
  givenRaw: string[];
  family: string[];
  givenPhonetic: string;
  familyPhonetic: string;
  birth: { year: number; month?: number; day?: number } | null;
  gender: 'M' | 'F' | null;
  emails: string[];
  phones: string[];
  addresses: NormalisedAddress[];
  /** `type:COUNTRY:VALUE`. */
  identifiers: string[];
  /** Organisation name without legal form, for organisations. */
  orgName: string;
}

export interface ComparisonResult {
  name: string;
  /** Level reached, or `null` when a side has no value (weight 0). */
  level: string;
  weight: number;
}

export interface PairScore {
  /** Prior plus the sum of the comparison weights (bits). */
  matchWeight: number;
  probability: number;
  comparisons: ComparisonResult[];
}

export interface LevelParameters {
  m: number;
  u: number;
}

/** Settings plus the estimated (or pinned) m/u per level and the term-frequency table. */
export interface MatchModel {
  version: string;
  trainedAt: string | null;
  settings: MatchSettings;
  /** comparison name → level name → m/u. */
  parameters: Record<string, Record<string, LevelParameters>>;
  termFrequencies: TermFrequencies;
}

/** How often each value occurs, per comparison: a static part of the model, not live counts. */
export interface TermFrequencies {
  total: number;
  counts: Record<string, Record<string, number>>;
}

export type Decision = 'link' | 'review' | 'new';
