import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { checkRecord } from '../../src/ingest/record-validation';
import { generateRecords } from './generate-records';

describe('generated records and the ingest contract', () => {
  it('passes the ingest validation, every one of them', () => {
    let checked = 0;
    for (const { system, record } of generateRecords({ people: 3000, seed: 13 })) {
      const check = checkRecord(JSON.parse(JSON.stringify(record)));
      if (!check.ok) throw new Error(`${system} ${record.sourceId}: ${JSON.stringify(check.errors)} in ${JSON.stringify(record)}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(6000);
  });

  it('writes phone numbers a phone library accepts', () => {
    for (const { record } of generateRecords({ people: 2000, seed: 17 })) {
      for (const phone of record.phones ?? []) {
        const international = phone.replace(/^00/, '+');
        const valid = international.startsWith('+') ? isValidPhoneNumber(international) : (['GB', 'US', 'DE', 'FR'] as const).some((country) => isValidPhoneNumber(phone, country));
        if (!valid) throw new Error(`${record.sourceId}: ${phone}`);
      }
    }
  });
});
