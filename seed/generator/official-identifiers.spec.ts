import { COUNTRIES } from './data/cultures';
import { alternativeIdentifierForm, IdentifierBook } from './official-identifiers';

describe('IdentifierBook', () => {
  const book = new IdentifierBook(42);

  it('gives national identifiers in each country’s shape, never twice', () => {
    const shapes = { GB: /^(QQ|ZZ|QZ|ZQ)\d{6}[A-D]$/, US: /^\d{3}-\d{2}-\d{4}$/, DE: /^[1-9]\d{10}$/, FR: /^[0-3]\d{12}$/ };
    for (const country of COUNTRIES) {
      const values = Array.from({ length: 5000 }, () => book.personal(country).value);
      expect(new Set(values).size).toBe(5000);
      for (const value of values) expect(value).toMatch(shapes[country]);
    }
    expect(book.personal('US').value).not.toMatch(/^(000|666|9\d\d)/);
  });

  it('writes the alternative forms other systems use', () => {
    expect(alternativeIdentifierForm({ type: 'national_id', country: 'GB', value: 'QQ123456C' })).toBe('QQ 12 34 56 C');
    expect(alternativeIdentifierForm({ type: 'ssn', country: 'US', value: '123-45-6789' })).toBe('123456789');
    expect(alternativeIdentifierForm({ type: 'company_number', country: 'FR', value: '123456789' })).toBe('123 456 789');
  });

  it('gives company numbers too', () => {
    expect(book.company('DE').value).toMatch(/^HRB \d{6}$/);
    expect(book.company('GB').value).toMatch(/^\d{8}$/);
  });
});
