import { AddressBook } from './address-book';
import { EmailAddressBook } from './email-addresses';
import { Household, HouseholdFactory } from './household-factory';
import { IdentifierBook } from './official-identifiers';
import { Employer, PersonFactory } from './person-factory';
import { PhoneBook } from './phone-numbers';
import { SeededRandom } from './random';
import { RecentItems } from './recent-items';
import { PersonTruth } from './truth-model';

function households(count: number): Household[] {
  let serial = 0;
  const phones = new PhoneBook(1);
  const people = new PersonFactory(new EmailAddressBook(10_000), phones, new IdentifierBook(1), new RecentItems<Employer>(8), () => `P${++serial}`);
  const factory = new HouseholdFactory(people, new AddressBook(1), phones);
  const random = new SeededRandom(99);
  return Array.from({ length: count }, () => factory.next(random, 10));
}

const sameDate = (a: PersonTruth, b: PersonTruth) => a.birth.year === b.birth.year && a.birth.month === b.birth.month && a.birth.day === b.birth.day;

describe('HouseholdFactory', () => {
  const all = households(3000);
  const ofKind = (kind: Household['kind']) => all.filter((household) => household.kind === kind);

  it('makes every kind of household', () => {
    for (const kind of ['single', 'couple', 'family', 'single_parent', 'twins_family', 'flatmates'] as const) expect(ofKind(kind).length).toBeGreaterThan(20);
  });

  it('gives married couples one address and family name, their own given names and birth dates', () => {
    const spouses = all.flatMap((household) => household.members.flatMap((member) => member.ties.filter((tie) => tie.type === 'SPOUSE').map((tie) => [member, tie.other] as const)));
    expect(spouses.length).toBeGreaterThan(500);
    for (const [a, b] of spouses) {
      expect(a.address).toBe(b.address);
      expect(a.family.slice(0, 4)).toBe(b.family.slice(0, 4)); // Kowalski / Kowalska
      expect(a.given).not.toBe(b.given);
      expect(a.entityId).not.toBe(b.entityId);
    }
    expect(spouses.filter(([a, b]) => sameDate(a, b)).length).toBeLessThan(spouses.length * 0.01);
  });

  it('makes twins with one family name, address and birth date, and different given names', () => {
    for (const household of ofKind('twins_family')) {
      const children = household.members.filter((member) => member.ties.some((tie) => tie.type === 'PARENT'));
      const [a, b] = children;
      expect(sameDate(a, b)).toBe(true);
      expect(a.address).toBe(b.address);
      expect(a.family.slice(0, 4)).toBe(b.family.slice(0, 4));
      expect(a.given).not.toBe(b.given);
    }
  });

  it('makes flatmates who share only the address', () => {
    for (const household of ofKind('flatmates')) {
      const [first, ...others] = household.members;
      expect(new Set(household.members.map((member) => member.family)).size).toBe(household.members.length);
      for (const other of others) expect(other.address).toBe(first.address);
      for (const member of household.members) expect([member.landline, member.ties.length]).toEqual([undefined, 0]);
    }
  });

  it('makes children younger than their parents, tied both ways', () => {
    for (const household of [...ofKind('family'), ...ofKind('single_parent')]) {
      for (const member of household.members) {
        for (const tie of member.ties.filter((t) => t.type === 'CHILD')) {
          expect(tie.other.birth.year).toBeGreaterThan(member.birth.year + 15);
          expect(tie.other.ties).toContainEqual({ type: 'PARENT', other: member });
        }
      }
    }
  });

  it('moves some households, keeping the previous address', () => {
    const movers = all.filter((household) => household.members[0].previousAddress);
    expect(movers.length / all.length).toBeGreaterThan(0.07);
    for (const household of movers) expect(household.members[0].previousAddress).not.toBe(household.members[0].address);
  });
});
