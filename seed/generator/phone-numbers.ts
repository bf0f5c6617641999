import { Country } from './data/cultures';
import { Town } from './data/towns';
import { deriveSeed } from './random';
import { PhoneNumber } from './truth-model';
import { UniqueScatter } from './unique-scatter';

/** Ways systems write one number: +447700900123, +44 7700 900123, 07700 900123, 07700-900123 … */
export const PHONE_FORMATS = ['e164', 'international', 'national', 'national-dashes', 'national-compact', 'international-00'] as const;
export type PhoneFormat = (typeof PHONE_FORMATS)[number];

const CALLING_CODES: Record<Country, string> = { GB: '44', US: '1', DE: '49', FR: '33' };
const TRUNK: Record<Country, string> = { GB: '0', US: '', DE: '0', FR: '0' };
const US_MOBILE_AREAS = ['212', '213', '312', '713', '602', '215', '210', '619', '214', '512', '206', '303', '617', '404', '305', '503', '612', '417'];
// Prefixes whose whole range libphonenumber accepts as mobile (07700 is reserved for drama, 076 is pagers).
const GB_MOBILE_PREFIXES = ['74', '75', '78'];
const DE_MOBILE_PREFIXES = ['151', '152', '157', '159', '160', '162', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'];
const FR_MOBILE_PREFIXES = ['60', '61', '62', '64', '65', '66', '67', '68'];

function prefixed(prefixes: readonly string[], digits: number, groups: readonly number[]) {
  const perPrefix = 10 ** digits;
  return { space: prefixes.length * perPrefix, number: (v: number) => `${prefixes[Math.floor(v / perPrefix)]}${pad(v % perPrefix, digits)}`, groups };
}

/** Mobile number spaces per country: size, and how the n-th number in it is written. */
const MOBILE_PLANS: Record<Country, { space: number; number: (value: number) => string; groups: readonly number[] }> = {
  GB: prefixed(GB_MOBILE_PREFIXES, 8, [5, 6]),
  US: {
    space: US_MOBILE_AREAS.length * 800 * 10_000,
    number: (v) => {
      const rest = Math.floor(v / US_MOBILE_AREAS.length);
      return `${US_MOBILE_AREAS[v % US_MOBILE_AREAS.length]}${200 + Math.floor(rest / 10_000)}${pad(rest % 10_000, 4)}`;
    },
    groups: [3, 3, 4],
  },
  DE: prefixed(DE_MOBILE_PREFIXES, 8, [4, 8]),
  FR: prefixed(FR_MOBILE_PREFIXES, 7, [2, 2, 2, 2, 2]),
};

/** Generic numbers (call centres, freephone lines) that many unrelated records carry. */
export const CALL_CENTRE_PHONES: Record<Country, readonly PhoneNumber[]> = {
  GB: [{ country: 'GB', nationalNumber: '8000285140', groups: [4, 3, 4] }, { country: 'GB', nationalNumber: '8081570192', groups: [4, 3, 4] }],
  US: [{ country: 'US', nationalNumber: '8002752273', groups: [3, 3, 4] }, { country: 'US', nationalNumber: '8773934448', groups: [3, 3, 4] }],
  DE: [{ country: 'DE', nationalNumber: '8001234567', groups: [4, 7] }, { country: 'DE', nationalNumber: '8003301000', groups: [4, 7] }],
  FR: [{ country: 'FR', nationalNumber: '800123456', groups: [2, 2, 2, 2, 2] }, { country: 'FR', nationalNumber: '805202020', groups: [2, 2, 2, 2, 2] }],
};

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function landlineGroups(town: Town): readonly number[] {
  const { area, digits } = town.landline;
  switch (town.country) {
    case 'GB':
      return area.length === 2 ? [3, 4, 4] : area.length === 3 ? [4, 3, 4] : [5, 6];
    case 'US':
      return [3, 3, 4];
    case 'DE':
      return [area.length + 1, digits];
    case 'FR':
      return [2, 2, 2, 2, 2];
  }
}

/** Hands out mobile and landline numbers that never repeat, without remembering them. */
export class PhoneBook {
  private readonly mobiles = new Map<Country, UniqueScatter>();
  private readonly landlines = new Map<string, UniqueScatter>();

  constructor(private readonly seed: number) {}

  mobile(country: Country): PhoneNumber {
    const plan = MOBILE_PLANS[country];
    const { value } = this.scatter(this.mobiles, country, plan.space).take();
    return { country, nationalNumber: plan.number(value), groups: plan.groups };
  }

  landline(town: Town): PhoneNumber {
    const { area, digits, lead } = town.landline;
    const perLead = 10 ** (digits - 1);
    const { value } = this.scatter(this.landlines, `${town.country}:${town.name}`, lead.length * perLead).take();
    const subscriber = `${lead[Math.floor(value / perLead)]}${pad(value % perLead, digits - 1)}`;
    return { country: town.country, nationalNumber: `${area}${subscriber}`, groups: landlineGroups(town) };
  }

  private scatter<K>(scatters: Map<K, UniqueScatter>, key: K, space: number): UniqueScatter {
    let scatter = scatters.get(key);
    if (!scatter) {
      scatter = new UniqueScatter(space, deriveSeed(this.seed, ...[...String(key)].map((c) => c.charCodeAt(0))));
      scatters.set(key, scatter);
    }
    return scatter;
  }
}

function nationalGroups(phone: PhoneNumber): string[] {
  const national = TRUNK[phone.country] + phone.nationalNumber;
  const groups: string[] = [];
  let at = 0;
  for (const size of phone.groups) {
    if (at >= national.length) break;
    groups.push(national.slice(at, at + size));
    at += size;
  }
  if (at < national.length) groups[groups.length - 1] += national.slice(at);
  return groups;
}

export function formatPhone(phone: PhoneNumber, format: PhoneFormat): string {
  const code = CALLING_CODES[phone.country];
  const groups = nationalGroups(phone);
  switch (format) {
    case 'e164':
      return `+${code}${phone.nationalNumber}`;
    case 'international-00':
      return `00${code}${phone.nationalNumber}`;
    case 'international': {
      const [first, ...rest] = groups;
      return [`+${code}`, first.slice(TRUNK[phone.country].length), ...rest].join(' ');
    }
    case 'national':
      return phone.country === 'US' && groups.length === 3 ? `(${groups[0]}) ${groups[1]}-${groups[2]}` : groups.join(' ');
    case 'national-dashes':
      return groups.join('-');
    case 'national-compact':
      return groups.join('');
  }
}
