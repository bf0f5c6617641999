import { normaliseOrganizationName } from './organizations';

describe('normaliseOrganizationName', () => {
  it('drops legal forms however they are written', () => {
    for (const name of ['Bluebird Consulting', 'Bluebird Consulting LLP', 'BLUEBIRD CONSULTING L.L.P.', 'Bluebird Consulting Limited Liability Partnership', 'The Bluebird Consulting Ltd']) {
      expect(normaliseOrganizationName(name)).toBe('BLUEBIRD CONSULTING');
    }
    expect(normaliseOrganizationName('Müller Maschinenbau G.m.b.H.')).toBe('MULLER MASCHINENBAU');
  });

  it('drops a compound legal form and the long German form written with AE for Ä', () => {
    expect(normaliseOrganizationName('Taunus Technik GmbH & Co. KG')).toBe('TAUNUS TECHNIK');
    expect(normaliseOrganizationName('LINDEN MEDIEN GESELLSCHAFT MIT BESCHRAENKTER HAFTUNG')).toBe('LINDEN MEDIEN');
    expect(normaliseOrganizationName('Linden Medien Gesellschaft mit beschränkter Haftung')).toBe('LINDEN MEDIEN');
    // An AND that is part of the name stays.
    expect(normaliseOrganizationName('Smith & Co')).toBe('SMITH');
    expect(normaliseOrganizationName('Marks & Spencer plc')).toBe('MARKS AND SPENCER');
  });

  it('keeps initials that are the name', () => {
    expect(normaliseOrganizationName('A.B.C. Logistics S.A.')).toBe('ABC LOGISTICS');
    expect(normaliseOrganizationName('J & K Holdings')).toBe('J AND K HOLDINGS');
  });
});
