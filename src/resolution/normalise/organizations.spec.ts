import { normaliseOrganizationName } from './organizations';

describe('normaliseOrganizationName', () => {
  it('drops legal forms however they are written', () => {
    for (const name of ['Bluebird Consulting', 'Bluebird Consulting LLP', 'BLUEBIRD CONSULTING L.L.P.', 'Bluebird Consulting Limited Liability Partnership', 'The Bluebird Consulting Ltd']) {
      expect(normaliseOrganizationName(name)).toBe('BLUEBIRD CONSULTING');
    }
    expect(normaliseOrganizationName('Müller Maschinenbau G.m.b.H.')).toBe('MULLER MASCHINENBAU');
  });

  it('keeps initials that are the name', () => {
    expect(normaliseOrganizationName('A.B.C. Logistics S.A.')).toBe('ABC LOGISTICS');
    expect(normaliseOrganizationName('J & K Holdings')).toBe('J AND K HOLDINGS');
  });
});
