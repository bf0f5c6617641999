import { SourceSystem } from '../generator/canonical-record';
import { SeededRandom } from '../generator/random';
import { DEMO_REFERENCE_MS, isoInstant } from './demo-record';
import { EntityProfile } from './demo-profiles';

export const EVENT_KINDS = ['transaction', 'product', 'interaction', 'incident', 'campaign', 'loyalty', 'social'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One event about one record: `{ eventId, sourceId, kind, occurredAt, ...details }`. */
export interface EventHead {
  eventId: string;
  sourceId: string;
  kind: EventKind;
  occurredAt: string;
}
export type EventDetails = Record<string, string | number | boolean>;
export type DemoEvent = EventHead & EventDetails;

/** Which kinds each system records, and how often relative to each other: transactions dominate. */
const KINDS_BY_SYSTEM: Record<SourceSystem, Partial<Record<EventKind, number>>> = {
  core_banking: { transaction: 10, product: 2 },
  ecommerce: { transaction: 7, campaign: 2 },
  loyalty: { loyalty: 4, campaign: 1 },
  support: { incident: 1, interaction: 2 },
  crm: { interaction: 2, campaign: 2, social: 1 },
  partner_feed: { product: 2 },
};

const WINDOW_SECONDS = 548 * 86_400; // about 18 months
const CURRENCY: Record<string, string> = { GB: 'GBP', US: 'USD', DE: 'EUR', FR: 'EUR' };
const MERCHANT_CATEGORIES = ['groceries', 'fuel', 'travel', 'restaurants', 'electronics', 'clothing', 'utilities', 'health', 'entertainment', 'home'] as const;
const PRODUCTS = ['current_account', 'savings_account', 'credit_card', 'mortgage', 'personal_loan', 'insurance', 'investment_account'] as const;
const TOPICS = ['address_change', 'card_lost', 'fees', 'mortgage_enquiry', 'delivery', 'password_reset', 'product_info', 'complaint_follow_up'] as const;
const CAMPAIGNS = ['spring_savings', 'cashback_card', 'loyalty_double_points', 'black_friday', 'mortgage_switch', 'new_app_launch'] as const;
const PLATFORMS = ['x', 'facebook', 'instagram', 'trustpilot', 'reddit'] as const;

interface OpenAccount {
  accountId: string;
  product: string;
}

type EventDraft = Omit<EventHead, 'eventId'> & { at: number; system: SourceSystem };

/** Numbers events per system, so eventIds are `EV-<system>-<n>` and unique within each system. */
export class EventNumbering {
  private readonly next = new Map<string, number>();
  id(system: string): string {
    const n = (this.next.get(system) ?? 0) + 1;
    this.next.set(system, n);
    return `EV-${system}-${String(n).padStart(7, '0')}`;
  }
}

/**
 * 10–40 events for a person (5–15 for an organisation) over the 18 months before the reference
 * date, spread over its records in the systems that record such events, in time order.
 */
export function eventsForEntity(profile: EntityProfile, random: SeededRandom): Array<{ system: SourceSystem; kind: EventKind; event: Omit<EventHead, 'eventId'> & EventDetails }> {
  const options = profile.records.flatMap(({ system, sourceId }) =>
    Object.entries(KINDS_BY_SYSTEM[system as SourceSystem] ?? {}).map(([kind, weight]) => ({ system: system as SourceSystem, sourceId, kind: kind as EventKind, weight })),
  );
  if (options.length === 0) return [];
  const total = options.reduce((sum, option) => sum + option.weight, 0);
  const count = profile.type === 'person' ? random.between(10, 40) : random.between(5, 15);
  const currency = CURRENCY[profile.address?.country ?? 'GB'] ?? 'EUR';
  const accounts = new Map<string, OpenAccount[]>();

  const drafts: EventDraft[] = [];
  for (let i = 0; i < count; i++) {
    let roll = random.next() * total;
    const option = options.find((candidate) => (roll -= candidate.weight) < 0) ?? options[options.length - 1];
    const at = DEMO_REFERENCE_MS - (1 + random.int(WINDOW_SECONDS)) * 1000;
    drafts.push({ system: option.system, at, sourceId: option.sourceId, kind: option.kind, occurredAt: isoInstant(at) });
  }
  drafts.sort((a, b) => a.at - b.at);
  return drafts.map(({ system, at: _at, ...event }) => ({ system, kind: event.kind, event: { ...event, ...details(event.kind, event.sourceId, currency, accounts, random) } }));
}

function details(kind: EventKind, sourceId: string, currency: string, accounts: Map<string, OpenAccount[]>, random: SeededRandom): EventDetails {
  switch (kind) {
    case 'transaction':
      return {
        // log-uniform from about 2 to 5,000: many small payments, a few large ones
        amount: Number(Math.exp(0.7 + random.next() * 7.8).toFixed(2)),
        currency,
        channel: random.pick(['card', 'card', 'card', 'online', 'online', 'transfer', 'cash'] as const),
        direction: random.chance(0.85) ? 'debit' : 'credit',
        merchantCategory: random.pick(MERCHANT_CATEGORIES),
      };
    case 'product':
      return productEvent(sourceId, accounts, random);
    case 'interaction': {
      const event: Record<string, string | number> = { channel: random.pick(['web', 'branch', 'phone', 'app'] as const), topic: random.pick(TOPICS) };
      if (random.chance(0.4)) event.satisfaction = random.between(1, 5);
      return event;
    }
    case 'incident':
      return {
        category: random.pick(['complaint', 'complaint', 'refund', 'refund', 'fraud_report', 'outage'] as const),
        severity: random.pick(['low', 'low', 'medium', 'high'] as const),
        resolved: random.chance(0.8),
      };
    case 'campaign':
      return { campaign: random.pick(CAMPAIGNS), response: random.pick(['sent', 'sent', 'sent', 'opened', 'opened', 'clicked', 'converted'] as const) };
    case 'loyalty': {
      const earned = random.chance(0.75);
      return { points: earned ? random.between(10, 500) : random.between(500, 5000), action: earned ? 'earned' : 'redeemed' };
    }
    case 'social':
      return { platform: random.pick(PLATFORMS), sentiment: Number((random.next() * 2 - 1).toFixed(2)), mentions: random.between(1, 12) };
  }
}

/** The first product event of a record opens an account; later ones open another, or upgrade or close one still open. */
function productEvent(sourceId: string, accounts: Map<string, OpenAccount[]>, random: SeededRandom): Record<string, string> {
  const open = accounts.get(sourceId) ?? [];
  accounts.set(sourceId, open);
  if (open.length === 0 || random.chance(0.4)) {
    const account = { accountId: `ACC-${random.digits(10)}`, product: random.pick(PRODUCTS) };
    open.push(account);
    return { product: account.product, action: 'opened', accountId: account.accountId };
  }
  const index = random.int(open.length);
  const account = open[index];
  const closes = random.chance(0.5);
  if (closes) open.splice(index, 1);
  return { product: account.product, action: closes ? 'closed' : 'upgraded', accountId: account.accountId };
}
