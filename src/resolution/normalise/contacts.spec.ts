import { normaliseEmail, normalisePhone } from './contacts';

describe('normalisePhone', () => {
  it('writes possible numbers in E.164, national ones read in the default country', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('+49 178 99270391', 'GB')).toBe('+4917899270391');
    expect(normalisePhone('(213) 798-6094', 'US')).toBe('+12137986094');
  });

  it('reads a national number that cannot be one in the record country in the one served country where it is valid', () => {
    // a German mobile in a record with no address: too long for a British number
    expect(normalisePhone('0151-21573650', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+4915121573650');
    expect(normalisePhone('0151-21573650', 'GB')).toBeNull();
    // possible at home: the record's country wins, even in a range the numbering plan keeps for drama
    expect(normalisePhone('07700 900123', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+447700900123');
    // no trunk 0, so not a British national number: read where it is valid (Germany and France write a trunk 0 too)
    expect(normalisePhone('(212) 555-0143', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+12125550143');
    expect(normalisePhone('(212) 555-0143', 'GB')).toBe('+442125550143');
    // a British mobile written without its 0 in a record whose address is British stays British
    expect(normalisePhone('7911 123456', 'GB', ['GB', 'US', 'DE', 'FR'], true)).toBe('+447911123456');
    // a number with no trunk 0 in a record stating no country: valid in the US, so read there
    expect(normalisePhone('7707 654321', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+17707654321');
    expect(normalisePhone('7707 654321', 'GB', ['GB', 'US', 'DE', 'FR'], true)).toBe('+447707654321');
    // impossible at home and valid in both Germany and Austria: no guess
    expect(normalisePhone('0664 1234567', 'FR', ['FR', 'DE', 'AT'])).toBeNull();
  });

  it('undoes scanning slips in digits', () => {
    expect(normalisePhone('O2O 7946 O958', 'GB')).toBe('+442079460958');
  });

  it('drops what is too short or not a number', () => {
    expect(normalisePhone('12345', 'GB')).toBeNull();
    expect(normalisePhone('call me maybe', 'GB')).toBeNull();
    expect(normalisePhone('0178 99270391', 'GB')).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('treats dots and +tags at Gmail as one mailbox', () => {
    expect(normaliseEmail('Sarah.Johnson+shop@gmail.com')).toBe(normaliseEmail('sarahjohnson@gmail.com'));
  });
});
