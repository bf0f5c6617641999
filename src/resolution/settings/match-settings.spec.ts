import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMatchSettings } from './match-settings';

describe('settings checks for conflict rules', () => {
  const withRules = (conflictRules: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify({ ...loadMatchSettings(), conflictRules }));
    return () => loadMatchSettings(file);
  };

  it('stop the start on a rule naming an unknown comparison or level, in levels or unless', () => {
    expect(withRules([{ name: 'r', levels: { given_name: 'else', birth_dat: 'exact' }, weight: -1 }])).toThrow('conflictRules.r.levels.birth_dat names unknown comparison birth_dat');
    expect(withRules([{ name: 'r', levels: { given_name: 'else' }, unless: { identifier: ['exactly'] }, weight: -1 }])).toThrow('conflictRules.r.unless.identifier names unknown level exactly');
    expect(withRules([{ name: 'r', levels: {}, weight: -1 }])).toThrow('conflictRules.r needs levels');
  });

  it('pass the shipped settings', () => {
    expect(withRules(loadMatchSettings().conflictRules)).not.toThrow();
  });

  it('stop the start on a prior for a record type that does not exist, or one that is no probability', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify({ ...loadMatchSettings(), priorByType: { organisation: 0.0001 } }));
    expect(() => loadMatchSettings(file)).toThrow('priorByType.organisation is not a record type (person, organization)');
    writeFileSync(file, JSON.stringify({ ...loadMatchSettings(), priorByType: { organization: 2 } }));
    expect(() => loadMatchSettings(file)).toThrow('priorByType.organization must be between 0 and 1');
  });

  it('stop the start on a trained link threshold that is no probability or not above the review threshold', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify({ ...loadMatchSettings(), trainedLinkThreshold: 1.5 }));
    expect(() => loadMatchSettings(file)).toThrow('trainedLinkThreshold must be between 0 and 1');
    writeFileSync(file, JSON.stringify({ ...loadMatchSettings(), trainedLinkThreshold: 0.01 }));
    expect(() => loadMatchSettings(file)).toThrow('reviewThreshold must be below trainedLinkThreshold');
  });

  it('stop the start on a comparison whose comparator does not exist', () => {
    const settings = loadMatchSettings();
    const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify({ ...settings, comparisons: { ...settings.comparisons, identifier: { ...settings.comparisons.identifier, comparator: 'nationalIdentifer' } } }));
    expect(() => loadMatchSettings(file)).toThrow('comparisons.identifier.comparator nationalIdentifer is not one of');
  });
});

describe('settings checks for countries', () => {
  const withCountries = (countries: Record<string, unknown>) => {
    const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify({ ...loadMatchSettings(), ...countries }));
    return () => loadMatchSettings(file);
  };

  it('stop the start on a country with no known phone numbering plan', () => {
    expect(withCountries({ phoneCountries: ['DE', 'UK'] })).toThrow('phoneCountries: UK is not a country with a known phone numbering plan');
    expect(withCountries({ defaultCountry: 'gb' })).toThrow('defaultCountry: gb is not a country');
    expect(withCountries({ phoneCountries: ['DE', 'FR'] })).not.toThrow();
  });
});
