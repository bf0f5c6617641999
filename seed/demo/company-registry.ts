import { SeededRandom } from '../generator/random';
import { shuffled } from './demo-random';
import { DemoRecord, DemoRelationship, daysBeforeReference, isoDay, isoInstant } from './demo-record';
import { COMPANY_STEMS, COMPANY_TRADES, LEGAL_FORMS, REGISTRY_STREETS, REGISTRY_TOWNS } from './demo-names';
import { EntityProfile, EntityProfiles } from './demo-profiles';
import { OwnershipEdge } from './ownership';

export const REGISTRY_SYSTEM = 'company_registry';
/** Companies in the registry; some are organisations the six systems already know, the rest exist only here. */
const COMPANY_COUNT = 150;
const KNOWN_ORGANISATION_SHARE = 1 / 3;

interface RegistryCompany {
  record: DemoRecord;
  entityId: string;
  relationships: DemoRelationship[];
}

interface RegistryPerson {
  profile: EntityProfile;
  sourceId: string;
  relationships: DemoRelationship[];
}

/** The registry's records, the OWNS edges between entities, and which companies close a cycle. */
export interface CompanyRegistry {
  records: Array<{ record: DemoRecord; entityId: string }>;
  edges: OwnershipEdge[];
}

/**
 * A companies-house-style register: ~150 companies in ownership chains 2–4 deep, with parallel
 * chains and cycles, plus person records for the demo people who own or direct them. The person
 * records copy name, birth date and an address from that person's records, so they resolve onto them.
 */
export function buildCompanyRegistry(profiles: EntityProfiles, random: SeededRandom): CompanyRegistry {
  const builder = new RegistryBuilder(profiles, random);
  builder.buildStructures();
  return builder.result();
}

class RegistryBuilder {
  private readonly companies: RegistryCompany[];
  private readonly persons = new Map<string, RegistryPerson>();
  private readonly edges: OwnershipEdge[] = [];
  /** Shares already held in each company, so no company is more than 100 % owned. */
  private readonly allocated = new Map<string, number>();
  private readonly candidates: EntityProfile[];
  private nextCandidate = 0;

  constructor(profiles: EntityProfiles, private readonly random: SeededRandom) {
    this.companies = shuffled(makeCompanies(profiles, random), random);
    this.candidates = shuffled(profiles.nameablePeople(), random);
  }

  buildStructures(): void {
    const c = this.companies;
    if (c.length < 8) throw new Error('the registry needs at least 8 companies');
    // The showcase: A owns 60 % of B and 40 % of C, both own half of D, D owns 80 % of E, one person owns A.
    this.owns(c[0], c[1], 60);
    this.owns(c[0], c[2], 40);
    this.owns(c[1], c[3], 50);
    this.owns(c[2], c[3], 50);
    this.owns(c[3], c[4], 80);
    this.personOwns(c[0], 100);
    // A cycle: X owns 10 % of Y and Y owns 5 % of X; X also controls Z.
    this.owns(c[5], c[6], 10);
    this.owns(c[6], c[5], 5);
    this.owns(c[5], c[7], 70);
    this.attachOwners(c[5]);
    this.attachOwners(c[6]);
    for (const company of c.slice(0, 8)) this.attachDirectors(company);

    let next = 8;
    while (next < c.length) {
      const chain = c.slice(next, next + this.random.between(2, 4));
      next += chain.length;
      next = this.buildChain(chain, next);
    }
  }

  /** One structure: a chain, perhaps a parallel branch to its bottom, rarely a small back-holding that closes a cycle. */
  private buildChain(chain: RegistryCompany[], next: number): number {
    const parallel = chain.length > 2 && this.random.chance(0.25) && next < this.companies.length;
    // with a parallel branch the chain holds only part of the bottom company, leaving room for the branch
    for (let k = 0; k + 1 < chain.length; k++) this.owns(chain[k], chain[k + 1], parallel && k + 2 === chain.length ? this.random.between(40, 75) : this.drawPct());
    const bottom = chain[chain.length - 1];
    if (parallel) {
      const sibling = this.companies[next++];
      this.owns(chain[0], sibling, this.drawPct());
      this.owns(sibling, bottom, this.random.between(10, 100 - (this.allocated.get(bottom.entityId) ?? 0)));
      this.attachDirectors(sibling);
    }
    if (chain.length > 1 && this.random.chance(0.06)) this.owns(bottom, chain[0], this.random.between(1, 15));
    this.attachOwners(chain[0]);
    for (const company of chain) this.attachDirectors(company);
    return next;
  }

  /** Mostly controlling stakes, some minority ones, so some owners fall below the 25 % line. */
  private drawPct(): number {
    const roll = this.random.next();
    if (roll < 0.3) return 100;
    if (roll < 0.7) return this.random.between(51, 99);
    if (roll < 0.9) return this.random.between(25, 50);
    return this.random.between(10, 24);
  }

  private attachOwners(company: RegistryCompany): void {
    const roll = this.random.next();
    const splits = roll < 0.5 ? [this.random.chance(0.6) ? 100 : this.random.between(51, 95)] : roll < 0.85 ? this.random.pick([[60, 40], [50, 50], [75, 25]]) : [40, 35, 25];
    for (const pct of splits) this.personOwns(company, pct);
    if (this.random.chance(0.2)) this.personOwns(company, this.random.between(3, 15));
  }

  private attachDirectors(company: RegistryCompany): void {
    const count = this.random.chance(0.7) ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const owners = [...this.persons.values()].filter((person) => person.relationships.some((r) => r.type === 'OWNS' && r.target.sourceId === company.record.sourceId));
      // owner-managers are common in small firms; otherwise a (possibly already registered) director
      const person = owners.length > 0 && this.random.chance(0.6) ? this.random.pick(owners) : this.drawPerson();
      if (!person || person.relationships.some((r) => r.type === 'DIRECTOR_OF' && r.target.sourceId === company.record.sourceId)) continue;
      person.relationships.push({ type: 'DIRECTOR_OF', target: { system: REGISTRY_SYSTEM, sourceId: company.record.sourceId }, since: this.drawSince() });
    }
  }

  /** Caps a stake at what is still free in the company; 0 means it is fully held already. */
  private allocate(company: RegistryCompany, pct: number): number {
    const held = this.allocated.get(company.entityId) ?? 0;
    const granted = Math.min(pct, 100 - held);
    if (granted > 0) this.allocated.set(company.entityId, held + granted);
    return granted;
  }

  private owns(owner: RegistryCompany, company: RegistryCompany, wanted: number): void {
    const pct = this.allocate(company, wanted);
    if (pct <= 0) return;
    owner.relationships.push({ type: 'OWNS', target: { system: REGISTRY_SYSTEM, sourceId: company.record.sourceId }, ownershipPct: pct, since: this.drawSince() });
    this.edges.push({ ownerEntityId: owner.entityId, companyEntityId: company.entityId, pct });
  }

  private personOwns(company: RegistryCompany, wanted: number): void {
    const person = this.drawPerson();
    if (!person) return;
    const existing = person.relationships.find((r) => r.type === 'OWNS' && r.target.sourceId === company.record.sourceId);
    if (existing) return;
    const pct = this.allocate(company, wanted);
    if (pct <= 0) return;
    person.relationships.push({ type: 'OWNS', target: { system: REGISTRY_SYSTEM, sourceId: company.record.sourceId }, ownershipPct: pct, since: this.drawSince() });
    this.edges.push({ ownerEntityId: person.profile.entityId, companyEntityId: company.entityId, pct });
  }

  /** A fresh demo person most of the time, an already registered one now and then (serial founders). */
  private drawPerson(): RegistryPerson | undefined {
    const registered = [...this.persons.values()];
    if (registered.length > 0 && (this.random.chance(0.12) || this.candidates.length === 0)) return this.random.pick(registered);
    if (this.candidates.length === 0) return undefined;
    const profile = this.candidates[this.nextCandidate++ % this.candidates.length];
    const known = this.persons.get(profile.entityId);
    if (known) return known;
    const person = { profile, sourceId: `REG-P-${String(this.persons.size + 1).padStart(6, '0')}`, relationships: [] };
    this.persons.set(profile.entityId, person);
    return person;
  }

  private drawSince(): string {
    return isoDay(daysBeforeReference(this.random.between(120, 20 * 365)));
  }

  result(): CompanyRegistry {
    const records: CompanyRegistry['records'] = [];
    for (const company of this.companies) {
      records.push({ record: { ...company.record, relationships: company.relationships.length ? company.relationships : undefined }, entityId: company.entityId });
    }
    for (const person of this.persons.values()) if (person.relationships.length > 0) records.push({ record: personRecord(person, this.random), entityId: person.profile.entityId });
    return { records, edges: this.edges };
  }
}

/** Organisations the six systems know (same entity, so they resolve together) and registry-only companies. */
function makeCompanies(profiles: EntityProfiles, random: SeededRandom): RegistryCompany[] {
  const known = profiles.organisations().filter((profile) => profile.organisationName);
  const companies: RegistryCompany[] = [];
  for (const profile of known.slice(0, Math.floor(COMPANY_COUNT * KNOWN_ORGANISATION_SHARE))) {
    const country = profile.address?.country ?? 'GB';
    companies.push(companyOf(companies.length, profile.entityId, profile.organisationName!, profile.registrationNumber ?? registryNumber(companies.length), country, profile.address ?? registryAddress(random)));
  }
  while (companies.length < COMPANY_COUNT) {
    const serial = companies.length;
    const name = `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_TRADES)} ${random.pick(LEGAL_FORMS)}`;
    companies.push(companyOf(serial, `OREG${String(serial + 1).padStart(5, '0')}`, name, registryNumber(serial), 'GB', registryAddress(random)));
  }
  return companies;
}

function companyOf(serial: number, entityId: string, name: string, registrationNumber: string, country: string, address: NonNullable<DemoRecord['addresses']>[number]): RegistryCompany {
  const record: DemoRecord = {
    sourceId: `REG-C-${String(serial + 1).padStart(6, '0')}`,
    type: 'organization',
    name: { full: name },
    addresses: [address],
    identifiers: [{ type: 'company_number', value: registrationNumber, country }],
    organization: { name, registrationNumber, country },
    observedAt: '2026-10-01T00:00:00Z',
  };
  return { record, entityId, relationships: [] };
}

/** "SC" numbers never collide with the generator's all-digit GB company numbers. */
function registryNumber(serial: number): string {
  return `SC${String(100000 + serial * 37).padStart(6, '0')}`;
}

function registryAddress(random: SeededRandom): NonNullable<DemoRecord['addresses']>[number] {
  const town = random.pick(REGISTRY_TOWNS);
  return { line1: `${random.between(1, 220)} ${random.pick(REGISTRY_STREETS)}`, locality: town.locality, postcode: `${town.postcode}${random.between(1, 19)} ${random.between(1, 9)}${random.pick(['AB', 'DE', 'FG', 'HJ', 'LN', 'PQ'])}`, country: 'GB' };
}

/** The registry's view of a person: family name in capitals as registers write it, sometimes only month and year of birth. */
function personRecord(person: RegistryPerson, random: SeededRandom): DemoRecord {
  const { profile } = person;
  const family = random.chance(0.5) ? profile.family!.toUpperCase() : profile.family!;
  const birthDate = random.chance(0.25) ? profile.birthDate!.slice(0, 7) : profile.birthDate!;
  return {
    sourceId: person.sourceId,
    type: 'person',
    name: { given: profile.given, middle: profile.middle, family },
    birthDate,
    addresses: [profile.address!],
    relationships: person.relationships,
    observedAt: isoInstant(daysBeforeReference(random.between(30, 400))),
  };
}
