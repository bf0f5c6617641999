import { admitStandingEntities, blockingKeysFor, defaultMatchModel, normaliseRecord, resolveBatch, SourceRecordInput } from '../index';

const model = defaultMatchModel();
const normalise = (input: SourceRecordInput) => normaliseRecord(input, model.settings);
const phone = '+44 20 7946 0958';
const email = 'm.whitcombe@example.com';
// The bank's customer shares only the phone with the support record: a neighbour through a key the shop record does not hold.
const bank = normalise({ system: 'core_banking', sourceId: 'B1', name: { given: 'Mary', family: 'Whitcombe' }, birthDate: '1977-06-09', phones: [phone] });
const support = normalise({ system: 'support', sourceId: 'S1', name: { given: 'M', family: 'Whitcombe' }, phones: [phone], emails: [email] });
const shop = normalise({ system: 'ecommerce', sourceId: 'E1', name: { given: 'Mary', family: 'Whitcombe' }, emails: [email] });
const spouse = normalise({ system: 'core_banking', sourceId: 'B2', name: { given: 'Robert', family: 'Whitcombe' }, birthDate: '1975-02-11', phones: [phone] });
// Another person of the batch, sharing no key with the others.
const other = normalise({ system: 'crm', sourceId: 'C1', name: { given: 'Ian', family: 'Prothero' }, birthDate: '1990-01-05', emails: ['ian.p@example.net'] });
const otherCopy = normalise({ system: 'support', sourceId: 'S2', name: { given: 'Ian', family: 'Prothero' }, birthDate: '1990-01-05', emails: ['ian.p@example.net'] });
const standing = (customerId: string, records = [bank]) => ({ customerId, createdAt: '2026-01-01T00:00:00Z', records });

// Record keys grouped by customer, whatever the ids: what a resolution decides.
const partitionOf = (decisions: Array<{ recordKey: string; customerId: string }>) => {
  const groups = new Map<string, string[]>();
  for (const decision of decisions) groups.set(decision.customerId, [...(groups.get(decision.customerId) ?? []), decision.recordKey]);
  return [...groups.values()].map((keys) => keys.sort().join(' ')).sort();
};

describe('admitStandingEntities: customers as they stand join a resolution made without them, from their records, only where they change it', () => {
  const input = { incoming: [support, shop, other, otherCopy], entities: [], model };
  const first = resolveBatch(input);
  const customerOf = (resolution: typeof first) => Object.fromEntries(resolution.decisions.map((decision) => [decision.recordKey, decision.customerId]));

  it('admits a customer that links with what the batch resolved to through a key only an older record holds, and resolves the part connected to it again with its records', () => {
    expect(customerOf(first)[support.key]).toBe(customerOf(first)[shop.key]);
    const { resolution, admitted } = admitStandingEntities(first, input, [standing('cus_bank')]);
    expect(admitted.map((entity) => entity.customerId)).toEqual(['cus_bank']);
    const after = customerOf(resolution);
    // The bank's record has a decision of its own, on the customer the batch's two records joined.
    expect([after[support.key], after[shop.key]]).toEqual([after[bank.key], after[bank.key]]);
    expect(resolution.merges).toEqual([]);
    // The part not connected to the bank's customer keeps its first answer and a temporary id no other customer has.
    expect([after[other.key], after[otherCopy.key]]).toEqual([customerOf(first)[other.key], customerOf(first)[other.key]]);
    expect(new Set(resolution.newCustomers.map((customer) => customer.tempId)).size).toBe(resolution.newCustomers.length);
    expect(resolution.newCustomers.map((customer) => customer.recordKeys.join(' ')).sort()).toEqual(partitionOf(resolution.decisions));
  });

  it('gives the partition resolving every record from scratch gives (the rebuild)', () => {
    const everyone = [standing('cus_bank'), standing('cus_spouse', [spouse])];
    const { resolution } = admitStandingEntities(first, input, everyone);
    const rebuild = resolveBatch({ ...input, incoming: [...input.incoming, bank, spouse] });
    const taken = new Set(resolution.decisions.map((decision) => decision.recordKey));
    expect(partitionOf(resolution.decisions)).toEqual(partitionOf(rebuild.decisions.filter((decision) => taken.has(decision.recordKey))));
    expect(partitionOf(resolution.decisions)).toContain([support.key, shop.key, bank.key].sort().join(' '));
  });

  it('admits a customer that links with a record alone although not with the cluster that record ended on, and gives what resolving all the records gives', () => {
    // Two records of a Harry Smith share a phone, one of them an email with a standing Harry Smith born in
    // 2004: resolved without it, the two join through the phone, and the pair's birth date (1973) then
    // disagrees with that customer's. The email record alone links with that customer, so it is taken
    // in; resolved from its records with the two, the 2004 records join each other first.
    const harry = (sourceId: string, details: Partial<SourceRecordInput>) => normalise({ system: 'crm', sourceId, name: { given: 'Harry', family: 'Smith' }, ...details });
    const withEmail = harry('H1', { phones: ['+44 800 028 5140'], emails: ['harry.smith@outlook.com'] });
    const withBirth = harry('H2', { phones: ['+44 800 028 5140'], birthDate: '1973-01-11' });
    const born2004 = [
      harry('H8', { emails: ['harry.smith@outlook.com'], birthDate: '2004-06-29', addresses: [{ line1: '114 Warwick Road', locality: 'London', postcode: 'NW5 1JT', country: 'GB' }] }),
      harry('H9', { emails: ['harry.smith@outlook.com'], addresses: [{ line1: '114 Warwick Road', locality: 'London', postcode: 'NW5 1JT', country: 'GB' }] }),
    ];
    const pair = { incoming: [withEmail, withBirth], entities: [], model };
    const without = resolveBatch(pair);
    expect(new Set(without.decisions.map((decision) => decision.customerId)).size).toBe(1);
    const { resolution, admitted } = admitStandingEntities(without, pair, [standing('cus_2004', born2004)]);
    expect(admitted.map((entity) => entity.customerId)).toEqual(['cus_2004']);
    expect(partitionOf(resolution.decisions)).toEqual([[withEmail.key, withBirth.key].join(' '), born2004.map((record) => record.key).join(' ')].sort());
    expect(partitionOf(resolution.decisions)).toEqual(partitionOf(resolveBatch({ ...pair, incoming: [withEmail, withBirth, ...born2004] }).decisions));
  });

  it('resolves a customer taken in from its records: whole, it met a record before the links the rebuild makes first had formed', () => {
    // Two Mary Williams born in 1995, each with a record without a birth date whose mailbox ends in 95.
    // All at once, each pair of one person joins first, and the two customers then stay apart (their
    // birth dates share only the year). Taken whole, the customer of the first (born in September) met
    // the second's records one by one, before they had joined: her record without a birth date agrees
    // with it through the mailbox's year, and the whole customer linked before the rest came together.
    const mary = (system: string, sourceId: string, details: Partial<SourceRecordInput>) =>
      normalise({ system, sourceId, name: { given: 'Mary', family: 'Williams' }, gender: 'F', ...details } as SourceRecordInput);
    const cedar = { line1: '101 Cedar Road', locality: 'Sheffield', postcode: 'S23 2TL', country: 'GB' };
    const kings = { line1: '188 Kings Road', locality: 'Birmingham', postcode: 'B11 6RF', country: 'GB' };
    const september = [
      normalise({ system: 'ecommerce', sourceId: 'W1', name: { family: 'Williams' }, gender: 'F', birthDate: '1995-09-15', emails: ['marywilliams95@icloud.com'], addresses: [cedar] }),
      mary('crm', 'W2', { emails: ['marywilliams95@icloud.com'], addresses: [cedar] }),
    ];
    const may = [
      mary('crm', 'W3', { birthDate: '1995-05-18', emails: ['mary.williams@riverbend-properties.com', 'marywilliams95@gmail.com'], phones: ['+44 7553 698697'] }),
      mary('core_banking', 'W4', { birthDate: '1995-05-18', emails: ['marywilliams95@gmail.com'], phones: ['+44 7553 698697'], addresses: [kings] }),
      mary('ecommerce', 'W5', { emails: ['marywilliams95@gmail.com'], addresses: [kings] }),
    ];
    const keys = (records: typeof may) => records.map((record) => record.key).sort().join(' ');
    expect(partitionOf(resolveBatch({ incoming: [...september, ...may], entities: [], model }).decisions)).toEqual([keys(september), keys(may)].sort());
    // Taken whole from the start, the September customer ends with all five.
    const batch = { incoming: may, entities: [], model };
    expect(partitionOf(resolveBatch({ ...batch, entities: [standing('cus_september', september)] }).decisions)).toEqual([keys(may)]);
    const { resolution, admitted } = admitStandingEntities(resolveBatch(batch), batch, [standing('cus_september', september)]);
    expect(admitted.map((entity) => entity.customerId)).toEqual(['cus_september']);
    expect(partitionOf(resolution.decisions)).toEqual([keys(september), keys(may)].sort());
  });

  it('leaves the resolution as it was when no standing customer links: one sharing the key below the link band, one sharing no key', () => {
    const stranger = normalise({ system: 'crm', sourceId: 'C9', name: { given: 'Mary', family: 'Whitcombe' }, birthDate: '1977-06-09', phones: ['+44 161 496 0000'] });
    const { resolution, admitted } = admitStandingEntities(first, input, [standing('cus_spouse', [spouse]), standing('cus_stranger', [stranger])]);
    expect(admitted).toEqual([]);
    expect(resolution).toBe(first);
  });

  it('compares no records through a key the graph holds generic, though few of the records resolved hold it, as the rebuild counts every record', () => {
    const phoneKeys = blockingKeysFor(bank, model.settings).filter((key) => key.startsWith('phone:'));
    expect(phoneKeys).toHaveLength(1);
    const generic = { ...input, genericKeys: new Set(phoneKeys) };
    // The bank's record meets the batch only through the phone: taken in when it is not generic, left alone when it is.
    expect(admitStandingEntities(first, input, [standing('cus_bank')]).admitted.map((entity) => entity.customerId)).toEqual(['cus_bank']);
    expect(admitStandingEntities(resolveBatch(generic), generic, [standing('cus_bank')]).admitted).toEqual([]);
    // Resolved together, the phone joins the bank's record to the support record only when it is not generic.
    const together = (genericKeys?: Set<string>) => partitionOf(resolveBatch({ ...input, incoming: [...input.incoming, bank], genericKeys }).decisions);
    expect(together()).toContain([support.key, shop.key, bank.key].sort().join(' '));
    expect(together(generic.genericKeys)).toEqual(expect.arrayContaining([[support.key, shop.key].sort().join(' '), bank.key]));
  });

  it('admits a customer must-linked to one of the records whatever its score', () => {
    const constrained = { ...input, mustLink: [[support.key, spouse.key]] as Array<[string, string]> };
    const { admitted, resolution } = admitStandingEntities(resolveBatch(constrained), constrained, [standing('cus_spouse', [spouse])]);
    expect(admitted.map((entity) => entity.customerId)).toEqual(['cus_spouse']);
    expect(customerOf(resolution)[support.key]).toBe(customerOf(resolution)[spouse.key]);
  });
});
