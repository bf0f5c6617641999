import { Country } from './data/cultures';
import { EMAIL_PROVIDERS } from './data/email-providers';
import { BloomFilter } from './bloom-filter';
import { SeededRandom } from './random';
import { emailSafe } from './text-folding';
import { WeightedTable } from './weighted-table';

type LocalPart = (given: string, family: string, birthYear: number, random: SeededRandom) => string;

/** How people build the part before the @, roughly as often as each is seen. */
const LOCAL_PARTS = new WeightedTable<LocalPart>([
  [(g, f) => `${g}.${f}`, 30],
  [(g, f) => `${g}${f}`, 10],
  [(g, f) => `${g[0]}.${f}`, 6],
  [(g, f) => `${g[0]}${f}`, 8],
  [(g, f) => `${g}_${f}`, 5],
  [(g, f) => `${f}.${g}`, 5],
  [(g, f, year) => `${g}.${f}${String(year).slice(2)}`, 10],
  [(g, f, year) => `${g}${f}${String(year).slice(2)}`, 8],
  [(g, _f, _year, random) => `${g}${random.between(1, 999)}`, 5],
  [(g, f) => `${f}${g[0]}`, 5],
  [(g, f, _year, random) => `${g}.${f}${random.between(1, 99)}`, 8],
]);
const PROVIDERS = new Map(Object.entries(EMAIL_PROVIDERS).map(([country, providers]) => [country as Country, new WeightedTable(providers)]));

/** Providers that ignore dots in the local part: john.smith@ and johnsmith@ are one mailbox. */
const DOTLESS_PROVIDERS = new Set(['gmail.com', 'googlemail.com']);

/** The mailbox an address delivers to: case, a +tag and, at dot-insensitive providers, dots do not count. */
export function mailboxOf(address: string): string {
  const [local, domain] = address.toLowerCase().split('@');
  const untagged = local.split('+')[0];
  return `${DOTLESS_PROVIDERS.has(domain) ? untagged.replace(/\./g, '') : untagged}@${domain}`;
}

/**
 * Builds email addresses from names and keeps them unique across the whole dataset: two
 * John Smiths never share a mailbox, as they cannot in reality (sarah.johnson@gmail.com and
 * sarahjohnson@gmail.com are one mailbox, so they are never given to two people). A Bloom filter remembers the
 * addresses given out in fixed memory; a "seen" answer (rarely a false one) moves on to a
 * numbered form, and the last resort carries the entity's own serial, which no other form has.
 */
export class EmailAddressBook {
  private readonly seen: BloomFilter;

  constructor(expectedAddresses: number) {
    this.seen = new BloomFilter(Math.min(2 ** 31, Math.max(2 ** 20, expectedAddresses * 24)));
  }

  personal(given: string, family: string, birthYear: number, country: Country, serial: number, random: SeededRandom): string {
    const domain = PROVIDERS.get(country)!.pick(random);
    const g = emailSafe(given) || 'x';
    const f = emailSafe(family) || 'x';
    const attempts = [LOCAL_PARTS.pick(random)(g, f, birthYear, random), `${g}.${f}${random.between(1, 999)}`, `${g}${f}${random.between(1000, 9999)}`];
    return this.firstUnseen(attempts, domain, `${g}.${f}.${serial.toString(36)}`);
  }

  /** A work address at the employer's domain (given.family@, then numbered). */
  work(given: string, family: string, domain: string, serial: number): string {
    const g = emailSafe(given) || 'x';
    const f = emailSafe(family) || 'x';
    return this.firstUnseen([`${g}.${f}`, `${g[0]}.${f}`, `${g}.${f}2`], domain, `${g}.${f}.${serial.toString(36)}`);
  }

  /** Shared mailbox of an organisation; its domain is already unique. */
  organisation(domain: string): string {
    const address = `info@${domain}`;
    this.seen.add(mailboxOf(address));
    return address;
  }

  private firstUnseen(localParts: string[], domain: string, lastResort: string): string {
    for (const local of localParts) {
      const address = `${local}@${domain}`;
      if (!this.seen.has(mailboxOf(address))) {
        this.seen.add(mailboxOf(address));
        return address;
      }
    }
    const address = `${lastResort}@${domain}`;
    this.seen.add(mailboxOf(address));
    return address;
  }
}
