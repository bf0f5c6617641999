import { householdOf, Resident } from './household-rule';

const resident = (id: string, familyNames: string[], contacts: { phones?: string[]; emails?: string[] } = {}): Resident => ({
  id,
  displayName: id,
  familyNames,
  phones: contacts.phones ?? [],
  emails: contacts.emails ?? [],
});

describe('the household rule', () => {
  it('joins residents who share a surname, including its feminine form', () => {
    const members = householdOf('a', [resident('a', ['KOWALSKI']), resident('b', ['KOWALSKA']), resident('c', ['NOWAK'])]);
    expect(members).toEqual([
      { id: 'a', displayName: 'a', reasons: ['surname'] },
      { id: 'b', displayName: 'b', reasons: ['surname'] },
    ]);
  });

  it('joins a partner with another surname through a shared phone, and goes on transitively', () => {
    const members = householdOf('child', [
      resident('child', ['SMITH']),
      resident('mother', ['SMITH'], { phones: ['+447700900123'] }),
      resident('stepfather', ['JONES'], { phones: ['+447700900123'] }),
    ]);
    expect(members.map((member) => member.id)).toEqual(['child', 'mother', 'stepfather']);
    expect(members.find((member) => member.id === 'stepfather')!.reasons).toEqual(['phone']);
  });

  it('does not make flatmates with different surnames and no shared contact a household', () => {
    expect(householdOf('a', [resident('a', ['PATEL'], { emails: ['a@example.com'] }), resident('b', ['OKAFOR'], { emails: ['b@example.com'] })])).toEqual([]);
  });

  it('does not count similar surnames with a different first letter', () => {
    expect(householdOf('a', [resident('a', ['HARRIS']), resident('b', ['PARRIS'])])).toEqual([]);
  });
});
