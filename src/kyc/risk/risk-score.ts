import { RISK_SETTINGS, RiskSettings } from './risk-settings';

export interface RiskHit {
  id: string;
  status: string;
  score: number;
  topics: string[];
  list: string;
  entryId: string;
}

export interface RiskInputs {
  type: 'person' | 'organization';
  hits: RiskHit[];
  /** The nearest sanctioned or PEP-matched customer within reach, if any. */
  exposure: { hops: number; customerId: string; topics: string[] } | null;
  countries: string[];
  highRiskCountries: string[];
  identity: { birthDate: boolean; identifiers: number; addresses: number };
  /** Per identifier held: its kind and how many other customers hold it too. */
  shared: Array<{ link: string; others: number }>;
  transactions: Array<{ amount: number | null; occurredAt: string }>;
  asOf: Date;
}

export interface RiskFactor {
  factor: 'watchlist' | 'exposure' | 'jurisdiction' | 'missing-identity' | 'shared-identifiers' | 'unusual-activity';
  weight: number;
  /** 0 to 1: how strongly the factor is present. */
  value: number;
  /** weight × value, what the factor adds to the score. */
  contribution: number;
  detail: string;
}

export interface RiskAssessment {
  score: number;
  level: 'low' | 'medium' | 'high';
  version: string;
  factors: RiskFactor[];
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const DAY_MS = 86_400_000;

function factor(name: RiskFactor['factor'], weight: number, value: number, detail: string): RiskFactor {
  const bounded = Math.max(0, Math.min(1, value));
  return { factor: name, weight, value: round(bounded, 3), contribution: round(weight * bounded), detail };
}

function watchlistFactor(hits: RiskHit[], settings: RiskSettings): RiskFactor {
  let best: { contribution: number; weight: number; value: number; hit: RiskHit; topic: string } | null = null;
  for (const hit of hits) {
    if (hit.status === 'false_positive') continue;
    const value = hit.status === 'confirmed' ? 1 : hit.score;
    for (const topic of hit.topics) {
      const weight = settings.watchlistTopicWeights[topic] ?? 0;
      if (!best || weight * value > best.contribution) best = { contribution: weight * value, weight, value, hit, topic };
    }
  }
  const dismissed = hits.filter((hit) => hit.status === 'false_positive').length;
  const note = dismissed > 0 ? `; ${dismissed} hit(s) marked false positive not counted` : '';
  if (!best) return factor('watchlist', settings.watchlistTopicWeights.sanctions, 0, `no open watchlist hit${note}`);
  return factor('watchlist', best.weight, best.value, `${best.hit.status} hit on ${best.hit.list}:${best.hit.entryId} (${best.topic}), score ${best.hit.score}${note}`);
}

function exposureFactor(exposure: RiskInputs['exposure'], settings: RiskSettings): RiskFactor {
  if (!exposure) return factor('exposure', settings.exposureWeight, 0, 'no sanctioned or PEP-matched customer within reach');
  return factor('exposure', settings.exposureWeight, 1 / 2 ** (exposure.hops - 1), `${exposure.hops} hop(s) from ${exposure.customerId} (${exposure.topics.join(', ')})`);
}

function jurisdictionFactor(countries: string[], highRisk: string[], settings: RiskSettings): RiskFactor {
  const found = [...new Set(countries.filter((country) => highRisk.includes(country)))].sort();
  return factor('jurisdiction', settings.jurisdictionWeight, found.length > 0 ? 1 : 0, found.length > 0 ? `high-risk jurisdiction(s): ${found.join(', ')}` : 'no high-risk jurisdiction');
}

function identityFactor(type: RiskInputs['type'], identity: RiskInputs['identity'], settings: RiskSettings): RiskFactor {
  const checks = type === 'person' ? { 'birth date': identity.birthDate, identifier: identity.identifiers > 0, address: identity.addresses > 0 } : { identifier: identity.identifiers > 0, address: identity.addresses > 0 };
  const missing = Object.entries(checks).filter(([, present]) => !present).map(([name]) => name);
  return factor('missing-identity', settings.missingIdentityWeight, missing.length / Object.keys(checks).length, missing.length > 0 ? `missing: ${missing.join(', ')}` : 'identity data complete');
}

function ringFactor(shared: RiskInputs['shared'], settings: RiskSettings): RiskFactor {
  const largest = shared.reduce<RiskInputs['shared'][number] | null>((top, item) => (!top || item.others > top.others ? item : top), null);
  if (!largest || largest.others < settings.ringMinimumOthers) {
    return factor('shared-identifiers', settings.ringWeight, 0, largest ? `shares an identifier with ${largest.others} other customer(s), below ${settings.ringMinimumOthers}` : 'no identifier shared with other customers');
  }
  const kind = largest.link.replace(/^HAS_/, '').toLowerCase();
  return factor('shared-identifiers', settings.ringWeight, largest.others / settings.ringFull, `a ${kind} shared with ${largest.others} other customers`);
}

function activityFactor(transactions: RiskInputs['transactions'], asOf: Date, settings: RiskSettings): RiskFactor {
  const recentFrom = asOf.getTime() - settings.activityRecentDays * DAY_MS;
  const baselineFrom = recentFrom - settings.activityBaselineDays * DAY_MS;
  let recentVolume = 0;
  let recentLargest = 0;
  let baselineVolume = 0;
  let baselineCount = 0;
  for (const transaction of transactions) {
    const at = Date.parse(transaction.occurredAt);
    const amount = Math.abs(transaction.amount ?? 0);
    if (at > asOf.getTime() || at < baselineFrom) continue;
    if (at >= recentFrom) {
      recentVolume += amount;
      recentLargest = Math.max(recentLargest, amount);
    } else {
      baselineVolume += amount;
      baselineCount++;
    }
  }
  if (baselineCount < settings.activityMinimumBaseline) {
    return factor('unusual-activity', settings.activityWeight, 0, `too little history to judge (${baselineCount} baseline transaction(s), ${settings.activityMinimumBaseline} needed)`);
  }
  const monthlyAverage = (baselineVolume / settings.activityBaselineDays) * settings.activityRecentDays;
  const averageSize = baselineVolume / baselineCount;
  const ratio = monthlyAverage > 0 ? recentVolume / monthlyAverage : 0;
  const largest = averageSize > 0 ? recentLargest / averageSize : 0;
  const detail = `last ${settings.activityRecentDays} days ${round(recentVolume)} against a ${round(monthlyAverage)} average (×${round(ratio, 1)}); largest transaction ×${round(largest, 1)} the usual size`;
  return factor('unusual-activity', settings.activityWeight, ratio >= settings.activitySpikeRatio || largest >= settings.activityLargeRatio ? 1 : 0, detail);
}

/** The explained risk score of one customer: every factor with its weight, value and contribution. */
export function assessRisk(inputs: RiskInputs, settings: RiskSettings = RISK_SETTINGS): RiskAssessment {
  const factors = [
    watchlistFactor(inputs.hits, settings),
    exposureFactor(inputs.exposure, settings),
    jurisdictionFactor(inputs.countries, inputs.highRiskCountries, settings),
    identityFactor(inputs.type, inputs.identity, settings),
    ringFactor(inputs.shared, settings),
    activityFactor(inputs.transactions, inputs.asOf, settings),
  ];
  const score = Math.min(100, round(factors.reduce((sum, item) => sum + item.contribution, 0), 1));
  const level = score >= settings.levels.high ? 'high' : score >= settings.levels.medium ? 'medium' : 'low';
  return { score, level, version: settings.version, factors };
}
