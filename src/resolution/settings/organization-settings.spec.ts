import { join } from 'node:path';
import { normaliseRecord } from '../normalise/normalise-record';
import type { SourceRecordInput } from '../resolution.types';
import { decide } from '../score/decide';
import { defaultMatchModel } from '../score/match-model';
import { scorePair } from '../score/score-pair';
import { loadMatchSettings } from './match-settings';

// Organisations resolve on their own rules: a registration number decides, shared premises do not.
const settings = loadMatchSettings(join(__dirname, 'organization-settings.v1.json'));
const model = defaultMatchModel(settings);
const band = (a: SourceRecordInput, b: SourceRecordInput) =>
  decide(scorePair(normaliseRecord(a, settings), normaliseRecord(b, settings), model).probability, model);

const premises = { line1: '1 Canada Square', locality: 'London', postcode: 'E14 5AB', country: 'GB' };
const acme: SourceRecordInput = {
  system: 'crm', sourceId: 'O1', type: 'organization', organization: { name: 'Acme Widgets Ltd' },
  identifiers: [{ type: 'company_number', value: '01234567', country: 'GB' }], phones: ['+44 20 7946 0000'], addresses: [premises],
};

describe('organization settings v1', () => {
  it('loads and passes the settings checks', () => {
    expect(settings.version).toBe('organization-v1');
    expect(Object.keys(settings.comparisons)).toEqual(['organization_name', 'registration', 'email', 'phone', 'address']);
  });

  it('links two spellings of one company with the same registration number', () => {
    const register = { system: 'companies_register', sourceId: 'R9', type: 'organization' as const, organization: { name: 'ACME WIDGETS LIMITED' }, identifiers: [{ type: 'company_number', value: '0123 4567', country: 'GB' }] };
    expect(band(acme, register)).toBe('link');
  });

  it('keeps apart two companies of one name with different registration numbers', () => {
    const other = { ...acme, sourceId: 'O2', identifiers: [{ type: 'company_number', value: '07654321', country: 'GB' }] };
    expect(band(acme, other)).toBe('new');
  });

  it('keeps apart group companies that share premises and a switchboard', () => {
    const sister = { ...acme, sourceId: 'O3', organization: { name: 'Zenith Holdings plc' }, identifiers: [] };
    expect(band(acme, sister)).toBe('new');
  });

  it('sends the same name at the same address, with no registration number, to review', () => {
    const bare = { system: 'partner_feed', sourceId: 'F1', type: 'organization' as const, organization: { name: 'Acme Widgets' }, addresses: [premises] };
    expect(band({ ...acme, identifiers: [], phones: [] }, bare)).toBe('review');
  });
});
