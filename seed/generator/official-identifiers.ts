import { Country } from './data/cultures';
import { deriveSeed } from './random';
import { OfficialIdentifier } from './truth-model';
import { UniqueScatter } from './unique-scatter';

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const GB_PREFIXES = ['QQ', 'ZZ', 'QZ', 'ZQ'];

interface IdentifierPlan {
  type: string;
  space: number;
  /** The canonical written form of the n-th identifier. */
  value: (v: number) => string;
  /** How some systems write it instead (spaced, without dashes …). */
  alternative: (canonical: string) => string;
}

// Synthetic look-alikes: GB "QQ123456C" NI numbers (QQ is never issued), SSN-shaped numbers,
// 11-digit German and 13-digit French tax numbers, and company register numbers.
const PERSON_PLANS: Record<Country, IdentifierPlan> = {
  GB: {
    type: 'national_id',
    space: GB_PREFIXES.length * 4 * 1e6,
    value: (v) => `${GB_PREFIXES[Math.floor(v / 4e6)]}${pad(v % 1e6, 6)}${'ABCD'[Math.floor(v / 1e6) % 4]}`,
    alternative: (id) => `${id.slice(0, 2)} ${id.slice(2, 4)} ${id.slice(4, 6)} ${id.slice(6, 8)} ${id.slice(8)}`,
  },
  US: {
    type: 'ssn',
    space: 898 * 99 * 9999,
    value: (v) => {
      const area = 1 + (v % 898);
      return `${pad(area >= 666 ? area + 1 : area, 3)}-${pad(1 + (Math.floor(v / 898) % 99), 2)}-${pad(1 + Math.floor(v / (898 * 99)), 4)}`;
    },
    alternative: (id) => id.replace(/-/g, ''),
  },
  DE: {
    type: 'tax_id',
    space: 4e9,
    value: (v) => `${1 + (v % 9)}${pad(v, 10)}`,
    alternative: (id) => `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8)}`,
  },
  FR: {
    type: 'tax_id',
    space: 4e9,
    value: (v) => `${v % 4}${pad(v, 10)}${pad(Math.floor(v / 7) % 100, 2)}`,
    alternative: (id) => `${id.slice(0, 2)} ${id.slice(2, 4)} ${id.slice(4, 7)} ${id.slice(7, 10)} ${id.slice(10)}`,
  },
};

const COMPANY_PLANS: Record<Country, IdentifierPlan> = {
  GB: { type: 'company_number', space: 1e7, value: (v) => pad(v, 8), alternative: (id) => id.replace(/^0+/, '') },
  US: { type: 'company_number', space: 9e8, value: (v) => `${10 + Math.floor(v / 1e7)}-${pad(v % 1e7, 7)}`, alternative: (id) => id.replace('-', '') },
  DE: { type: 'company_number', space: 9e5, value: (v) => `HRB ${100000 + v}`, alternative: (id) => id.replace(' ', '') },
  FR: { type: 'company_number', space: 9e8, value: (v) => String(1e8 + v), alternative: (id) => `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}` },
};

/** Hands out national and company identifiers that never repeat. */
export class IdentifierBook {
  private readonly scatters = new Map<string, UniqueScatter>();

  constructor(private readonly seed: number) {}

  personal(country: Country): OfficialIdentifier {
    return this.take(country, 'person', PERSON_PLANS[country]);
  }

  company(country: Country): OfficialIdentifier {
    return this.take(country, 'company', COMPANY_PLANS[country]);
  }

  private take(country: Country, kind: string, plan: IdentifierPlan): OfficialIdentifier {
    const key = `${country}:${kind}`;
    let scatter = this.scatters.get(key);
    if (!scatter) {
      scatter = new UniqueScatter(plan.space, deriveSeed(this.seed, 11, kind.length, country.charCodeAt(0), country.charCodeAt(1)));
      this.scatters.set(key, scatter);
    }
    const { value, lap } = scatter.take();
    if (lap > 0) throw new Error(`${key} identifiers exhausted after ${plan.space}`);
    return { type: plan.type, country, value: plan.value(value) };
  }
}

/** The identifier as another system writes it: spaced, without dashes, or without leading zeros. */
export function alternativeIdentifierForm(identifier: OfficialIdentifier): string {
  const plan = identifier.type === 'company_number' ? COMPANY_PLANS[identifier.country] : PERSON_PLANS[identifier.country];
  return plan.alternative(identifier.value);
}
