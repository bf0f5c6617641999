/**
 * The 360 summaries of one customer, computed from its events: pure, so every figure can be
 * checked with known events. Windows are the 90 days before `asOf` and the 90 before those.
 */

export interface ProfileEvent {
  kind: string;
  system: string;
  occurredAt: string;
  amount?: number | null;
  currency?: string | null;
  channel?: string | null;
  direction?: string | null;
  product?: string | null;
  action?: string | null;
  accountId?: string | null;
  satisfaction?: number | null;
  category?: string | null;
  severity?: string | null;
  resolved?: boolean | null;
  campaign?: string | null;
  response?: string | null;
  points?: number | null;
  platform?: string | null;
  sentiment?: number | null;
  mentions?: number | null;
}

export type Trend = 'rising' | 'falling' | 'stable' | 'none';

/** What every event dimension reports: how many, when first and last, and the 90-day trend. */
export interface ActivitySummary {
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  last90Days: number;
  previous90Days: number;
  trend: Trend;
}

export interface NetworkCounts {
  relationships: number;
  referralsMade: number;
  referredBy: number;
}

export interface Signal {
  name: string;
  fired: boolean;
  weight: number;
  detail: string;
}

export interface ProfileDimensions {
  products: ActivitySummary & { held: Array<{ product: string; accountId: string | null; since: string }>; opened90Days: number; closed90Days: number };
  transactions: ActivitySummary & { debitTotal: number; creditTotal: number; averageSize: number | null; byChannel: Record<string, number>; currencies: string[]; debit365Days: number };
  value: { estimate: number; currency: string | null; method: string; inputs: Record<string, number> };
  campaigns: ActivitySummary & { byResponse: Record<string, number>; responseRate: number | null };
  loyalty: ActivitySummary & { earned: number; redeemed: number; balance: number };
  social: ActivitySummary & { mentions: number; averageSentiment: number | null; platforms: string[] };
  network: NetworkCounts;
  risk: { attrition: { score: number; signals: Signal[] } };
  interactions: ActivitySummary & { byChannel: Record<string, number>; averageSatisfaction: number | null };
  incidents: ActivitySummary & { open: number; byCategory: Record<string, number> };
}

const DAY = 24 * 3600 * 1000;
const round2 = (value: number) => Math.round(value * 100) / 100;

function trendOf(last: number, previous: number): Trend {
  if (last === 0 && previous === 0) return 'none';
  if (last > previous * 1.2) return 'rising';
  if (last < previous * 0.8) return 'falling';
  return 'stable';
}

function activity(events: ProfileEvent[], asOf: number): ActivitySummary {
  const times = events.map((event) => Date.parse(event.occurredAt)).filter((time) => time <= asOf).sort((a, b) => a - b);
  const last90Days = times.filter((time) => time > asOf - 90 * DAY).length;
  const previous90Days = times.filter((time) => time <= asOf - 90 * DAY && time > asOf - 180 * DAY).length;
  return {
    count: times.length,
    firstSeen: times.length ? new Date(times[0]).toISOString() : null,
    lastSeen: times.length ? new Date(times[times.length - 1]).toISOString() : null,
    last90Days,
    previous90Days,
    trend: trendOf(last90Days, previous90Days),
  };
}

function countBy(events: ProfileEvent[], key: (event: ProfileEvent) => string | null | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const value = key(event);
    if (value) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

const average = (values: number[]) => (values.length ? round2(values.reduce((sum, value) => sum + value, 0) / values.length) : null);

/** Value per product held a year, and the share of yearly card and transfer spend kept as margin. */
export const VALUE_MODEL = { perProductPerYear: 120, spendMargin: 0.01, years: 5 };

/** Attrition signals and their weights; the score is the sum of the weights of the signals that fired. */
export const ATTRITION_WEIGHTS = { fallingTransactions: 0.35, productClosed: 0.25, openIncident: 0.2, negativeSentiment: 0.1, noRecentInteraction: 0.1 };

export function summariseEvents(allEvents: ProfileEvent[], network: NetworkCounts, asOfIso: string): ProfileDimensions {
  const asOf = Date.parse(asOfIso);
  const events = allEvents.filter((event) => Date.parse(event.occurredAt) <= asOf);
  const of = (kind: string) => events.filter((event) => event.kind === kind);
  const within = (event: ProfileEvent, days: number) => Date.parse(event.occurredAt) > asOf - days * DAY;

  // Products: an account is held from its latest opening until a later closing.
  const products = of('product').sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const holdings = new Map<string, { product: string; accountId: string | null; since: string }>();
  for (const event of products) {
    const account = event.accountId ?? event.product ?? 'unknown';
    if (event.action === 'closed') holdings.delete(account);
    else if (!holdings.has(account) || event.action === 'opened') holdings.set(account, { product: event.product ?? 'unknown', accountId: event.accountId ?? null, since: holdings.get(account)?.since ?? new Date(event.occurredAt).toISOString() });
  }
  const held = [...holdings.values()].sort((a, b) => a.since.localeCompare(b.since));

  const transactions = of('transaction');
  const debits = transactions.filter((event) => event.direction !== 'credit');
  const credits = transactions.filter((event) => event.direction === 'credit');
  const sum = (list: ProfileEvent[]) => round2(list.reduce((total, event) => total + Math.abs(event.amount ?? 0), 0));
  const debit365Days = sum(debits.filter((event) => within(event, 365)));
  const currencies = [...new Set(transactions.map((event) => event.currency).filter((currency): currency is string => Boolean(currency)))].sort();

  const campaigns = of('campaign');
  const byResponse = countBy(campaigns, (event) => event.response);
  const sent = campaigns.length;
  const responded = (byResponse.clicked ?? 0) + (byResponse.converted ?? 0);

  const loyalty = of('loyalty');
  const earned = loyalty.filter((event) => event.action !== 'redeemed' && event.action !== 'expired').reduce((total, event) => total + (event.points ?? 0), 0);
  const redeemed = loyalty.filter((event) => event.action === 'redeemed' || event.action === 'expired').reduce((total, event) => total + (event.points ?? 0), 0);

  const social = of('social');
  const sentiments = social.map((event) => event.sentiment).filter((value): value is number => typeof value === 'number');

  const interactions = of('interaction');
  const incidents = of('incident');
  const openIncidents = incidents.filter((event) => event.resolved !== true).length;

  const transactionActivity = activity(transactions, asOf);
  const averageSentiment = average(sentiments);
  const closed90Days = products.filter((event) => event.action === 'closed' && within(event, 90)).length;
  const interactionActivity = activity(interactions, asOf);
  const signals: Signal[] = [
    {
      name: 'fallingTransactions',
      fired: transactionActivity.previous90Days > 0 && transactionActivity.last90Days < transactionActivity.previous90Days * 0.5,
      weight: ATTRITION_WEIGHTS.fallingTransactions,
      detail: `${transactionActivity.last90Days} transactions in the last 90 days against ${transactionActivity.previous90Days} in the 90 before`,
    },
    { name: 'productClosed', fired: closed90Days > 0, weight: ATTRITION_WEIGHTS.productClosed, detail: `${closed90Days} products closed in the last 90 days` },
    { name: 'openIncident', fired: openIncidents > 0, weight: ATTRITION_WEIGHTS.openIncident, detail: `${openIncidents} incidents not resolved` },
    { name: 'negativeSentiment', fired: averageSentiment !== null && averageSentiment < -0.2, weight: ATTRITION_WEIGHTS.negativeSentiment, detail: `average sentiment ${averageSentiment ?? 'unknown'}` },
    {
      name: 'noRecentInteraction',
      fired: interactionActivity.count > 0 && Date.parse(interactionActivity.lastSeen!) <= asOf - 180 * DAY,
      weight: ATTRITION_WEIGHTS.noRecentInteraction,
      detail: `last interaction ${interactionActivity.lastSeen ?? 'never'}`,
    },
  ];
  const attrition = round2(signals.filter((signal) => signal.fired).reduce((total, signal) => total + signal.weight, 0));
  const yearlyMargin = VALUE_MODEL.spendMargin * debit365Days + VALUE_MODEL.perProductPerYear * held.length;

  return {
    products: { ...activity(products, asOf), held, opened90Days: products.filter((event) => event.action === 'opened' && within(event, 90)).length, closed90Days },
    transactions: {
      ...transactionActivity,
      debitTotal: sum(debits),
      creditTotal: sum(credits),
      averageSize: transactions.length ? round2((sum(debits) + sum(credits)) / transactions.length) : null,
      byChannel: countBy(transactions, (event) => event.channel),
      currencies,
      debit365Days,
    },
    value: {
      estimate: round2(yearlyMargin * VALUE_MODEL.years * (1 - attrition)),
      currency: currencies.length === 1 ? currencies[0] : null,
      method: `(${VALUE_MODEL.spendMargin} × debit spend of the last 365 days + ${VALUE_MODEL.perProductPerYear} × products held) × ${VALUE_MODEL.years} years × (1 − attrition score)`,
      inputs: { debit365Days, productsHeld: held.length, attritionScore: attrition, yearlyMargin: round2(yearlyMargin) },
    },
    campaigns: { ...activity(campaigns, asOf), byResponse, responseRate: sent ? round2(responded / sent) : null },
    loyalty: { ...activity(loyalty, asOf), earned, redeemed, balance: earned - redeemed },
    social: { ...activity(social, asOf), mentions: social.reduce((total, event) => total + (event.mentions ?? 0), 0), averageSentiment, platforms: [...new Set(social.map((event) => event.platform!).filter(Boolean))].sort() },
    network,
    risk: { attrition: { score: attrition, signals } },
    interactions: { ...interactionActivity, byChannel: countBy(interactions, (event) => event.channel), averageSatisfaction: average(interactions.map((event) => event.satisfaction).filter((value): value is number => typeof value === 'number')) },
    incidents: { ...activity(incidents, asOf), open: openIncidents, byCategory: countBy(incidents, (event) => event.category) },
  };
}
