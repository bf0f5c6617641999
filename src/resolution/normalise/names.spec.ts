import { normaliseName, withGivenNameFromMailbox } from './names';
import { givenNamesEquivalent } from './nicknames';

describe('normaliseName', () => {
  it('reads honorifics, suffixes, particles, commas and nicknames', () => {
    expect(normaliseName({ full: 'Dr. Robert van der Berg Jr' })).toEqual({ given: ['ROBERT'], givenRaw: ['ROBERT'], family: ['BERG'] });
    expect(normaliseName({ full: 'SMITH, Bob' })).toEqual({ given: ['ROBERT'], givenRaw: ['BOB'], family: ['SMITH'] });
  });

  it('keeps a lone letter in a given-name field as an initial; in a full name M. is Monsieur', () => {
    expect(normaliseName({ given: 'M.', family: 'Kowalski' })).toEqual({ given: ['M'], givenRaw: ['M'], family: ['KOWALSKI'] });
    expect(normaliseName({ given: 'Mr', family: 'Kowalski' }).given).toEqual([]);
    expect(normaliseName({ full: 'M. Jean Dupont' })).toMatchObject({ givenRaw: ['JEAN'], family: ['DUPONT'] });
  });

  it('undoes scanning slips that put digits in a name', () => {
    expect(normaliseName({ given: 'Jun', family: '2hu' }).family).toEqual(['ZHU']);
    expect(normaliseName({ given: 'Wi1son', family: 'MÜ11ER' })).toMatchObject({ givenRaw: ['WILSON'], family: ['MULLER'] });
    expect(normaliseName({ given: '1an', family: 'Ro5e' })).toMatchObject({ givenRaw: ['IAN'], family: ['ROSE'] });
    // a token of digits alone is left as it is
    expect(normaliseName({ given: 'John', family: 'Smith 3' }).family).toEqual(['SMITH', '3']);
  });
});

describe('givenNamesEquivalent', () => {
  it('takes a nickname for its formal name and a variant for the name it renders', () => {
    expect(givenNamesEquivalent('SUE', 'SUSAN')).toBe(true);
    expect(givenNamesEquivalent('BECCA', 'REBECCA')).toBe(true);
    expect(givenNamesEquivalent('SAM', 'SAMANTHA')).toBe(true);
    expect(givenNamesEquivalent('JON', 'JONATHAN')).toBe(true);
    expect(givenNamesEquivalent('ANDREAS', 'ANDREW')).toBe(true);
  });

  it('keeps apart two names in their own right, and two nicknames of one formal name', () => {
    // the public table lists Peter as a nickname of Patrick, and Hannah and Susanne both stand for Susannah
    expect(givenNamesEquivalent('PATRICK', 'PETER')).toBe(false);
    expect(givenNamesEquivalent('HANNAH', 'SUSANNE')).toBe(false);
    expect(givenNamesEquivalent('SAMUEL', 'SAMANTHA')).toBe(false);
  });
});

describe('withGivenNameFromMailbox', () => {
  const spelt = (name: Parameters<typeof normaliseName>[0], email: string) => withGivenNameFromMailbox(normaliseName(name), [email]).givenRaw;

  it('spells out an initial from a mailbox that writes the given name beside the family name', () => {
    expect(spelt({ given: 'D.', family: 'Cranwood' }, 'daniel.cranwood66@hotmail.co.uk')).toEqual(['DANIEL']);
    expect(spelt({ full: 'D. Smith' }, 'danielsmith@gmail.com')).toEqual(['DANIEL']);
    expect(spelt({ given: 'D', family: 'Smith' }, 'smith.dan@example.com')).toEqual(['DAN']);
    expect(withGivenNameFromMailbox(normaliseName({ given: 'D', family: 'Smith' }), ['smith.dan@example.com']).given).toEqual(['DANIEL']);
    // One part of a two-part family name is enough.
    expect(spelt({ given: 'D', family: 'Alonso González' }, 'dolores.alonso40@gmail.com')).toEqual(['DOLORES']);
  });

  it('leaves the name as it is when the mailbox gives no other given name, or one that does not start with the initial', () => {
    expect(spelt({ given: 'J', family: 'Smith' }, 'jsmith85@example.com')).toEqual(['J']);
    expect(spelt({ given: 'A', family: 'Smith' }, 'bob.smith@example.com')).toEqual(['A']);
    expect(spelt({ given: 'D', family: 'Smith' }, 'dan.jones@example.com')).toEqual(['D']);
    // Initials in the mailbox are no name.
    expect(spelt({ given: 'J', family: 'Smith' }, 'jq.smith@example.com')).toEqual(['J']);
    expect(spelt({ given: 'J', family: 'Smith' }, 'jrs.smith@example.com')).toEqual(['J']);
    // A given name written out is never replaced.
    expect(spelt({ given: 'Dan', family: 'Smith' }, 'daniel.smith@example.com')).toEqual(['DAN']);
  });
});
