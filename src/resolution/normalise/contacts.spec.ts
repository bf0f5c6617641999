import { defaultMatchModel } from '../score/match-model';
import { birthYearsInEmails, emailsCarryBirthYear, normaliseEmail, normalisePhone } from './contacts';
import { normaliseRecord } from './normalise-record';

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
    // possible at home and stated there: the record's country wins, even in a range the numbering plan keeps for drama
    expect(normalisePhone('07700 900123', 'GB', ['GB', 'US', 'DE', 'FR'], true)).toBe('+447700900123');
    // a French mobile in a record with no address: possible in Britain but in a range Britain never allocated
    expect(normalisePhone('06 80 93 40 59', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+33680934059');
    expect(normalisePhone('06 80 93 40 59', 'GB', ['GB', 'US', 'DE', 'FR'], true)).toBe('+44680934059');
    // valid in France and in Germany (06809 is a Saarland area code): written in French pairs, read as French;
    // written as one run of digits, no guess between them, so the home reading stays
    expect(normalisePhone('06-80-93-40-59', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+33680934059');
    expect(normalisePhone('06809 34059', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+49680934059');
    expect(normalisePhone('0680934059', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+44680934059');
    // valid at home: stays British even where another served country could read it too
    expect(normalisePhone('020 7946 0958', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+442079460958');
    // invalid at home and in no served country: the home reading, as possible
    expect(normalisePhone('07700 900123', 'GB', ['GB', 'US', 'FR'])).toBe('+447700900123');
    // no trunk 0, so not a British national number: read where it is valid (Germany and France write a trunk 0 too)
    expect(normalisePhone('(212) 555-0143', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+12125550143');
    expect(normalisePhone('(212) 555-0143', 'GB')).toBe('+442125550143');
    // a British mobile written without its 0 in a record whose address is British stays British
    expect(normalisePhone('7911 123456', 'GB', ['GB', 'US', 'DE', 'FR'], true)).toBe('+447911123456');
    // a number with no trunk 0 in a record stating no country: valid in the US, so read there
    expect(normalisePhone('7707 654321', 'GB', ['GB', 'US', 'DE', 'FR'])).toBe('+17707654321');
    expect(normalisePhone('7707 654321', 'GB', ['GB', 'US', 'DE', 'FR'], true)).toBe('+447707654321');
    // impossible at home and valid in both Germany and Austria: grouped as Austrians write it, Austrian;
    // one run of digits, no guess
    expect(normalisePhone('0664 1234567', 'FR', ['FR', 'DE', 'AT'])).toBe('+436641234567');
    expect(normalisePhone('06641234567', 'FR', ['FR', 'DE', 'AT'])).toBeNull();
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

describe('birth years in mailboxes', () => {
  it('reads two final digits after a letter or a dot, or four from 1900 to 2099, and nothing else', () => {
    expect(birthYearsInEmails(['john.smith85@example.com', 'jsmith1985@example.org', 'j.smith.07@example.net'])).toEqual([
      { digits: 2, value: 85 },
      { digits: 4, value: 1985 },
      { digits: 2, value: 7 },
    ]);
    expect(birthYearsInEmails(['anna.k123@example.com', 'bob7@example.com', 'info@smith85.com', 'x31985@example.com'])).toEqual([]);
  });

  it('matches the year whole against four digits and by its last two against two', () => {
    expect(emailsCarryBirthYear(['john.smith85@example.com'], 1985)).toBe(true);
    expect(emailsCarryBirthYear(['john.smith85@example.com'], 1986)).toBe(false);
    expect(emailsCarryBirthYear(['jsmith1985@example.org'], 2085)).toBe(false);
    expect(emailsCarryBirthYear(['jsmith07@example.org'], 2007)).toBe(true);
  });
});

describe('the country a record reads its phone numbers in', () => {
  const settings = defaultMatchModel().settings;
  const phonesOf = (phone: string, emails: string[]) => normaliseRecord({ system: 'crm', sourceId: 'x', name: { full: 'A Person' }, phones: [phone], emails }, settings).phones;

  it('takes a consumer mail provider as the country of a record with no address', () => {
    expect(phonesOf('07499 791462', ['a.person@web.de'])).toEqual(['+497499791462']);
    expect(phonesOf('07499 791462', ['a.person@btinternet.com'])).toEqual(['+447499791462']);
  });

  it('does not take an employer\'s domain for the country its employee lives in', () => {
    expect(phonesOf('07499 791462', ['a.person@gmail.com', 'a.person@sonnen-transport.de'])).toEqual(['+447499791462']);
    expect(phonesOf('312-599-1447', ['a.person@trinity-holdings.co.uk'])).toEqual(['+13125991447']);
    expect(phonesOf('06-83-05-68-47', ['a.person@eifel-logistik.de'])).toEqual(['+33683056847']);
  });
});
