import { normaliseEmail, normalisePhone } from './contacts';

describe('normalisePhone', () => {
  it('writes possible numbers in E.164, national ones read in the default country', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('+49 178 99270391', 'GB')).toBe('+4917899270391');
    expect(normalisePhone('(213) 798-6094', 'US')).toBe('+12137986094');
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
