import { defaultMatchModel, normaliseRecord, SourceRecordInput } from '../index';
import { blockingKeysFor } from './blocking-keys';

const model = defaultMatchModel();
const keysOf = (input: SourceRecordInput) => blockingKeysFor(normaliseRecord(input, model.settings), model.settings);
const postcodeKeys = (input: SourceRecordInput) => keysOf(input).filter((key) => key.startsWith('pc:'));
const shared = (a: SourceRecordInput, b: SourceRecordInput) => postcodeKeys(a).filter((key) => postcodeKeys(b).includes(key));

// Records with a name and an address only, so the postcode keys are all that can bring them together.
const home = { line1: '4 Mill Lane', locality: 'Leeds', postcode: 'LS6 2AB', country: 'GB' };
const person = (sourceId: string, given: string, family: string): SourceRecordInput =>
  ({ system: 'crm', sourceId, name: { given, family }, addresses: [home] }) as SourceRecordInput;

describe('postcode blocking keys', () => {
  it('bring together a duplicate with a typo in either name part', () => {
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Margaret', 'Thorntn')).length).toBeGreaterThan(0);
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Margeret', 'Thornton')).length).toBeGreaterThan(0);
  });

  it('bring together swapped name parts and a nickname', () => {
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Thornton', 'Margaret')).length).toBeGreaterThan(0);
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Peggy', 'Thornton')).length).toBeGreaterThan(0);
  });

  it('bring together an initial and the name spelt out, also a nickname of another formal name (L. for Lisa, Lisa being Elizabeth)', () => {
    expect(shared(person('a', 'L.', 'Saltcott'), person('b', 'Lisa', 'Saltcott')).length).toBeGreaterThan(0);
    expect(shared(person('a', 'M', 'Thornton'), person('b', 'Margaret', 'Thornton')).length).toBeGreaterThan(0);
  });

  it('bring together a two-part family name and a full name that reads its first part as a middle name', () => {
    const fullName = { system: 'crm', sourceId: 'b', name: { full: 'Carlos Hernández López' }, addresses: [home] } as SourceRecordInput;
    expect(shared(person('a', 'Carlos', 'Hernandez Lopez'), fullName).length).toBeGreaterThan(0);
    expect(shared(person('a', 'Carlos', 'Hernandez Lopez'), person('b', 'Carlos', 'Hernandez')).length).toBeGreaterThan(0);
  });

  it('bring together a two-part family name with an initial and either part written alone with the given name spelt out', () => {
    expect(shared(person('a', 'D.', 'Alonso Gonzalez'), person('b', 'Dolores', 'Alonso')).length).toBeGreaterThan(0);
    expect(shared(person('a', 'D.', 'Alonso Gonzalez'), person('b', 'Dolores', 'González')).length).toBeGreaterThan(0);
    // Another given initial with one of the parts is another person: no key.
    expect(shared(person('a', 'D.', 'Alonso Gonzalez'), person('b', 'Maria', 'Alonso'))).toEqual([]);
  });

  it('bring together a given name and its initial', () => {
    expect(shared(person('a', 'Marcin', 'Kowalski'), person('b', 'M.', 'Kowalski')).length).toBeGreaterThan(0);
  });

  it('do not make candidates of relatives and neighbours who share only a surname or a given name and the postcode', () => {
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'David', 'Thornton'))).toEqual([]);
    expect(shared(person('a', 'Margaret', 'Thornton'), person('b', 'Margaret', 'Okafor'))).toEqual([]);
  });
});

describe('birth date blocking keys', () => {
  const born = (sourceId: string, given: string, family: string, birthDate: string, postcode = 'LS6 2AB'): SourceRecordInput =>
    ({ system: 'crm', sourceId, name: { given, family }, birthDate, addresses: [{ ...home, postcode }] }) as SourceRecordInput;
  const sharedKeys = (a: SourceRecordInput, b: SourceRecordInput) => keysOf(a).filter((key) => keysOf(b).includes(key));

  it('bring together a duplicate with typos in both name parts by birth date and postcode', () => {
    expect(sharedKeys(born('a', 'Georgia', 'Simmonds', '1923-04-13'), born('b', 'Geogia', 'Simmovnds', '1923-04-13'))).toEqual(['dp:1923-4-13|LS62AB']);
  });

  it('bring together a duplicate with a mistyped birth date that moved, by name sounds and birth year', () => {
    const moved = born('b', 'Peggy', 'Thornton', '1962-04-03', 'YO1 7HH');
    expect(sharedKeys(born('a', 'Margaret', 'Thornton', '1962-03-04'), moved).filter((key) => key.startsWith('nm:'))).toHaveLength(1);
  });

  it('bring together an initial spelt out by its mailbox and the name in full, by name sounds and the birth year the mailbox ends with', () => {
    const initial = { system: 'loyalty', sourceId: 'a', name: { given: 'D.', family: 'Cranwood' }, emails: ['Daniel.Cranwood66@Hotmail.co.uk'] } as SourceRecordInput;
    const full = { system: 'partner_feed', sourceId: 'b', name: { full: 'CRANWOOD, DANIEL' }, birthDate: '1966-02-24' } as SourceRecordInput;
    expect(sharedKeys(initial, full)).toEqual([expect.stringMatching(/^nm:.*\|1966$/)]);
  });

  it('bring together a record whose source swapped the name parts by name sounds and the birth year its mailbox ends with', () => {
    const swapped = { system: 'partner_feed', sourceId: 'a', name: { full: 'JIA, CAO', given: 'CAO', family: 'JIA' }, birthDate: '1967-10-26' } as SourceRecordInput;
    const mailbox = { system: 'loyalty', sourceId: 'b', name: { given: 'Jia', family: 'Cao' }, emails: ['jia.cao67@gmail.com'] } as SourceRecordInput;
    expect(sharedKeys(swapped, mailbox)).toEqual([expect.stringMatching(/^nm:.*\|1967$/)]);
  });

  it('key two digits a mailbox ends with as a past birth year, in one century (85 → 1985, 07 → 2007)', () => {
    const mailbox = (sourceId: string, email: string) => ({ system: 'loyalty', sourceId, name: { given: 'Ottoline', family: 'Featherstone' }, emails: [email] }) as SourceRecordInput;
    const years = (input: SourceRecordInput) => keysOf(input).filter((key) => key.startsWith('nm:')).map((key) => key.slice(-4));
    expect(years(mailbox('a', 'ottoline.featherstone85@example.com'))).toEqual(['1985']);
    expect(years(mailbox('b', 'ottoline.featherstone07@example.com'))).toEqual(['2007']);
    expect(years(mailbox('c', 'ottoline.featherstone1985@example.com'))).toEqual(['1985']);
  });

  it('do not make candidates of people born the same year who share a surname and an initial only', () => {
    expect(sharedKeys(born('a', 'Margaret', 'Thornton', '1962-03-04', 'YO1 7HH'), born('b', 'Mary', 'Thornton', '1962-08-21'))).toEqual([]);
  });
});

describe('identifier slip keys', () => {
  // Name and identifier only: no other key can bring these records together.
  const holder = (sourceId: string, given: string, family: string, value: string): SourceRecordInput =>
    ({ system: 'crm', sourceId, name: { given, family }, identifiers: [{ type: 'social_security', value, country: 'AU' }] }) as SourceRecordInput;
  const sharedKeys = (a: SourceRecordInput, b: SourceRecordInput) => keysOf(a).filter((key) => keysOf(b).includes(key));

  it('bring together an identifier and its copy with one wrong character or two neighbours swapped, anywhere in it', () => {
    const original = holder('a', 'Robin', 'Morrison', '8539119');
    for (const slipped of ['1539119', '8532119', '8539112', '8531919', '8539191', '5839119']) {
      expect({ slipped, shared: sharedKeys(original, holder('b', 'Robin', 'Morrison', slipped)).length > 0 }).toEqual({ slipped, shared: true });
    }
  });

  it('bring together swapped name parts and a nickname in place', () => {
    expect(sharedKeys(holder('a', 'Robert', 'Morrison', '8539119'), holder('b', 'Morrison', 'Robert', '8531919'))).toHaveLength(1);
    expect(sharedKeys(holder('a', 'Robert', 'Morrison', '8539119'), holder('b', 'Bob', 'Morrison', '8531919'))).toHaveLength(1);
  });

  it('do not make candidates of other people whose number starts or ends the same way', () => {
    expect(sharedKeys(holder('a', 'Robin', 'Morrison', '8539119'), holder('b', 'Alice', 'Tan', '8534567'))).toEqual([]);
    expect(sharedKeys(holder('a', 'Robin', 'Morrison', '8539119'), holder('b', 'Alice', 'Tan', '1234119'))).toEqual([]);
  });

  it('are not made of identifiers too short to split into parts that tell people apart', () => {
    expect(keysOf(holder('a', 'Robin', 'Morrison', '12345')).filter((key) => key.startsWith('idslip:'))).toEqual([]);
  });
});

describe('organisation blocking keys', () => {
  const company = (sourceId: string, name: string): SourceRecordInput =>
    ({ system: 'crm', sourceId, type: 'organization', organization: { name }, addresses: [{ line1: '75 Spring Lane', locality: 'Los Angeles', postcode: '90081', country: 'US' }] }) as SourceRecordInput;
  const sharedKeys = (a: SourceRecordInput, b: SourceRecordInput) => keysOf(a).filter((key) => keysOf(b).includes(key));

  it('bring together a company name with a slip in its first word and the name spelt right, by another word and the postcode', () => {
    expect(sharedKeys(company('a', 'Heritage Solutions Corp.'), company('b', 'Heritae Solutions Corp.')).length).toBeGreaterThan(0);
    expect(sharedKeys(company('a', 'Heritage Solutions Corp.'), company('b', 'Harbour Foods Ltd'))).toEqual([]);
  });

  it('key a name of short words only by its first word and the postcode', () => {
    expect(keysOf(company('a', '3M')).filter((key) => key.startsWith('orgpc:'))).toHaveLength(1);
  });
});
