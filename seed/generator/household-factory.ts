import { AddressBook } from './address-book';
import { adultAge, birthDateForAge, REFERENCE_DATE } from './birth-dates';
import { Country, COUNTRY_WEIGHTS, Culture } from './data/cultures';
import { Home, PersonFactory, PersonSpec } from './person-factory';
import { cultureIn, familyNameStem } from './person-names';
import { PhoneBook } from './phone-numbers';
import { SeededRandom } from './random';
import { FamilyTie, Gender, PersonTruth } from './truth-model';
import { WeightedTable } from './weighted-table';

export const HOUSEHOLD_KINDS = ['single', 'couple', 'family', 'single_parent', 'twins_family', 'flatmates'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export interface Household {
  kind: HouseholdKind;
  members: PersonTruth[];
}

const KIND_TABLE = new WeightedTable<HouseholdKind>([
  ['single', 38],
  ['couple', 24],
  ['family', 18],
  ['single_parent', 5],
  ['twins_family', 3],
  ['flatmates', 10],
]);
const COUNTRY_TABLE = new WeightedTable(COUNTRY_WEIGHTS);
const MOVE_START = Date.UTC(2018, 0, 1);
const MOVE_END = Date.UTC(2025, 11, 31);

const otherGender = (gender: Gender): Gender => (gender === 'M' ? 'F' : 'M');
const randomGender = (random: SeededRandom): Gender => (random.chance(0.5) ? 'M' : 'F');

function tie(a: PersonTruth, typeOfBForA: FamilyTie['type'], b: PersonTruth, typeOfAForB: FamilyTie['type']): void {
  a.ties.push({ type: typeOfBForA, other: b });
  b.ties.push({ type: typeOfAForB, other: a });
}

/** The last household of a run may be cut short; ties to members left out are dropped. */
function withinLimit(members: PersonTruth[], maxMembers: number): PersonTruth[] {
  if (members.length <= maxMembers) return members;
  const kept = new Set(members.slice(0, maxMembers));
  for (const member of kept) member.ties = member.ties.filter((familyTie) => kept.has(familyTie.other));
  return [...kept];
}

/**
 * Builds one household at a time — singles, couples sharing address and family name, families
 * with children (sometimes twins), single parents and flatmates — so the traps of real data
 * (same surname and address, same birth date) appear with their real causes.
 */
export class HouseholdFactory {
  constructor(
    private readonly people: PersonFactory,
    private readonly addresses: AddressBook,
    private readonly phones: PhoneBook,
  ) {}

  /** A household of at most `maxMembers` people (a smaller kind is chosen when it must). */
  next(random: SeededRandom, maxMembers: number): Household {
    const drawn = KIND_TABLE.pick(random);
    const kind = maxMembers < 2 ? 'single' : drawn;
    const country = COUNTRY_TABLE.pick(random);
    const culture = cultureIn(country, random);
    // flatmates share the address only: no landline, so no shared contact
    const home = this.home(country, random, kind !== 'flatmates' && random.chance(kind === 'single' ? 0.15 : 0.35));
    return { kind, members: withinLimit(this.membersOf(kind, country, culture, home, random), maxMembers) };
  }

  private home(country: Country, random: SeededRandom, withLandline: boolean): Home {
    const moved = random.chance(0.1);
    const previousAddress = moved ? this.addresses.newAddress(country, random) : undefined;
    const address = this.addresses.newAddress(country, random);
    return {
      address,
      previousAddress,
      movedAt: moved ? MOVE_START + random.int(MOVE_END - MOVE_START) : undefined,
      landline: withLandline ? this.phones.landline(address.town) : undefined,
    };
  }

  private membersOf(kind: HouseholdKind, country: Country, culture: Culture, home: Home, random: SeededRandom): PersonTruth[] {
    const taken = new Set<string>();
    const adult = (gender: Gender, familyStem: string, age: number, married: boolean, personCulture = culture): PersonTruth =>
      this.people.create({ country, culture: personCulture, gender, familyStem, birth: birthDateForAge(age, random), home, married, takenGivenNames: taken }, random);

    if (kind === 'single') return [adult(randomGender(random), familyNameStem(culture, random), adultAge(random), false)];

    if (kind === 'flatmates') {
      const stems = new Set<string>();
      const count = random.between(2, 4);
      const flatmates: PersonTruth[] = [];
      while (flatmates.length < count) {
        const flatmateCulture = cultureIn(country, random);
        const stem = familyNameStem(flatmateCulture, random);
        if (stems.has(stem)) continue;
        stems.add(stem);
        flatmates.push(adult(randomGender(random), stem, random.between(20, 40), false, flatmateCulture));
      }
      return flatmates;
    }

    const married = kind !== 'single_parent' && random.chance(kind === 'couple' ? 0.8 : 0.85);
    const stem = familyNameStem(culture, random);
    const firstGender = randomGender(random);
    const firstAge = kind === 'couple' ? adultAge(random) : random.between(22, 55);
    const parents = [adult(firstGender, stem, firstAge, married)];
    if (kind !== 'single_parent') {
      const partnerCulture = random.chance(0.88) ? culture : cultureIn(country, random);
      const partnerStem = married ? stem : familyNameStem(partnerCulture, random);
      const partnerGender = random.chance(0.95) ? otherGender(firstGender) : firstGender;
      const partnerAge = Math.max(18, firstAge + random.between(-8, 8));
      const partner = adult(partnerGender, partnerStem, partnerAge, married, married ? culture : partnerCulture);
      if (married) tie(parents[0], 'SPOUSE', partner, 'SPOUSE');
      parents.push(partner);
    }
    if (kind === 'couple') return parents;

    const children = this.children(kind, stem, culture, country, home, Math.max(...parents.map((parent) => parent.birth.year)), taken, random);
    for (const parent of parents) for (const child of children) tie(parent, 'CHILD', child, 'PARENT');
    for (let i = 0; i < children.length; i++) for (let j = i + 1; j < children.length; j++) tie(children[i], 'SIBLING', children[j], 'SIBLING');
    return [...parents, ...children];
  }

  private children(kind: HouseholdKind, stem: string, culture: Culture, country: Country, home: Home, youngestParentBirthYear: number, taken: Set<string>, random: SeededRandom): PersonTruth[] {
    const oldestPossible = Math.min(30, REFERENCE_DATE.year - youngestParentBirthYear - 18);
    if (oldestPossible < 0) return [];
    const child = (birth: PersonSpec['birth']) =>
      this.people.create({ country, culture, gender: randomGender(random), familyStem: stem, birth, home, married: false, takenGivenNames: taken }, random);
    const children: PersonTruth[] = [];
    let age = random.between(0, oldestPossible);
    if (kind === 'twins_family') {
      // twins: same family name, address and birth date; only the given name tells them apart
      const birth = birthDateForAge(age, random);
      children.push(child(birth), child({ ...birth }));
      age -= random.between(2, 5);
      if (age >= 0 && random.chance(0.4)) children.push(child(birthDateForAge(age, random)));
      return children;
    }
    const count = kind === 'single_parent' ? random.between(1, 2) : random.between(1, 3);
    for (let i = 0; i < count && age >= 0; i++) {
      children.push(child(birthDateForAge(age, random)));
      age -= random.between(1, 5);
    }
    return children;
  }
}
