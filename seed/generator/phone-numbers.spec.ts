import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { COUNTRIES } from './data/cultures';
import { TOWNS } from './data/towns';
import { CALL_CENTRE_PHONES, formatPhone, PHONE_FORMATS, PhoneBook } from './phone-numbers';

describe('PhoneBook', () => {
  const book = new PhoneBook(42);

  it('hands out mobiles that libphonenumber accepts in every format, and never twice', () => {
    for (const country of COUNTRIES) {
      const numbers = Array.from({ length: 2000 }, () => book.mobile(country));
      expect(new Set(numbers.map((n) => n.nationalNumber)).size).toBe(2000);
      for (const [index, phone] of numbers.entries()) {
        for (const format of index < 200 ? PHONE_FORMATS : (['e164'] as const)) {
          const text = formatPhone(phone, format);
          const valid = format.startsWith('national') ? isValidPhoneNumber(text, country) : isValidPhoneNumber(text.replace(/^00/, '+'));
          if (!valid) throw new Error(`${country} ${format} ${text} is not valid`);
        }
      }
    }
  });

  it('hands out valid landlines for every town', () => {
    for (const town of TOWNS) {
      for (let i = 0; i < 300; i++) {
        const text = formatPhone(book.landline(town), 'e164');
        if (!isValidPhoneNumber(text)) throw new Error(`${town.name} ${text} is not valid`);
      }
    }
  });

  it('uses valid freephone numbers as the shared call-centre phones', () => {
    for (const country of COUNTRIES) for (const phone of CALL_CENTRE_PHONES[country]) expect(isValidPhoneNumber(formatPhone(phone, 'e164'))).toBe(true);
  });

  it('writes one number the ways systems do', () => {
    const phone = { country: 'GB' as const, nationalNumber: '7700900123', groups: [5, 6] };
    expect(PHONE_FORMATS.map((format) => formatPhone(phone, format))).toEqual(['+447700900123', '+44 7700 900123', '07700 900123', '07700-900123', '07700900123', '00447700900123']);
    const us = { country: 'US' as const, nationalNumber: '2125550123', groups: [3, 3, 4] };
    expect(formatPhone(us, 'national')).toBe('(212) 555-0123');
    expect(formatPhone(us, 'international')).toBe('+1 212 555 0123');
  });
});
