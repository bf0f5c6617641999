import { isRealPartialDate } from './record-validators';

describe('isRealPartialDate', () => {
  const today = new Date('2026-11-23T00:00:00Z');
  it.each(['1980-04-12', '1980-04', '1980', '2000-02-29', '2026-11-23'])('accepts %s', (value) => {
    expect(isRealPartialDate(value, today)).toBe(true);
  });
  it.each(['1981-02-29', '1980-13-01', '1980-04-31', '12/04/1980', '2027-01-01', '1700-01-01', '', 19800412])('refuses %s', (value) => {
    expect(isRealPartialDate(value, today)).toBe(false);
  });
});
