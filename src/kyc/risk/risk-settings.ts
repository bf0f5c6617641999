/**
 * How the KYC risk score is made: one weight per factor, each factor's value between 0 and 1,
 * score = sum of weight × value, capped at 100. Versioned, so a stored score says which rules
 * produced it.
 */
export const RISK_SETTINGS = {
  version: 'kyc-risk-1',
  /** Watchlist hits: the weight of the entry's gravest topic, times the hit score (a confirmed hit counts 1). */
  watchlistTopicWeights: { sanctions: 70, pep: 40, crime: 40, debarment: 30, 'adverse-media': 20 } as Record<string, number>,
  /** A sanctioned or PEP-matched customer within reach: full weight at 1 hop, halved with each further hop. */
  exposureWeight: 30,
  exposureTopics: ['sanctions', 'pep'],
  /** An address, identifier or birth country in a high-risk jurisdiction (KYC_HIGH_RISK_COUNTRIES). */
  jurisdictionWeight: 20,
  /** Missing identity data: birth date, an identifier, an address (persons); identifier, address (organisations). */
  missingIdentityWeight: 15,
  /** Identifiers shared with other customers: value grows with the largest ring, full at `ringFull` others. */
  ringWeight: 20,
  ringMinimumOthers: 2,
  ringFull: 5,
  /** Unusual activity: the last 30 days' transaction volume against the 150 days before. */
  activityWeight: 20,
  activityRecentDays: 30,
  activityBaselineDays: 150,
  /** The recent volume is unusual above this multiple of the baseline's 30-day average… */
  activitySpikeRatio: 3,
  /** …or when one transaction is this many times the baseline's average size. */
  activityLargeRatio: 10,
  /** Baseline transactions needed before activity is judged at all. */
  activityMinimumBaseline: 5,
  levels: { medium: 25, high: 50 },
} as const;

export type RiskSettings = typeof RISK_SETTINGS;
