import { ProfileEvent, summariseEvents } from './profile-summary';

const asOf = '2026-11-01T00:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(asOf) - days * 24 * 3600 * 1000).toISOString();
const event = (kind: string, days: number, fields: Partial<ProfileEvent> = {}): ProfileEvent => ({ kind, system: 'core', occurredAt: daysAgo(days), ...fields });
const network = { relationships: 2, referralsMade: 1, referredBy: 0 };

describe('the 360 summaries', () => {
  const events: ProfileEvent[] = [
    // transactions: 4 in the 90 days before, 1 in the last 90: falling
    event('transaction', 100, { amount: 100, currency: 'EUR', channel: 'card', direction: 'debit' }),
    event('transaction', 120, { amount: 50, currency: 'EUR', channel: 'card', direction: 'debit' }),
    event('transaction', 150, { amount: 1000, currency: 'EUR', channel: 'transfer', direction: 'credit' }),
    event('transaction', 170, { amount: 30, currency: 'EUR', channel: 'online', direction: 'debit' }),
    event('transaction', 10, { amount: 20, currency: 'EUR', channel: 'card', direction: 'debit' }),
    event('transaction', 400, { amount: 999, currency: 'EUR', channel: 'card', direction: 'debit' }),
    event('transaction', -5, { amount: 5000, currency: 'EUR', channel: 'card', direction: 'debit' }),
    // products: current account held, savings opened then closed 30 days ago
    event('product', 300, { product: 'current_account', action: 'opened', accountId: 'A1' }),
    event('product', 200, { product: 'savings', action: 'opened', accountId: 'A2' }),
    event('product', 30, { product: 'savings', action: 'closed', accountId: 'A2' }),
    event('campaign', 40, { campaign: 'x', response: 'sent' }),
    event('campaign', 39, { campaign: 'y', response: 'clicked' }),
    event('campaign', 38, { campaign: 'z', response: 'converted' }),
    event('campaign', 37, { campaign: 'w', response: 'opened' }),
    event('loyalty', 60, { points: 500, action: 'earned' }),
    event('loyalty', 20, { points: 120, action: 'redeemed' }),
    event('social', 15, { platform: 'trustpilot', sentiment: -0.6, mentions: 3 }),
    event('social', 5, { platform: 'x', sentiment: -0.2, mentions: 1 }),
    event('interaction', 200, { channel: 'branch', satisfaction: 2 }),
    event('interaction', 190, { channel: 'web', satisfaction: 5 }),
    event('incident', 12, { category: 'complaint', resolved: false }),
    event('incident', 80, { category: 'refund', resolved: true }),
  ];
  const summary = summariseEvents(events, network, asOf);

  it('sums transactions by direction, ignores the future, and sees the fall', () => {
    expect(summary.transactions).toMatchObject({
      count: 6,
      debitTotal: 1199,
      creditTotal: 1000,
      averageSize: 366.5,
      byChannel: { card: 4, transfer: 1, online: 1 },
      currencies: ['EUR'],
      debit365Days: 200,
      last90Days: 1,
      previous90Days: 4,
      trend: 'falling',
      firstSeen: daysAgo(400),
      lastSeen: daysAgo(10),
    });
  });

  it('knows which products are held, and what was opened and closed', () => {
    expect(summary.products.held).toEqual([{ product: 'current_account', accountId: 'A1', since: daysAgo(300) }]);
    expect(summary.products).toMatchObject({ count: 3, closed90Days: 1, opened90Days: 0 });
  });

  it('counts campaign responses, loyalty balance, social sentiment, interactions and open incidents', () => {
    expect(summary.campaigns).toMatchObject({ count: 4, byResponse: { sent: 1, clicked: 1, converted: 1, opened: 1 }, responseRate: 0.5 });
    expect(summary.loyalty).toMatchObject({ earned: 500, redeemed: 120, balance: 380 });
    expect(summary.social).toMatchObject({ mentions: 4, averageSentiment: -0.4, platforms: ['trustpilot', 'x'] });
    expect(summary.interactions).toMatchObject({ count: 2, byChannel: { branch: 1, web: 1 }, averageSatisfaction: 3.5, trend: 'none' });
    expect(summary.incidents).toMatchObject({ count: 2, open: 1, byCategory: { complaint: 1, refund: 1 } });
    expect(summary.network).toEqual(network);
  });

  it('scores attrition from the signals that fired and shows each of them', () => {
    const fired = summary.risk.attrition.signals.filter((signal) => signal.fired).map((signal) => signal.name);
    expect(fired).toEqual(['fallingTransactions', 'productClosed', 'openIncident', 'negativeSentiment', 'noRecentInteraction']);
    expect(summary.risk.attrition.score).toBe(1);
  });

  it('estimates value from spend and products, discounted by attrition, with its inputs', () => {
    expect(summary.value.inputs).toEqual({ debit365Days: 200, productsHeld: 1, attritionScore: 1, yearlyMargin: 122 });
    expect(summary.value.estimate).toBe(0);
    const loyal = summariseEvents(events.filter((e) => e.kind === 'product' && e.accountId === 'A1'), network, asOf);
    expect(loyal.value).toMatchObject({ estimate: 600, inputs: { productsHeld: 1, attritionScore: 0 } });
  });

  it('has nothing to say of a customer without events', () => {
    const empty = summariseEvents([], { relationships: 0, referralsMade: 0, referredBy: 0 }, asOf);
    expect(empty.transactions).toMatchObject({ count: 0, trend: 'none', firstSeen: null, averageSize: null });
    expect(empty.risk.attrition.score).toBe(0);
  });
});
