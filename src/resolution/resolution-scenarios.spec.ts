import { blockingKeysFor, decide, defaultMatchModel, normaliseRecord, resolveBatch, scorePair, SourceRecordInput, termFrequenciesOf } from './index';

const model = defaultMatchModel();
const normalise = (input: SourceRecordInput) => normaliseRecord(input, model.settings);
const band = (a: SourceRecordInput, b: SourceRecordInput) => decide(scorePair(normalise(a), normalise(b), model).probability, model);
/** The given-name level of two people who differ in nothing else. */
const givenNameLevel = (a: string, b: string) =>
  scorePair(normalise({ system: 'crm', sourceId: '1', name: { given: a, family: 'Garcia' } }), normalise({ system: 'crm', sourceId: '2', name: { given: b, family: 'Garcia' } }), model).comparisons.find((c) => c.name === 'given_name')?.level;

const home = { line1: '12 Baker Street', locality: 'London', postcode: 'NW1 6XE', country: 'GB' };
const anna = {
  system: 'crm', sourceId: 'A1', name: { given: 'Anna-Maria', family: "O'Neil" }, birthDate: '1980-04-12', gender: 'F',
  emails: ['Anna.ONeil@Example.com'], phones: ['+44 20 7946 0958'], addresses: [home],
};
const robert = {
  system: 'crm', sourceId: 'R1', name: { given: 'Robert', family: 'Whitfield' }, birthDate: '1975-09-03', gender: 'M',
  emails: ['rob.whitfield@example.org'], phones: ['+44 20 7946 0000'], addresses: [home],
};

describe('resolution scenarios with the default model', () => {
  it('links the same person across systems despite a surname typo, case and phone format', () => {
    const banking = { ...anna, system: 'core_banking', sourceId: 'B7', name: { full: 'ANNA-MARIA ONEILL' }, emails: ['anna.oneil@example.com'], phones: ['020 7946 0958'] };
    expect(band(anna, banking)).toBe('link');
  });

  it('links a nickname (Bob ~ Robert) with the same birth date and email', () => {
    const bob = { ...robert, system: 'ecommerce', sourceId: 'E1', name: { given: 'Bob', family: 'Whitfield' }, phones: [], addresses: [] };
    expect(band(robert, bob)).toBe('link');
  });

  it('compares swapped given and family names in place, also names of several tokens and a swap with a nickname', () => {
    const levels = (a: SourceRecordInput, b: SourceRecordInput) => Object.fromEntries(scorePair(normalise(a), normalise(b), model).comparisons.map((c) => [c.name, c.level]));
    const person = (given: string, family: string) => ({ system: 'crm', sourceId: `${given}-${family}`, name: { given, family } });
    expect(levels(person('Jean Claude', 'Hautville'), person('Hautville', 'Jean Claude'))).toMatchObject({ given_name: 'exact', family_name: 'exact' });
    expect(levels(person('James', 'Jones'), person('Jones', 'James'))).toMatchObject({ given_name: 'exact', family_name: 'exact' });
    expect(levels(person('Susan', 'Allen'), person('Allen', 'Sue'))).toMatchObject({ given_name: 'nickname', family_name: 'exact' });
    // not a swap: a family name in place
    expect(levels(person('James', 'Jones'), person('Jones', 'Jones'))).toMatchObject({ family_name: 'exact' });
  });

  it('scores a pair the same whichever record comes first, swapped names included', () => {
    const person = (given: string, family: string) => normalise({ system: 'crm', sourceId: `${given}-${family}`, name: { given, family } });
    const levels = (a: ReturnType<typeof person>, b: ReturnType<typeof person>) => Object.fromEntries(scorePair(a, b, model).comparisons.map((c) => [c.name, c.level]));
    const pairs: Array<[string, string, string, string]> = [
      ['Susan', 'Allen', 'Allen', 'Sue'], // turned, one side meets a nickname (Sue for Susan)
      ['Jon', 'Smith', 'Smith', 'J'], // neither does: the reading where the names agree best
      ['Jon', 'Smith', 'Smiht', 'Jon'],
      ['Jean Claude', 'Hautville', 'Hautville', 'Jean'],
    ];
    for (const [givenA, familyA, givenB, familyB] of pairs) {
      const [a, b] = [person(givenA, familyA), person(givenB, familyB)];
      expect(scorePair(b, a, model).comparisons).toEqual(scorePair(a, b, model).comparisons);
    }
    expect(levels(person('Jon', 'Smith'), person('Smith', 'J'))).toMatchObject({ given_name: 'initial', family_name: 'exact' });
  });

  it('weighs an exact name by the commoner of the two names it could be, whichever record comes first', () => {
    const person = (given: string) => normalise({ system: 'crm', sourceId: given, name: { given, family: 'Whitfield' } });
    const [johnPaul, paul] = [person('John Paul'), person('Paul')];
    // JOHN is common, PAUL rare: the match on PAUL (a middle name on one side) must not weigh as the rare name would.
    const population = [...Array.from({ length: 50 }, (_, i) => person(i % 2 ? 'John' : 'John Peter')), paul];
    const withFrequencies = { ...model, termFrequencies: termFrequenciesOf(population, model.settings) };
    const given = (a: typeof paul, b: typeof paul) => scorePair(a, b, withFrequencies).comparisons.find((c) => c.name === 'given_name')!;
    expect(given(johnPaul, paul)).toEqual(given(paul, johnPaul));
    expect(given(johnPaul, paul).level).toBe('exact');
    expect(given(johnPaul, paul).weight).toBeLessThan(given(paul, person('Paul')).weight);
  });

  it('tells a diminutive (Becca for Rebecca) from a translation or spelling of a name (Maria for Mary)', () => {
    const levels = (a: SourceRecordInput, b: SourceRecordInput) => Object.fromEntries(scorePair(normalise(a), normalise(b), model).comparisons.map((c) => [c.name, c.level]));
    const person = (given: string) => ({ system: 'crm', sourceId: given, name: { given, family: 'Martin' } });
    expect(levels(person('Rebecca'), person('Becca'))).toMatchObject({ given_name: 'nickname' });
    expect(levels(person('Margaret'), person('Peggy'))).toMatchObject({ given_name: 'nickname' });
    expect(levels(person('Mary'), person('Maria'))).toMatchObject({ given_name: 'equivalent' });
    expect(levels(person('Catherine'), person('Katharina'))).toMatchObject({ given_name: 'equivalent' });
  });

  it('scores a name part of silent letters only (an OCR remnant, Gh) like any other misspelling', () => {
    const remnant = normalise({ system: 'partner_feed', sourceId: 'G1', name: { given: 'Gh', family: 'Whitfield' }, birthDate: robert.birthDate });
    const score = scorePair(remnant, normalise(robert), model);
    expect(score.comparisons.find((c) => c.name === 'family_name')?.level).toBe('exact');
    expect(Number.isFinite(score.matchWeight)).toBe(true);
  });

  it('keeps a spouse at the same address apart', () => {
    const spouse = { ...anna, sourceId: 'A2', name: { given: 'Robert', family: "O'Neil" }, birthDate: '1978-01-30', gender: 'M', emails: [] };
    expect(band(anna, spouse)).toBe('new');
  });

  it("counts a household's dwelling, phone and family name together at most 20 bits: Daniel and Danielle at one address with one phone go to an analyst", () => {
    const member = (sourceId: string, given: string, gender: string) => ({ system: 'crm', sourceId, name: { given, family: 'Featherstonehaugh' }, gender, phones: ['+44 20 7946 0958'], addresses: [home] });
    const score = scorePair(normalise(member('D1', 'Daniel', 'M')), normalise(member('D2', 'Danielle', 'F')), model);
    const household = score.comparisons.filter((c) => ['address', 'phone', 'family_name'].includes(c.name)).reduce((sum, c) => sum + c.weight, 0);
    expect(household).toBeCloseTo(20, 5);
    expect(decide(score.probability, model)).toBe('review');
  });

  it('links at the trained threshold once the model is trained, at the settings threshold before', () => {
    const { linkThreshold, trainedLinkThreshold } = model.settings;
    expect(trainedLinkThreshold).toBeLessThan(linkThreshold);
    const between = (trainedLinkThreshold! + linkThreshold) / 2;
    expect(decide(between, model)).toBe('review');
    expect(decide(between, { ...model, trainedAt: '2026-11-26T00:00:00Z' })).toBe('link');
    expect(decide(trainedLinkThreshold! - 0.01, { ...model, trainedAt: '2026-11-26T00:00:00Z' })).toBe('review');
  });

  it('keeps twins apart: same surname, birth date, address and phone, different given names', () => {
    const twin = { ...anna, sourceId: 'A3', name: { given: 'Beatrice', family: "O'Neil" }, emails: ['bea@example.com'] };
    expect(band(anna, twin)).toBe('new');
  });

  it('links records sharing a national id and birth date although a source replaced the given name', () => {
    const passport = [{ type: 'passport', value: 'GB5123 4567', country: 'GB' }];
    const replaced = { ...anna, sourceId: 'A4', name: { given: 'Beatrice', family: "O'Neil" }, emails: [], phones: [], addresses: [], identifiers: passport };
    // Twins never share a national id, so the twins rule stands aside.
    expect(band({ ...anna, identifiers: passport }, replaced)).toBe('link');
    // With different ids the twins stay apart.
    expect(band({ ...anna, identifiers: passport }, { ...replaced, identifiers: [{ type: 'passport', value: 'GB9988 7766', country: 'GB' }] })).toBe('new');
  });

  it('keeps twins with consecutive national ids apart, at home together', () => {
    const first = { ...anna, identifiers: [{ type: 'ssn', value: '123-45-6788', country: 'US' }] };
    const second = { ...anna, sourceId: 'A5', name: { given: 'Beatrice', family: "O'Neil" }, emails: [], identifiers: [{ type: 'ssn', value: '123-45-6789', country: 'US' }] };
    expect(band(first, second)).not.toBe('link');
  });

  it('sends the same name and birth date with a conflicting national id, and nothing else, to review', () => {
    const a = { system: 'crm', sourceId: 'N1', name: { given: 'Ottoline', family: 'Featherstone' }, birthDate: '1962-03-04', identifiers: [{ type: 'ssn', value: '123-45-6789', country: 'US' }] };
    const b = { ...a, system: 'loyalty', identifiers: [{ type: 'ssn', value: '987-65-4321', country: 'US' }] };
    expect(band(a, b)).toBe('review');
  });

  it('counts two swapped neighbouring digits as one slip in a birth date and a national id', () => {
    const a = normalise({ system: 'crm', sourceId: 'T1', name: { given: 'Ottoline', family: 'Featherstone' }, birthDate: '1962-03-04', identifiers: [{ type: 'ssn', value: '123-45-6789', country: 'US' }] });
    const b = normalise({ system: 'loyalty', sourceId: 'T2', name: { given: 'Ottoline', family: 'Featherstone' }, birthDate: '1926-03-04', identifiers: [{ type: 'ssn', value: '123-54-6789', country: 'US' }] });
    const levels = Object.fromEntries(scorePair(a, b, model).comparisons.map((c) => [c.name, c.level]));
    expect(levels).toMatchObject({ birth_date: 'one_digit_or_3_days', identifier: 'one_character' });
  });

  it('tells the next number (as twins are given) from another slip in a national id: only the next number keeps the twins rule', () => {
    const twin = (sourceId: string, given: string, ssn: string) => ({ ...anna, sourceId, name: { given, family: "O'Neil" }, emails: [], identifiers: [{ type: 'ssn', value: ssn, country: 'US' }] });
    const levels = (a: SourceRecordInput, b: SourceRecordInput) => Object.fromEntries(scorePair(normalise(a), normalise(b), model).comparisons.map((c) => [c.name, c.level]));
    expect(levels(twin('A6', 'Anna', '123-45-6788'), twin('A7', 'Beatrice', '123-45-6789'))).toMatchObject({ identifier: 'consecutive', twins: 'conflict' });
    // One digit mistyped in the middle: the same id with a slip, which twins never share.
    const slip = levels(twin('A6', 'Anna', '123-45-6788'), twin('A7', 'Beatrice', '123-48-6788'));
    expect(slip).toMatchObject({ identifier: 'one_character' });
    expect(slip.twins).toBeUndefined();
    expect(band(twin('A6', 'Anna', '123-45-6788'), twin('A7', 'Beatrice', '123-48-6788'))).toBe('link');
  });

  it('reads one slip in a postcode or a locality, and a stray space, as the same dwelling or locality', () => {
    const levels = (a: SourceRecordInput, b: SourceRecordInput) => Object.fromEntries(scorePair(normalise(a), normalise(b), model).comparisons.map((c) => [c.name, c.level]));
    const at = (sourceId: string, address: Record<string, string>) => ({ system: 'crm', sourceId, name: { given: 'Willow', family: 'Ryan' }, addresses: [{ country: 'AU', ...address }] });
    const street = { line1: '764 Bradfield Street', locality: 'Mount Colah', postcode: '4035' };
    expect(levels(at('1', street), at('2', { ...street, postcode: '4053' }))).toMatchObject({ address: 'same_dwelling' });
    expect(levels(at('1', street), at('2', { ...street, postcode: '2999', locality: 'Mount C olah' }))).toMatchObject({ address: 'same_dwelling' });
    // Another street in a town spelt with one slip, its postcode unrelated.
    expect(levels(at('1', street), at('2', { line1: '4 Marawa Place', locality: 'Mount Colan', postcode: '2999' }))).toMatchObject({ address: 'same_locality' });
    expect(levels(at('1', street), at('2', { line1: '4 Marawa Place', locality: 'Mount Druitt', postcode: '2999' }))).toMatchObject({ address: 'else' });
  });

  it('compares a given name split by a stray space whole (Br Inlry ~ Brinley)', () => {
    const person = (sourceId: string, given: string) => ({ system: 'crm', sourceId, name: { given, family: 'Ho' } });
    const level = (a: string, b: string) => scorePair(normalise(person('1', a)), normalise(person('2', b)), model).comparisons.find((c) => c.name === 'given_name')?.level;
    expect(level('Brinley', 'Br Inlry')).toBe('jaro_winkler_0.92');
    expect(level('Brinley', 'Br Otto')).toBe('else');
  });

  it('reads the diminutives of Spanish, German and French names as nicknames (Manolo ~ Manuel, Uli ~ Ulrich, Liv ~ Olivia)', () => {
    const level = givenNameLevel;
    expect(level('Manolo', 'Manuel')).toBe('nickname');
    expect(level('Pancho', 'Francisco')).toBe('nickname');
    expect(level('Uli', 'Ulrich')).toBe('nickname');
    expect(level('Liv', 'Olivia')).toBe('nickname');
    expect(level('Charlie', 'Charlotte')).toBe('nickname');
    // Two diminutives of different names, and two names each with diminutives of their own, stay apart.
    expect(level('Lola', 'Manolo')).toBe('else');
    expect(level('Charlotte', 'Charles')).not.toMatch(/nickname|equivalent/);
  });

  it('reads two neighbouring letters swapped in a short given name or nickname as one slip (Padyd ~ Paddy ~ Patrick)', () => {
    const level = givenNameLevel;
    expect(level('Padyd', 'Patrick')).toBe('jaro_winkler_0.92');
    expect(level('Aemlia', 'Amelia')).toBe('jaro_winkler_0.92');
    // Two letters swapped apart are two slips, as before.
    expect(level('Yadpd', 'Patrick')).toBe('else');
  });

  it('reads two neighbouring letters swapped in a three-letter name as one slip, but no other slip there (Aho ~ Hao; Jin is not Jun)', () => {
    expect(givenNameLevel('Aho', 'Hao')).toBe('jaro_winkler_0.92');
    expect(givenNameLevel('Jin', 'Jun')).not.toBe('jaro_winkler_0.92');
    expect(givenNameLevel('Hao', 'Oha')).toBe('else');
    const family = (a: string, b: string) =>
      scorePair(normalise({ system: 'crm', sourceId: '1', name: { given: 'Margaret', family: a } }), normalise({ system: 'crm', sourceId: '2', name: { given: 'Margaret', family: b } }), model).comparisons.find((c) => c.name === 'family_name')?.level;
    expect(family('Wood', 'Wodo')).toBe('levenshtein_2');
    expect(family('Wood', 'Odwo')).toBe('else');
  });

  it('reads a family name written among the middle names (Carmen González Cano as one string) as the same family name', () => {
    const level = (a: SourceRecordInput, b: SourceRecordInput) => scorePair(normalise(a), normalise(b), model).comparisons.find((c) => c.name === 'family_name')?.level;
    const full = { system: 'crm', sourceId: 'C1', name: { full: 'Carmen González Cano' } };
    expect(level(full, { system: 'support', sourceId: 'C2', name: { given: 'Carmen', family: 'González' } })).toBe('exact');
    expect(level(full, { system: 'support', sourceId: 'C3', name: { given: 'Carmen', family: 'Moreno' } })).toBe('else');
    // The first given name is not a family name: Gonzalez Moreno is not the Carmen Gonzalez family.
    expect(level({ system: 'crm', sourceId: 'C4', name: { full: 'Gonzalez Moreno' } }, { system: 'crm', sourceId: 'C5', name: { given: 'Ana', family: 'Gonzalez' } })).not.toBe('exact');
    // One slip in the family name written alone: a typo of the middle name, not another family.
    expect(level({ system: 'crm', sourceId: 'P1', name: { full: 'Pablo Ramírez Cano' } }, { system: 'support', sourceId: 'P2', name: { full: 'Mr. Pablo Ramíerz' } })).toBe('jaro_winkler_0.94');
    expect(level({ system: 'crm', sourceId: 'P1', name: { full: 'Pablo Ramírez Cano' } }, { system: 'support', sourceId: 'P3', name: { full: 'Pablo Ramos' } })).toBe('else');
  });

  it('weighs organisations against their own prior: the same phone and dwelling and a name one word longer link a company, not a person', () => {
    const office = { line1: '63 North Road', locality: 'Manchester', postcode: 'M9 6YW', country: 'GB' };
    const company = (sourceId: string, name: string) => ({ system: 'crm', sourceId, type: 'organization' as const, organization: { name }, phones: ['+44 161 448 7148'], addresses: [office] });
    expect(band(company('O1', 'Trinity Holdings Group Ltd'), company('O2', 'Trinity Holdings Ltd'))).toBe('link');
    // Two companies behind one switchboard in one office are never linked; an analyst may look.
    expect(band(company('O1', 'Trinity Holdings Ltd'), company('O3', 'Harbour Foods Ltd'))).toBe('review');
    const organisationPrior = scorePair(normalise(company('O1', 'Trinity Holdings Ltd')), normalise(company('O2', 'Trinity Holdings Ltd')), model);
    const asPeople = scorePair(normalise(company('O1', 'Trinity Holdings Ltd')), normalise(company('O2', 'Trinity Holdings Ltd')), { ...model, settings: { ...model.settings, priorByType: {} } });
    expect(organisationPrior.matchWeight - asPeople.matchWeight).toBeCloseTo(Math.log2(model.settings.priorByType!.organization! / model.settings.prior), 1);
  });

  it('reads one slip in a short family name as a typo, and a compound given name run together as its initials', () => {
    const levels = (a: SourceRecordInput, b: SourceRecordInput) => Object.fromEntries(scorePair(normalise(a), normalise(b), model).comparisons.map((c) => [c.name, c.level]));
    const person = (sourceId: string, given: string, family: string) => ({ system: 'crm', sourceId, name: { given, family } });
    expect(levels(person('1', 'Min', 'Zeng'), person('2', 'Min', 'Zcng'))).toMatchObject({ family_name: 'levenshtein_2' });
    expect(levels(person('1', 'Chen', 'Sun'), person('2', 'Chen', 'Sudn'))).toMatchObject({ family_name: 'levenshtein_2' });
    // two slips in a short name make another name
    expect(levels(person('1', 'Chen', 'Sun'), person('2', 'Chen', 'Song'))).toMatchObject({ family_name: 'else' });
    expect(levels(person('1', 'Chen', 'Sun'), person('2', 'Chen', 'Xu'))).toMatchObject({ family_name: 'else' });
    expect(levels(person('1', 'Jean Pierre', 'Fleurchamp'), person('2', 'JP', 'Fleurchamp'))).toMatchObject({ given_name: 'initial' });
    expect(levels(person('1', 'Jean Pierre', 'Fleurchamp'), person('2', 'JM', 'Fleurchamp'))).toMatchObject({ given_name: 'else' });
  });

  it('sends a borderline pair (same name and birth year, nothing else) to review', () => {
    const a = { system: 'crm', sourceId: 'X1', name: { given: 'Ottoline', family: 'Featherstone' }, birthDate: '1962-03-04' };
    const b = { system: 'loyalty', sourceId: 'X2', name: { given: 'Ottoline', family: 'Featherstone' }, birthDate: '1962' };
    expect(band(a, b)).toBe('review');
  });

  it('reads a mailbox ending with the birth year the other record gives as the birth date level email_year, keyed with it', () => {
    const banking = { system: 'core_banking', sourceId: 'B1', name: { given: 'Ottoline', family: 'Featherstone' }, birthDate: '1962-03-04', phones: ['+44 20 7946 0111'] };
    const shop = { system: 'ecommerce', sourceId: 'E1', name: { given: 'Ottoline', family: 'Featherstone' }, emails: ['ottoline.featherstone62@example.com'] };
    const levelOf = (a: SourceRecordInput, b: SourceRecordInput) => scorePair(normalise(a), normalise(b), model).comparisons.find((c) => c.name === 'birth_date')?.level;
    expect(levelOf(banking, shop)).toBe('email_year');
    expect(levelOf(shop, banking)).toBe('email_year');
    const shared = blockingKeysFor(normalise(banking)).filter((key) => blockingKeysFor(normalise(shop)).includes(key));
    expect(shared.length).toBeGreaterThan(0);
    // Other digits, or a birth date on both sides, are not this level.
    expect(levelOf(banking, { ...shop, emails: ['ottoline.featherstone63@example.com'] })).toBeUndefined();
    expect(levelOf(banking, { ...shop, birthDate: '1962-03-05' })).not.toBe('email_year');
    expect(scorePair(normalise(banking), normalise(shop), model).probability).toBeGreaterThan(scorePair(normalise(banking), normalise({ ...shop, emails: ['ottoline.f@example.com'] }), model).probability);
  });

  it('gives a twin pair of records at least one shared blocking key', () => {
    const typo = { ...anna, system: 'support', sourceId: 'S1', name: { given: 'Anna', family: 'ONeill' }, emails: [], phones: [] };
    const shared = blockingKeysFor(normalise(anna)).filter((key) => blockingKeysFor(normalise(typo)).includes(key));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('explains a score as a waterfall that adds up', () => {
    const score = scorePair(normalise(anna), normalise({ ...anna, sourceId: 'A9' }), model);
    const prior = Math.log2(model.settings.prior / (1 - model.settings.prior));
    const sum = score.comparisons.reduce((total, c) => total + c.weight, prior);
    expect(sum).toBeCloseTo(score.matchWeight, 1);
    expect(score.comparisons.map((c) => c.name)).toEqual(expect.arrayContaining(['given_name', 'family_name', 'birth_date', 'email']));
  });
});

describe('resolveBatch', () => {
  const records = [
    anna,
    { ...anna, system: 'core_banking', sourceId: 'B7', name: { full: 'ANNA-MARIA ONEILL' }, phones: ['020 7946 0958'] },
    { ...anna, system: 'support', sourceId: 'S1', emails: [], phones: ['07946 111222'] },
    { ...anna, sourceId: 'A3', name: { given: 'Beatrice', family: "O'Neil" }, emails: ['bea@example.com'] },
    robert,
    { ...robert, system: 'ecommerce', sourceId: 'E1', name: { given: 'Bob', family: 'Whitfield' } },
  ].map(normalise);

  const partition = (order: typeof records) =>
    resolveBatch({ incoming: order, entities: [], model })
      .newCustomers.map((customer) => customer.recordKeys.join(','))
      .sort();

  it('groups the records of one person and keeps the others apart', () => {
    expect(partition(records)).toEqual(['core_banking:B7,crm:A1,support:S1', 'crm:A3', 'crm:R1,ecommerce:E1']);
  });

  it('reaches the same partition whatever the order', () => {
    const expected = partition(records);
    for (let seed = 1; seed <= 5; seed++) {
      const shuffled = [...records].sort((a, b) => ((a.key.charCodeAt(seed % a.key.length) * seed) % 7) - ((b.key.charCodeAt(seed % b.key.length) * seed) % 7));
      expect(partition(shuffled)).toEqual(expected);
    }
  });

  it('merges two existing customers bridged by a record, the older surviving', () => {
    const [a1, b7] = records;
    const bridge = normalise({ ...anna, system: 'partner_feed', sourceId: 'P1' });
    const result = resolveBatch({
      incoming: [bridge],
      entities: [
        { customerId: 'cus-new', createdAt: '2026-02-01T00:00:00Z', records: [b7] },
        { customerId: 'cus-old', createdAt: '2026-01-01T00:00:00Z', records: [a1] },
      ],
      model,
    });
    expect(result.merges).toEqual([{ survivor: 'cus-old', absorbed: 'cus-new' }]);
    expect(result.decisions[0]).toMatchObject({ outcome: 'merged', customerId: 'cus-old', customerIds: ['cus-old', 'cus-new'] });
  });

  it('joins equal candidates by their records, not by their random customer ids', () => {
    const [a1] = records;
    const twin = normalise({ ...anna, system: 'loyalty', sourceId: 'L1' });
    const incoming = normalise({ ...anna, system: 'partner_feed', sourceId: 'P1' });
    // The two candidates hold the same data and may not merge: the tie goes to the smaller record key (crm:A1).
    for (const [idOfA1, idOfTwin] of [['cus-b', 'cus-a'], ['cus-a', 'cus-b']]) {
      const entities = [
        { customerId: idOfA1, createdAt: '2026-01-01T00:00:00Z', records: [a1] },
        { customerId: idOfTwin, createdAt: '2026-01-01T00:00:00Z', records: [twin] },
      ];
      const cannotLink: Array<[string, string]> = [[a1.key, twin.key]];
      expect(resolveBatch({ incoming: [incoming], entities, cannotLink, model }).decisions[0].customerId).toBe(idOfA1);
      // With room for one candidate only, the one kept is chosen the same way.
      const oneCandidate = { ...model, settings: { ...model.settings, maxCandidates: 1 } };
      expect(resolveBatch({ incoming: [incoming], entities, cannotLink, model: oneCandidate }).decisions[0].customerId).toBe(idOfA1);
    }
  });

  it('scores a cluster that grew again before applying its other links: J is John (email and address), not James (a phone)', () => {
    const j = { system: 'crm', sourceId: 'J', name: { given: 'J', family: 'Quenneville' }, birthDate: '1980-05-01', emails: ['jq@example.com'], phones: ['+44 20 7123 4567'], addresses: [home] };
    const james = { system: 'core_banking', sourceId: 'JAMES', name: { given: 'James', family: 'Quenneville' }, birthDate: '1980-05-01', phones: ['+44 20 7123 4567'] };
    const john = { system: 'ecommerce', sourceId: 'JOHN', name: { given: 'John', family: 'Quenneville' }, birthDate: '1980-05-01', emails: ['jq@example.com'], addresses: [home] };
    // Each pair with J links; the J–James link, scored before J took John, must not join James to John.
    expect(band(j, james)).toBe('link');
    expect(band(j, john)).toBe('link');
    const clusters = resolveBatch({ incoming: [j, james, john].map(normalise), entities: [], model }).newCustomers.map((customer) => customer.recordKeys);
    expect(clusters).toEqual(expect.arrayContaining([['core_banking:JAMES'], ['crm:J', 'ecommerce:JOHN']]));
    expect(clusters).toHaveLength(2);
  });

  it('respects a cannot-link decision', () => {
    const [a1, b7] = records;
    const result = resolveBatch({ incoming: [b7], entities: [{ customerId: 'c1', createdAt: '2026-01-01T00:00:00Z', records: [a1] }], cannotLink: [[a1.key, b7.key]], model });
    expect(result.decisions[0].outcome).not.toBe('linked');
    expect(result.newCustomers).toHaveLength(1);
  });
});

describe('nicknames shared by two formal names', () => {
  it('treats Jon as Jonathan and as John', () => {
    const base = { system: 'crm', birthDate: '1970-05-06', emails: ['j.q@example.com'] };
    expect(band({ ...base, sourceId: '1', name: { given: 'Jonathan', family: 'Quarrington' } }, { ...base, sourceId: '2', name: { full: 'Jon QUARRINGTON' } })).toBe('link');
    expect(band({ ...base, sourceId: '1', name: { given: 'John', family: 'Quarrington' } }, { ...base, sourceId: '2', name: { full: 'Jon QUARRINGTON' } })).toBe('link');
  });
});
