import { AddressBook } from './address-book';
import { Country, COUNTRY_WEIGHTS } from './data/cultures';
import { ORGANISATION_WORDS } from './data/organisation-words';
import { EmailAddressBook } from './email-addresses';
import { IdentifierBook } from './official-identifiers';
import { PhoneBook } from './phone-numbers';
import { deriveSeed, SeededRandom } from './random';
import { emailSafe } from './text-folding';
import { OrganisationTruth } from './truth-model';
import { UniqueScatter } from './unique-scatter';
import { WeightedTable } from './weighted-table';

const COUNTRY_TABLE = new WeightedTable(COUNTRY_WEIGHTS);
const WORDS = new Map(
  (Object.keys(ORGANISATION_WORDS) as Country[]).map((country) => {
    const words = ORGANISATION_WORDS[country];
    return [country, { brands: words.brands.split(' ').map((brand) => brand.replace(/-/g, ' ')), trades: words.trades.split(' '), forms: new WeightedTable(words.forms.map(([short, weight, long]) => [{ short, long }, weight] as const)), tld: words.tld }];
  }),
);

/**
 * Companies with unique names within their country ("Northgate Logistics Ltd"): a scatter
 * walks every brand × trade pair once, and later laps add a number ("Northgate Logistics 2").
 */
export class OrganisationFactory {
  private readonly names = new Map<Country, UniqueScatter>();

  constructor(
    private readonly seed: number,
    private readonly addresses: AddressBook,
    private readonly phones: PhoneBook,
    private readonly emails: EmailAddressBook,
    private readonly identifiers: IdentifierBook,
  ) {}

  create(entityId: string, random: SeededRandom): OrganisationTruth {
    const country = COUNTRY_TABLE.pick(random);
    const words = WORDS.get(country)!;
    const { value, lap } = this.nameScatter(country, words.brands.length * words.trades.length).take();
    const brand = words.brands[value % words.brands.length];
    const trade = words.trades[Math.floor(value / words.brands.length)];
    const name = lap > 0 ? `${brand} ${trade} ${lap + 1}` : `${brand} ${trade}`;
    const domain = `${emailSafe(brand)}-${emailSafe(trade)}${lap > 0 ? lap + 1 : ''}.${words.tld}`;
    const form = words.forms.pick(random);
    const address = this.addresses.newAddress(country, random);
    return {
      kind: 'organization',
      entityId,
      country,
      name,
      legalForm: form.short,
      legalFormLong: form.long,
      domain,
      registration: this.identifiers.company(country),
      email: this.emails.organisation(domain),
      phone: this.phones.landline(address.town),
      address,
      slots: [],
    };
  }

  private nameScatter(country: Country, space: number): UniqueScatter {
    let scatter = this.names.get(country);
    if (!scatter) {
      scatter = new UniqueScatter(space, deriveSeed(this.seed, 13, country.charCodeAt(0), country.charCodeAt(1)));
      this.names.set(country, scatter);
    }
    return scatter;
  }
}
