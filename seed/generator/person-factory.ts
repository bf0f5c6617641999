import { ageOf } from './birth-dates';
import { Country, Culture } from './data/cultures';
import { EmailAddressBook } from './email-addresses';
import { IdentifierBook } from './official-identifiers';
import { familyNameFor, givenName, honorificFor, middleNameFor, secondFamilyNameFor } from './person-names';
import { PhoneBook } from './phone-numbers';
import { SeededRandom } from './random';
import { RecentItems } from './recent-items';
import { CalendarDate, Gender, PersonTruth, PhoneNumber, PostalAddress } from './truth-model';

/** Where a household lives: shared by its members, with the move that some households made. */
export interface Home {
  address: PostalAddress;
  previousAddress?: PostalAddress;
  movedAt?: number;
  landline?: PhoneNumber;
}

export interface PersonSpec {
  country: Country;
  culture: Culture;
  gender: Gender;
  /** The family name in its dictionary form; the person bears its gendered form. */
  familyStem: string;
  birth: CalendarDate;
  home: Home;
  married: boolean;
  /** Given names already taken in the household (parents do not give a child their own name here). */
  takenGivenNames: Set<string>;
}

export interface Employer {
  name: string;
  domain: string;
}

/** Turns a household's plan for one member into a person with contact details and identifiers. */
export class PersonFactory {
  private serial = 0;

  constructor(
    private readonly emails: EmailAddressBook,
    private readonly phones: PhoneBook,
    private readonly identifiers: IdentifierBook,
    private readonly employers: RecentItems<Employer>,
    private readonly nextEntityId: () => string,
  ) {}

  create(spec: PersonSpec, random: SeededRandom): PersonTruth {
    const serial = this.serial++;
    let given = givenName(spec.culture, spec.gender, random);
    for (let attempt = 0; attempt < 10 && spec.takenGivenNames.has(given); attempt++) given = givenName(spec.culture, spec.gender, random);
    spec.takenGivenNames.add(given);
    const family = familyNameFor(spec.familyStem, spec.culture, spec.gender);
    const age = ageOf(spec.birth);
    const employer = age >= 20 && age <= 66 && random.chance(0.2) ? this.employers.pick(random) : undefined;
    return {
      kind: 'person',
      entityId: this.nextEntityId(),
      country: spec.country,
      culture: spec.culture,
      gender: spec.gender,
      given,
      middle: middleNameFor(spec.culture, spec.gender, given, random),
      family,
      secondFamily: secondFamilyNameFor(spec.culture, random),
      honorific: honorificFor(spec.country, spec.gender, spec.married, random),
      birth: spec.birth,
      email: age >= 13 && random.chance(age < 18 ? 0.6 : 0.97) ? this.emails.personal(given, family, spec.birth.year, spec.country, serial, random) : undefined,
      workEmail: employer ? this.emails.work(given, family, employer.domain, serial) : undefined,
      employer: employer?.name,
      mobile: age >= 12 && random.chance(age < 18 ? 0.7 : 0.95) ? this.phones.mobile(spec.country) : undefined,
      landline: spec.home.landline,
      address: spec.home.address,
      previousAddress: spec.home.previousAddress,
      movedAt: spec.home.movedAt,
      nationalId: age >= 18 && random.chance(0.9) ? this.identifiers.personal(spec.country) : undefined,
      ties: [],
      slots: [],
    };
  }
}
