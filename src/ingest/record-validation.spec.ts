import { checkRecord } from './record-validation';

describe('checkRecord', () => {
  const good = { sourceId: 'CRM-1', name: { given: 'Anna', family: 'Smith' }, birthDate: '1980-04-12', emails: ['a@example.com'] };

  it('accepts a canonical record and defaults the type', () => {
    const check = checkRecord(good);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.record.type).toBe('person');
  });

  it('names each bad field', () => {
    const check = checkRecord({ ...good, birthDate: '1980-02-30', emails: 'a@example.com', colour: 'red', addresses: [{ country: 'GBR' }] });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.map((error) => error.field).sort()).toEqual(['addresses[0].country', 'birthDate', 'colour', 'emails', 'emails'].sort());
    }
  });

  it('refuses an empty name and a missing name', () => {
    const empty = checkRecord({ ...good, name: { given: '  ', family: '' } });
    expect(empty.ok || empty.errors).toEqual([{ field: 'name', reason: 'must have a non-empty full, given or family name' }]);
    const missing = checkRecord({ sourceId: 'X' });
    expect(missing.ok || missing.errors).toEqual([{ field: 'name', reason: 'is required for a person' }]);
  });

  it('refuses non-objects', () => {
    expect(checkRecord([1]).ok).toBe(false);
    expect(checkRecord('x').ok).toBe(false);
  });
});
