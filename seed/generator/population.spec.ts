import { CanonicalRecord, GeneratedRecord } from './canonical-record';
import { FAMILY_NAMES } from './data/family-names';
import { generateRecords } from './generate-records';

const keyOf = (system: string, sourceId: string) => `${system}:${sourceId}`;

describe('a generated population', () => {
  const records: GeneratedRecord[] = [...generateRecords({ people: 6000, seed: 21 })];
  const entityOf = new Map(records.map((item) => [keyOf(item.system, item.record.sourceId), item.entityId]));
  const people = records.filter((item) => item.record.type === 'person');

  it('has the people asked for and about 5 % organisations', () => {
    expect(new Set(people.map((item) => item.entityId)).size).toBe(6000);
    const organisations = new Set(records.filter((item) => item.record.type === 'organization').map((item) => item.entityId));
    expect(organisations.size).toBe(Math.floor(6000 / 19));
  });

  it('puts each person in one to five systems', () => {
    const systems = new Map<string, Set<string>>();
    for (const item of people) systems.set(item.entityId, (systems.get(item.entityId) ?? new Set()).add(item.system));
    const counts = [...systems.values()].map((set) => set.size);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(5);
    expect(counts.filter((count) => count > 1).length / counts.length).toBeGreaterThan(0.5);
  });

  it('scatters the records of one entity through the output', () => {
    const adjacent = records.filter((item, index) => index > 0 && records[index - 1].entityId === item.entityId).length;
    expect(adjacent / records.length).toBeLessThan(0.01);
  });

  it('links relationships and referrals to records of other entities that exist', () => {
    const types = new Map<string, number>();
    let referrals = 0;
    for (const item of records) {
      for (const relationship of item.record.relationships ?? []) {
        const target = entityOf.get(keyOf(relationship.target.system, relationship.target.sourceId));
        expect(target).toBeDefined();
        expect(target).not.toBe(item.entityId);
        types.set(relationship.type, (types.get(relationship.type) ?? 0) + 1);
      }
      if (item.record.referredBy) {
        referrals++;
        const target = entityOf.get(keyOf(item.record.referredBy.system, item.record.referredBy.sourceId));
        expect(target).toBeDefined();
        expect(target).not.toBe(item.entityId);
      }
    }
    for (const type of ['SPOUSE', 'PARENT', 'CHILD', 'SIBLING']) expect(types.get(type)).toBeGreaterThan(20);
    expect(referrals).toBeGreaterThan(50);
  });

  it('has very common names shared by many different people', () => {
    const entitiesByName = new Map<string, Set<string>>();
    for (const { record, entityId } of people) {
      if (!record.name.given || !record.name.family) continue;
      const name = `${record.name.given.split(' ')[0]} ${record.name.family}`.toLowerCase();
      entitiesByName.set(name, (entitiesByName.get(name) ?? new Set()).add(entityId));
    }
    const sizes = [...entitiesByName.entries()].map(([name, ids]) => [name, ids.size] as const).sort((a, b) => b[1] - a[1]);
    expect(sizes[0][1]).toBeGreaterThanOrEqual(5);
    // the most shared names carry the most common family names (Smith, Jones, Müller, García, Wang …)
    const headFamilies = new Set(Object.values(FAMILY_NAMES).flatMap((list) => list.split(' ').slice(0, 3)).map((family) => family.toLowerCase()));
    for (const [name] of sizes.slice(0, 5)) expect(headFamilies.has(name.split(' ').slice(1).join(' '))).toBe(true);
    // and a long tail: most names belong to one person only
    expect(sizes.filter(([, size]) => size === 1).length / sizes.length).toBeGreaterThan(0.5);
  });

  it('never gives two entities the same mailbox or national identifier', () => {
    const owners = new Map<string, string>();
    const claim = (value: string, entityId: string) => {
      const owner = owners.get(value);
      if (owner !== undefined && owner !== entityId) throw new Error(`${value} belongs to ${owner} and ${entityId}`);
      owners.set(value, entityId);
    };
    for (const { record, entityId } of records) {
      for (const email of record.emails ?? []) claim(email.toLowerCase().replace(/\+[^@]*@/, '@'), entityId);
      for (const identifier of record.identifiers ?? []) claim(`${identifier.type}:${identifier.country}:${identifier.value.replace(/[\s-]/g, '').toUpperCase()}`, entityId);
    }
  });

  it('shows each system’s habits', () => {
    const bySystem = (system: string) => people.filter((item) => item.system === system).map((item) => item.record);
    expect(bySystem('loyalty').every((record) => record.birthDate === undefined)).toBe(true);
    expect(bySystem('partner_feed').every((record) => record.emails === undefined)).toBe(true);
    expect(bySystem('ecommerce').every((record) => record.name.full !== undefined && record.name.given === undefined)).toBe(true);
    const share = (records: CanonicalRecord[], test: (record: CanonicalRecord) => boolean) => records.filter(test).length / records.length;
    expect(bySystem('core_banking').every((record) => record.name.full === undefined)).toBe(true);
    // odd-case noise lowers a few; the habit is upper case
    expect(share(bySystem('core_banking'), (record) => /^[^a-z]*$/.test(record.name.family!))).toBeGreaterThan(0.95);
    expect(bySystem('core_banking').filter((record) => record.phones).every((record) => record.phones!.every((phone) => /^\+\d+$/.test(phone)))).toBe(true);
    expect(bySystem('crm').some((record) => /^(Mr|Mrs|Ms|Dr|Herr|Frau|M\.|Mme|Mlle)\.? /.test(record.name.full!))).toBe(true);
    expect(bySystem('crm').some((record) => /[éüöäñóá]/.test(record.name.full!))).toBe(true);
    expect(bySystem('loyalty').every((record) => !/[éüöäñóáłś]/.test(record.name.family!))).toBe(true);
  });

  it('files no person with nothing but a name: the system keeps the contact its form requires', () => {
    const reachable = (record: CanonicalRecord) => Boolean(record.birthDate || record.emails || record.phones || record.addresses || record.identifiers);
    expect(people.filter((item) => !reachable(item.record))).toEqual([]);
    // loyalty keeps no birth date and often no address: its members are reached by email or phone
    const loyalty = people.filter((item) => item.system === 'loyalty').map((item) => item.record);
    expect(loyalty.filter((record) => !record.addresses).every((record) => record.emails || record.phones)).toBe(true);
  });

  it('shows movers with an old address in earlier records and a new one later', () => {
    const addressesByEntity = new Map<string, Set<string>>();
    for (const { record, entityId } of people) for (const address of record.addresses ?? []) addressesByEntity.set(entityId, (addressesByEntity.get(entityId) ?? new Set()).add(address.postcode.replace(/ /g, '')));
    const movers = [...addressesByEntity.values()].filter((postcodes) => postcodes.size > 1).length;
    expect(movers).toBeGreaterThan(100);
  });
});
