import { AddressBook } from './address-book';
import { formatAddress } from './address-format';
import { COUNTRIES } from './data/cultures';
import { EmailAddressBook } from './email-addresses';
import { SeededRandom } from './random';
import { SYSTEM_PROFILES } from './source-systems';

describe('AddressBook', () => {
  it('never gives one address twice, and writes postcodes in each country’s shape', () => {
    const book = new AddressBook(5);
    const random = new SeededRandom(5);
    const shapes = { GB: /^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/, US: /^\d{5}$/, DE: /^\d{5}$/, FR: /^\d{5}$/ };
    for (const country of COUNTRIES) {
      const seen = new Set<string>();
      for (let i = 0; i < 20_000; i++) {
        const address = book.newAddress(country, random);
        const written = formatAddress(address, { abbreviateStreet: false, compactPostcode: false }, SYSTEM_PROFILES.crm);
        expect(written.postcode).toMatch(shapes[country]);
        seen.add(`${written.line1}|${written.locality}`);
      }
      expect(seen.size).toBe(20_000);
    }
  });

  it('writes first lines by the country’s convention and the system’s habits', () => {
    const random = new SeededRandom(1);
    const book = new AddressBook(1);
    const de = book.newAddress('DE', random);
    expect(formatAddress(de, { abbreviateStreet: false, compactPostcode: false }, SYSTEM_PROFILES.crm).line1).toMatch(/^\S+ \d+$/);
    const fr = formatAddress(book.newAddress('FR', random), { abbreviateStreet: false, compactPostcode: false }, SYSTEM_PROFILES.core_banking);
    expect(fr.line1).toBe(fr.line1.toUpperCase());
    expect(fr.line1).toMatch(/^\d+ [A-Z]/);
  });
});

describe('EmailAddressBook', () => {
  it('gives two thousand John Smiths two thousand mailboxes built from their name', () => {
    const book = new EmailAddressBook(10_000);
    const random = new SeededRandom(2);
    const addresses = Array.from({ length: 2000 }, (_, serial) => book.personal('John', 'Smith', 1980, 'GB', serial, random));
    expect(new Set(addresses).size).toBe(2000);
    for (const address of addresses) expect(address).toMatch(/^[a-z0-9._]*(john|smith|j)[a-z0-9._]*@[a-z0-9.-]+$/);
    expect(book.personal('Łukasz', "Wójcik-O'Neil", 1990, 'DE', 1, random)).toMatch(/^[a-z0-9._]+@/);
  });
});
