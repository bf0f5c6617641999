import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js';
import type { LevelParameters } from '../resolution.types';
import { COMPARATORS } from '../compare/comparators';

export interface ComparisonSettings {
  /** Comparator implemented in compare/comparators.ts. */
  comparator: 'givenName' | 'familyName' | 'birthDate' | 'email' | 'phone' | 'address' | 'identifier' | 'nationalIdentifier' | 'gender' | 'organizationName';
  /** Ordered levels, strongest first, each with m/u (pinned, or starting values for EM). */
  levels: Array<{ name: string; m: number; u: number; pinned?: boolean }>;
  /** Exact matches weighed by how common the value is (common names count for less). */
  termFrequency?: boolean;
}

export interface MatchSettings {
  version: string;
  /** Probability that two records picked at random are the same entity. */
  prior: number;
  /**
   * The prior of one record type where it differs: a bank holds far fewer organisations than
   * people, so two organisation records picked at random are likelier to be one.
   */
  priorByType?: Partial<Record<'person' | 'organization', number>>;
  /** Probability at or above which a record links; between review and link an analyst decides. */
  linkThreshold: number;
  /**
   * The link threshold once m/u are estimated from the deployment's own records (POST
   * /v1/admin/resolution/model/train): a trained model's probabilities follow the data, the settings'
   * weights are guesses, so the settings model links only when surer (linkThreshold).
   */
  trainedLinkThreshold?: number;
  reviewThreshold: number;
  /** A blocking key held by more records than this is generic: it yields no candidates. */
  genericCutoff: number;
  maxCandidates: number;
  /** The country of a record with no address or national mail provider. */
  defaultCountry: string;
  /**
   * The other countries the deployment serves: a national phone number that cannot be one in the
   * record's country is read in the one of these where it is valid (see normalisePhone).
   */
  phoneCountries?: string[];
  comparisons: Record<string, ComparisonSettings>;
  /** Correlated evidence (a household shares surname, address and phone): positive weights capped together. */
  evidenceGroups: Array<{ name: string; comparisons: string[]; maxWeight: number }>;
  /**
   * Extra weight when several comparisons land on given levels together (twins: same birth date,
   * different given names), except when a comparison in `unless` reaches one of its levels.
   */
  conflictRules?: Array<{ name: string; description?: string; levels: Record<string, string>; unless?: Record<string, string[]>; weight: number }>;
  /** Source system → trust rank for survivorship (higher wins). */
  sourceTrust: Record<string, number>;
}

const SETTINGS_DIRECTORY = __dirname;
const RECORD_TYPES: string[] = ['person', 'organization'];

/** Loads and checks a settings file; a bad file stops the start with the reason. */
export function loadMatchSettings(file = join(SETTINGS_DIRECTORY, 'person-settings.v1.json')): MatchSettings {
  const settings = JSON.parse(readFileSync(file, 'utf8')) as MatchSettings;
  const problems: string[] = [];
  const probability = (value: number, name: string) => {
    if (!(value > 0 && value < 1)) problems.push(`${name} must be between 0 and 1 (exclusive)`);
  };
  probability(settings.prior, 'prior');
  for (const [type, prior] of Object.entries(settings.priorByType ?? {})) {
    // A misspelt type ("organisation") would silently fall back to the common prior.
    if (!RECORD_TYPES.includes(type)) problems.push(`priorByType.${type} is not a record type (${RECORD_TYPES.join(', ')})`);
    probability(prior, `priorByType.${type}`);
  }
  probability(settings.linkThreshold, 'linkThreshold');
  probability(settings.reviewThreshold, 'reviewThreshold');
  if (settings.reviewThreshold >= settings.linkThreshold) problems.push('reviewThreshold must be below linkThreshold');
  if (settings.trainedLinkThreshold !== undefined) {
    probability(settings.trainedLinkThreshold, 'trainedLinkThreshold');
    if (settings.reviewThreshold >= settings.trainedLinkThreshold) problems.push('reviewThreshold must be below trainedLinkThreshold');
  }
  for (const [name, comparison] of Object.entries(settings.comparisons ?? {})) {
    if (!(comparison.comparator in COMPARATORS)) problems.push(`comparisons.${name}.comparator ${comparison.comparator} is not one of ${Object.keys(COMPARATORS).join(', ')}`);
    if (!comparison.levels?.length) problems.push(`comparisons.${name} needs levels`);
    for (const level of comparison.levels ?? []) {
      probability(level.m, `comparisons.${name}.${level.name}.m`);
      probability(level.u, `comparisons.${name}.${level.name}.u`);
    }
  }
  for (const country of [settings.defaultCountry, ...(settings.phoneCountries ?? [])]) {
    if (!isSupportedCountry(country)) problems.push(`${country === settings.defaultCountry ? 'defaultCountry' : 'phoneCountries'}: ${country} is not a country with a known phone numbering plan (ISO 3166 alpha-2, upper case)`);
  }
  for (const group of settings.evidenceGroups ?? []) {
    for (const name of group.comparisons) if (!settings.comparisons[name]) problems.push(`evidenceGroups.${group.name} names unknown comparison ${name}`);
  }
  // A misspelt level would make a rule silently never hold (or never stand aside).
  for (const rule of settings.conflictRules ?? []) {
    const named = [
      ...Object.entries(rule.levels ?? {}).map(([name, level]) => ({ where: `levels.${name}`, name, level })),
      ...Object.entries(rule.unless ?? {}).flatMap(([name, levels]) => levels.map((level) => ({ where: `unless.${name}`, name, level }))),
    ];
    if (Object.keys(rule.levels ?? {}).length === 0) problems.push(`conflictRules.${rule.name} needs levels`);
    for (const { where, name, level } of named) {
      const comparison = settings.comparisons?.[name];
      if (!comparison) problems.push(`conflictRules.${rule.name}.${where} names unknown comparison ${name}`);
      else if (!comparison.levels?.some((known) => known.name === level)) problems.push(`conflictRules.${rule.name}.${where} names unknown level ${level}`);
    }
  }
  if (problems.length) throw new Error(`Invalid match settings ${file}:\n  ${problems.join('\n  ')}`);
  return settings;
}

export function levelParametersOf(settings: MatchSettings): Record<string, Record<string, LevelParameters>> {
  const parameters: Record<string, Record<string, LevelParameters>> = {};
  for (const [name, comparison] of Object.entries(settings.comparisons)) {
    parameters[name] = {};
    for (const level of comparison.levels) parameters[name][level.name] = { m: level.m, u: level.u };
  }
  return parameters;
}
