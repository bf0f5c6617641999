import type { MatchModel, NormalisedRecord } from '../resolution.types';
import { termFrequenciesOf } from '../score/match-model';
import type { MatchSettings } from '../settings/match-settings';
import { blockedPairsByRule } from './blocked-pairs';
import { comparisonSpaces, type ComparisonSpace, levelVector } from './comparison-space';
import { estimateU } from './estimate-u';
import { expectationMaximisation, type PatternTable } from './expectation-maximisation';
import { seededRandom } from './seeded-random';
import { DEFAULT_TRAINING_RULES, type TrainingRule } from './training-rules';

/**
 * Random pairs drawn for u by default. A level never met among n pairs gets u of at most 1/n: with
 * 100,000 pairs a phone agreeing in its last 8 digits (a national number read in another country)
 * was put at 1 in 48,000, as common as an exact phone; with 1,000,000 at 1 in 480,000, and recall on
 * the generated people rose from 0.9746 to 0.9761 (seed 42) and 0.9736 to 0.9758 (seed 7), precision
 * unchanged. Training takes seconds longer (7-16 s here against 1-4 s).
 */
export const DEFAULT_RANDOM_PAIRS = 1_000_000;

export interface TrainingOptions {
  /** Seed of the random-pair sample (same seed and records → same model). */
  seed?: number;
  /** Random pairs drawn for u (DEFAULT_RANDOM_PAIRS). */
  randomPairs?: number;
  /** Blocked pairs per rule used for m (an evenly spread subset beyond this). */
  maxPairsPerRule?: number;
  maxIterations?: number;
  tolerance?: number;
  /** A rule with fewer blocked pairs than this is not used for m. */
  minPairsPerRule?: number;
  trainingRules?: TrainingRule[];
  version?: string;
  trainedAt?: string;
}

export interface RuleReport {
  rule: string;
  pairs: number;
  patterns: number;
  /** Comparisons whose m this rule estimated. */
  estimated: string[];
  iterations: number;
  converged: boolean;
  /** Share of matches EM found among the rule's pairs. */
  lambda: number;
  accepted: boolean;
  reason?: string;
}

export interface TrainingReport {
  records: number;
  randomPairs: number;
  /** Random pairs the settings weights link, left out of u. */
  randomMatchesLeftOut: number;
  rules: RuleReport[];
  /** Comparator levels that the settings do not list (`comparison.level`): treated as null. */
  unknownLevels: string[];
  /** Comparisons whose m no rule could estimate: they keep the settings values. */
  untrained: string[];
}

/** The model as plain JSON, and how it was obtained. */
export function trainMatchModel(input: NormalisedRecord[], settings: MatchSettings, options: TrainingOptions = {}): { model: MatchModel; report: TrainingReport } {
  // Sorted by key so that the load order of the records cannot change the model.
  const records = [...input].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const spaces = comparisonSpaces(settings);
  const prior = settingsParameters(settings, spaces);
  const unknown = new Set<string>();

  const random = seededRandom(options.seed ?? 1);
  // The weight a pair needs to link: log-odds of the link threshold less those of the prior.
  const logOdds = (p: number) => Math.log2(p / (1 - p));
  const linkWeight = logOdds(settings.linkThreshold) - logOdds(settings.prior);
  const { u: estimatedU, pairs: randomPairs, matchesLeftOut } = estimateU(records, spaces, random, options.randomPairs ?? DEFAULT_RANDOM_PAIRS, prior.u, unknown, { priorM: prior.m, linkWeight });
  const u = spaces.map((space, c) => withPinned(estimatedU[c], prior.u[c], space.pinned));

  const rules = options.trainingRules ?? DEFAULT_TRAINING_RULES;
  const mEstimates: number[][][] = spaces.map(() => []);
  const reports: RuleReport[] = [];
  for (const [prefix, pairs] of blockedPairsByRule(records, settings, options.maxPairsPerRule ?? 100_000)) {
    const rule = rules.find((candidate) => candidate.keyPrefix === prefix);
    const report: RuleReport = { rule: prefix, pairs: pairs.length, patterns: 0, estimated: [], iterations: 0, converged: false, lambda: 0, accepted: false };
    reports.push(report);
    if (!rule) {
      report.reason = 'no training rule names this blocking key prefix';
      continue;
    }
    if (pairs.length < (options.minPairsPerRule ?? 50)) {
      report.reason = 'too few pairs';
      continue;
    }
    const included = spaces.map((space, c) => (rule.fixes.includes(space.comparator) ? -1 : c)).filter((c) => c >= 0);
    report.estimated = included.map((c) => spaces[c].name);
    const table = patternTable(records, pairs, spaces, included, unknown);
    report.patterns = table.patterns.length;
    const result = expectationMaximisation(
      table,
      { lambda: 0.5, m: included.map((c) => prior.m[c]) },
      included.map((c) => u[c]),
      included.map((c) => spaces[c].pinned),
      { maxIterations: options.maxIterations ?? 40, tolerance: options.tolerance ?? 1e-5 },
    );
    Object.assign(report, { iterations: result.iterations, converged: result.converged, lambda: result.lambda });
    const problem = implausible(result.lambda, result.m, included.map((c) => u[c]));
    if (problem) {
      report.reason = problem;
      continue;
    }
    report.accepted = true;
    included.forEach((c, k) => mEstimates[c].push(result.m[k]));
  }

  const m = spaces.map((space, c) => (mEstimates[c].length ? withPinned(mean(mEstimates[c]), prior.m[c], space.pinned) : prior.m[c]));
  const parameters: MatchModel['parameters'] = {};
  spaces.forEach((space, c) => {
    parameters[space.name] = {};
    space.levels.forEach((level, l) => (parameters[space.name][level] = { m: m[c][l], u: u[c][l] }));
  });
  const trainedAt = options.trainedAt ?? new Date().toISOString();
  const model: MatchModel = {
    version: options.version ?? `${settings.version}/em-${trainedAt}`,
    trainedAt,
    settings,
    parameters,
    termFrequencies: termFrequenciesOf(records, settings),
  };
  const report: TrainingReport = {
    records: records.length,
    randomPairs,
    randomMatchesLeftOut: matchesLeftOut,
    rules: reports,
    unknownLevels: [...unknown].sort(),
    untrained: spaces.filter((_, c) => mEstimates[c].length === 0).map((space) => space.name),
  };
  return { model, report };
}

/**
 * Splink-style unsupervised training: u from random pairs, m by EM over the pairs each
 * blocking rule finds, the term-frequency table from the records. Pinned levels keep the
 * settings' m and u. Deterministic for a given set of records and seed.
 */
export function estimateModel(records: NormalisedRecord[], settings: MatchSettings, options?: TrainingOptions): MatchModel {
  return trainMatchModel(records, settings, options).model;
}

function settingsParameters(settings: MatchSettings, spaces: ComparisonSpace[]): { m: number[][]; u: number[][] } {
  const levelsOf = (space: ComparisonSpace) => settings.comparisons[space.name].levels;
  return {
    m: spaces.map((space) => levelsOf(space).map((level) => level.m)),
    u: spaces.map((space) => levelsOf(space).map((level) => level.u)),
  };
}

function patternTable(records: NormalisedRecord[], pairs: Float64Array, spaces: ComparisonSpace[], included: number[], unknown: Set<string>): PatternTable {
  const n = records.length;
  const levels = new Int8Array(spaces.length);
  const rows = new Map<string, number>();
  const table: PatternTable = { patterns: [], counts: [] };
  for (const packed of pairs) {
    const left = Math.floor(packed / n);
    levelVector(records[left], records[packed - left * n], spaces, levels, unknown);
    const pattern = Int8Array.from(included, (c) => levels[c]);
    const key = pattern.join(',');
    const row = rows.get(key);
    if (row !== undefined) table.counts[row]++;
    else {
      rows.set(key, table.patterns.length);
      table.patterns.push(pattern);
      table.counts.push(1);
    }
  }
  return table;
}

/**
 * EM can settle on the wrong class (households instead of persons, or nothing at all): an
 * estimate is kept only when matches exist and agree more often than non-matches on the
 * strongest level of most comparisons.
 */
function implausible(lambda: number, m: number[][], u: number[][]): string | undefined {
  if (lambda < 1e-4) return 'EM found no matches';
  const agreeing = m.filter((levels, c) => levels[0] > u[c][0]).length;
  if (agreeing * 2 < m.length) return 'the estimated match class does not agree on the strongest levels';
  return undefined;
}

/** Pinned levels keep the settings value; the others share the rest of the probability mass. */
function withPinned(estimate: number[], settingsValues: number[], pinned: boolean[]): number[] {
  const pinnedMass = settingsValues.reduce((sum, value, l) => (pinned[l] ? sum + value : sum), 0);
  const free = estimate.reduce((sum, value, l) => (pinned[l] ? sum : sum + value), 0);
  const scale = free > 0 ? Math.max(1 - pinnedMass, 0) / free : 0;
  return estimate.map((value, l) => (pinned[l] ? settingsValues[l] : Math.max(value * scale, 1e-8)));
}

function mean(vectors: number[][]): number[] {
  return vectors[0].map((_, l) => vectors.reduce((sum, vector) => sum + vector[l], 0) / vectors.length);
}
