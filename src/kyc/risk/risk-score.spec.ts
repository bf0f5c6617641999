import { assessRisk, RiskInputs } from './risk-score';

const asOf = new Date('2026-11-01T00:00:00Z');
const daysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000).toISOString();

function inputs(overrides: Partial<RiskInputs> = {}): RiskInputs {
  return {
    type: 'person',
    hits: [],
    exposure: null,
    countries: ['GB'],
    highRiskCountries: ['IR', 'KP'],
    identity: { birthDate: true, identifiers: 1, addresses: 1 },
    shared: [],
    transactions: [],
    asOf,
    ...overrides,
  };
}

const contribution = (result: ReturnType<typeof assessRisk>, name: string) => result.factors.find((item) => item.factor === name)!.contribution;

describe('assessRisk', () => {
  it('scores a complete, unremarkable customer 0 and lists every factor with its weight', () => {
    const result = assessRisk(inputs());
    expect(result.score).toBe(0);
    expect(result.level).toBe('low');
    expect(result.factors.map((item) => item.factor)).toEqual(['watchlist', 'exposure', 'jurisdiction', 'missing-identity', 'shared-identifiers', 'unusual-activity']);
    for (const item of result.factors) expect(item.weight).toBeGreaterThan(0);
  });

  it('weighs a sanctions hit by its score, ignores false positives, and counts a confirmed hit fully', () => {
    const hit = { id: 'h1', status: 'open', score: 0.9, topics: ['pep', 'sanctions'], list: 'un', entryId: 'E1' };
    expect(contribution(assessRisk(inputs({ hits: [hit] })), 'watchlist')).toBe(63);
    expect(assessRisk(inputs({ hits: [hit] })).level).toBe('high');
    expect(contribution(assessRisk(inputs({ hits: [{ ...hit, status: 'false_positive' }] })), 'watchlist')).toBe(0);
    expect(contribution(assessRisk(inputs({ hits: [{ ...hit, status: 'confirmed' }] })), 'watchlist')).toBe(70);
  });

  it('halves exposure with each hop, and adds jurisdiction, missing identity and rings', () => {
    expect(contribution(assessRisk(inputs({ exposure: { hops: 1, customerId: 'c', topics: ['sanctions'] } })), 'exposure')).toBe(30);
    expect(contribution(assessRisk(inputs({ exposure: { hops: 2, customerId: 'c', topics: ['sanctions'] } })), 'exposure')).toBe(15);
    expect(contribution(assessRisk(inputs({ countries: ['GB', 'IR'] })), 'jurisdiction')).toBe(20);
    expect(contribution(assessRisk(inputs({ identity: { birthDate: false, identifiers: 0, addresses: 1 } })), 'missing-identity')).toBe(10);
    expect(contribution(assessRisk(inputs({ type: 'organization', identity: { birthDate: false, identifiers: 1, addresses: 1 } })), 'missing-identity')).toBe(0);
    expect(contribution(assessRisk(inputs({ shared: [{ link: 'HAS_PHONE', others: 1 }] })), 'shared-identifiers')).toBe(0);
    expect(contribution(assessRisk(inputs({ shared: [{ link: 'HAS_PHONE', others: 1 }, { link: 'HAS_DEVICE', others: 4 }] })), 'shared-identifiers')).toBe(16);
  });

  it('flags a spike of transactions against the baseline, not steady activity', () => {
    const steady = Array.from({ length: 36 }, (_, index) => ({ amount: 100, occurredAt: daysAgo(index * 5 + 1) }));
    expect(contribution(assessRisk(inputs({ transactions: steady })), 'unusual-activity')).toBe(0);
    const spike = [...steady, { amount: 5000, occurredAt: daysAgo(2) }];
    const result = assessRisk(inputs({ transactions: spike }));
    expect(contribution(result, 'unusual-activity')).toBe(20);
    expect(result.factors.find((item) => item.factor === 'unusual-activity')!.detail).toMatch(/last 30 days/);
    expect(contribution(assessRisk(inputs({ transactions: spike.slice(-3) })), 'unusual-activity')).toBe(0);
  });

  it('caps the score at 100', () => {
    const result = assessRisk(
      inputs({
        hits: [{ id: 'h', status: 'confirmed', score: 1, topics: ['sanctions'], list: 'un', entryId: 'E' }],
        exposure: { hops: 1, customerId: 'c', topics: ['pep'] },
        countries: ['KP'],
        identity: { birthDate: false, identifiers: 0, addresses: 0 },
      }),
    );
    expect(result.score).toBe(100);
  });
});
