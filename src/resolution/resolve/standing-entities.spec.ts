import { admitStandingEntities, defaultMatchModel, normaliseRecord, resolveBatch, SourceRecordInput } from '../index';

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

describe('admitStandingEntities: customers taken as they stand join a resolution made without them only where they change it', () => {
  const input = { incoming: [support, shop, other, otherCopy], entities: [], model };
  const first = resolveBatch(input);
  const customerOf = (resolution: typeof first) => Object.fromEntries(resolution.decisions.map((decision) => [decision.recordKey, decision.customerId]));

  it('admits a customer that links with what the batch resolved to through a key only an older record holds, and resolves again the part connected to it', () => {
    expect(customerOf(first)[support.key]).toBe(customerOf(first)[shop.key]);
    const { resolution, admitted } = admitStandingEntities(first, input, [standing('cus_bank')]);
    expect(admitted.map((entity) => entity.customerId)).toEqual(['cus_bank']);
    const after = customerOf(resolution);
    expect([after[support.key], after[shop.key]]).toEqual(['cus_bank', 'cus_bank']);
    expect(resolution.merges).toEqual([]);
    expect(resolution.grownCustomers).toEqual(['cus_bank']);
    // The part not connected to the bank's customer keeps its first answer and a temporary id no other customer has.
    expect([after[other.key], after[otherCopy.key]]).toEqual([customerOf(first)[other.key], customerOf(first)[other.key]]);
    expect(new Set(resolution.newCustomers.map((customer) => customer.tempId)).size).toBe(resolution.newCustomers.length);
    expect(resolution.newCustomers.map((customer) => customer.recordKeys)).toEqual([[other.key, otherCopy.key].sort()]);
  });

  it('gives the partition resolving with every standing customer from the start gives', () => {
    const everyone = [standing('cus_bank'), standing('cus_spouse', [spouse])];
    const { resolution } = admitStandingEntities(first, input, everyone);
    const together = resolveBatch({ ...input, entities: everyone });
    // Record keys grouped by customer, an existing customer's id kept and a new one's left out.
    const partition = (resolution: typeof first) => {
      const groups = new Map<string, string[]>();
      for (const decision of resolution.decisions) groups.set(decision.customerId, [...(groups.get(decision.customerId) ?? []), decision.recordKey]);
      return [...groups].map(([id, keys]) => [id.startsWith('new:') ? 'new' : id, keys.sort().join(' ')]).sort();
    };
    expect(partition(resolution)).toEqual(partition(together));
    expect(partition(resolution)).toContainEqual(['cus_bank', [support.key, shop.key].sort().join(' ')]);
  });

  it('admits a customer that links with a record alone although not with the cluster that record ended on', () => {
    // Two records of a Harry Smith share a phone, one of them an email with a standing Harry Smith born in
    // 2004: resolved without it, the two join through the phone, and the pair's birth date (1973) then
    // disagrees with that customer's; resolved with it, the email record joins it first.
    const harry = (sourceId: string, details: Partial<SourceRecordInput>) => normalise({ system: 'crm', sourceId, name: { given: 'Harry', family: 'Smith' }, ...details });
    const withEmail = harry('H1', { phones: ['+44 800 028 5140'], emails: ['harry.smith@outlook.com'] });
    const withBirth = harry('H2', { phones: ['+44 800 028 5140'], birthDate: '1973-01-11' });
    const born2004 = [
      harry('H8', { emails: ['harry.smith@outlook.com'], birthDate: '2004-06-29', addresses: [{ line1: '114 Warwick Road', locality: 'London', postcode: 'NW5 1JT', country: 'GB' }] }),
      harry('H9', { emails: ['harry.smith@outlook.com'], addresses: [{ line1: '114 Warwick Road', locality: 'London', postcode: 'NW5 1JT', country: 'GB' }] }),
    ];
    const pair = { incoming: [withEmail, withBirth], entities: [], model };
    const without = resolveBatch(pair);
    const ids = (resolution: typeof first) => resolution.decisions.map((decision) => decision.customerId);
    expect(new Set(ids(without)).size).toBe(1);
    const together = resolveBatch({ ...pair, entities: [standing('cus_2004', born2004)] });
    expect(ids(together)[0]).toBe('cus_2004');
    expect(ids(together)[1]).not.toBe('cus_2004');
    const { resolution, admitted } = admitStandingEntities(without, pair, [standing('cus_2004', born2004)]);
    expect(admitted.map((entity) => entity.customerId)).toEqual(['cus_2004']);
    expect(ids(resolution)).toEqual(['cus_2004', 'new:1.0']);
  });

  it('leaves the resolution as it was when no standing customer links: one sharing the key below the link band, one sharing no key', () => {
    const stranger = normalise({ system: 'crm', sourceId: 'C9', name: { given: 'Mary', family: 'Whitcombe' }, birthDate: '1977-06-09', phones: ['+44 161 496 0000'] });
    const { resolution, admitted } = admitStandingEntities(first, input, [standing('cus_spouse', [spouse]), standing('cus_stranger', [stranger])]);
    expect(admitted).toEqual([]);
    expect(resolution).toBe(first);
  });

  it('admits a customer must-linked to one of the records whatever its score', () => {
    const constrained = { ...input, mustLink: [[support.key, spouse.key]] as Array<[string, string]> };
    const { admitted, resolution } = admitStandingEntities(resolveBatch(constrained), constrained, [standing('cus_spouse', [spouse])]);
    expect(admitted.map((entity) => entity.customerId)).toEqual(['cus_spouse']);
    expect(customerOf(resolution)[support.key]).toBe('cus_spouse');
  });
});
