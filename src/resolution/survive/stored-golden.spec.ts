import { normaliseRecord } from '../normalise/normalise-record';
import type { SourceRecordInput } from '../resolution.types';
import { decodeGolden, encodeGolden } from './stored-golden';
import { survivorValues, type SurvivorInput } from './survivor-values';

const settings = { defaultCountry: 'GB', phoneCountries: [] };

function survivor(input: SourceRecordInput, trust: number, observedAt: string): SurvivorInput {
  return { input, normalised: normaliseRecord(input, settings), trust, observedAt };
}

const crm = survivor(
  {
    system: 'crm',
    sourceId: 'C-1',
    name: { given: 'Robert', family: 'Smith' },
    birthDate: '1980-03-14',
    emails: ['bob@example.com'],
    phones: ['07700 900123'],
    addresses: [{ line1: '12 High Street', locality: 'Leeds', postcode: 'LS1 4AB', country: 'GB' }],
    identifiers: [{ type: 'passport', value: '123456789', country: 'GB' }],
  },
  5,
  '2026-01-02T03:04:05Z',
);
const web = survivor(
  { system: 'web', sourceId: 'W-9', name: { given: 'Bob', family: 'Smith' }, birthDate: '1980-03-14', emails: ['BOB@example.com', 'r.smith@example.org'] },
  3,
  '2026-05-06T07:08:09Z',
);

describe('the stored golden record', () => {
  it('reads back exactly what survivorship computed, every value with its source record, time and rule', () => {
    const golden = survivorValues([crm, web]);
    expect(golden.emails.map((email) => email.rule)).toContain('only');
    expect(new Set(golden.emails.map((email) => email.sourceId))).toEqual(new Set(['C-1', 'W-9']));
    expect(decodeGolden(encodeGolden(golden))).toEqual(golden);
  });

  it('names each source once, so a one-record customer stores far fewer bytes than the plain JSON', () => {
    const golden = survivorValues([crm]);
    const stored = encodeGolden(golden);
    expect(stored.split('"C-1"')).toHaveLength(2);
    expect(stored.length).toBeLessThan(JSON.stringify(golden).length * 0.8);
  });

  it('still reads a golden record stored as plain JSON by an earlier version, and nothing as null', () => {
    const golden = survivorValues([crm, web]);
    expect(decodeGolden(JSON.stringify(golden))).toEqual(golden);
    expect(decodeGolden(null)).toBeNull();
    expect(decodeGolden('')).toBeNull();
  });
});
