import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeneratedRecord } from './canonical-record';
import { generateDataset } from './generate-dataset';
import { generateRecords } from './generate-records';
import { NOISE_KINDS, NoiseRates, noiseRatesFrom } from './noise-rates';

const NO_NOISE = Object.fromEntries(NOISE_KINDS.map((kind) => [kind, 0])) as unknown as NoiseRates;
const nameOf = (item: GeneratedRecord) => JSON.stringify(item.record.name);

describe('noise rates', () => {
  it('applies each kind of noise about as often as configured', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'seed-noise-'));
    try {
      const noise: NoiseRates = { typo: 0.1, ocr: 0.05, nickname: 0.3, swappedNames: 0.05, initials: 0.1, dayMonthSwap: 0.2, birthDateError: 0.05, missingField: 0.1, staleAddress: 0.5, emailPlusAddressing: 0.2, emailCase: 0.1, sharedPhone: 0.05, nameCase: 0.05 };
      const manifest = await generateDataset({ people: 5000, seed: 3, outDir, noise });
      for (const kind of NOISE_KINDS) {
        const { opportunities, applied } = manifest.noiseApplied[kind];
        expect(opportunities).toBeGreaterThan(300);
        const standardError = Math.sqrt((noise[kind] * (1 - noise[kind])) / opportunities);
        expect({ kind, rate: Math.abs(applied / opportunities - noise[kind]) < 4 * standardError + 0.002 }).toEqual({ kind, rate: true });
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('changes only the noise when a rate changes: a 20 % typo rate alters about 20 % of names', () => {
    const clean = [...generateRecords({ people: 4000, seed: 5, noise: NO_NOISE })];
    const noisy = [...generateRecords({ people: 4000, seed: 5, noise: { ...NO_NOISE, typo: 0.2 } })];
    expect(noisy.map((item) => item.record.sourceId)).toEqual(clean.map((item) => item.record.sourceId));
    const changed = noisy.filter((item, index) => nameOf(item) !== nameOf(clean[index])).length / clean.length;
    expect(changed).toBeGreaterThan(0.18);
    expect(changed).toBeLessThan(0.22);
    // an organisation's name also stands in its `organization` block
    const withoutNames = (item: GeneratedRecord) => JSON.stringify({ ...item.record, name: 0, organization: item.record.organization?.registrationNumber });
    const otherwise = noisy.filter((item, index) => withoutNames(item) !== withoutNames(clean[index]));
    expect(otherwise).toHaveLength(0);
  });

  it('drops every optional field when missingField is 1, but the one contact a system requires of a person', () => {
    for (const { record, system } of generateRecords({ people: 500, seed: 1, noise: { ...NO_NOISE, missingField: 1 } })) {
      expect([record.birthDate, record.identifiers]).toEqual([undefined, undefined]);
      const kept = [record.emails, record.phones, record.addresses].filter((field) => field !== undefined);
      expect(kept.length).toBe(record.type === 'person' ? 1 : 0);
      if (record.type === 'person' && system === 'core_banking') expect(record.addresses).toBeDefined();
    }
  });

  it('refuses rates that are not probabilities and kinds it does not know', () => {
    expect(() => noiseRatesFrom({ typo: 1.5 })).toThrow(/typo/);
    expect(() => noiseRatesFrom({ typos: 0.1 } as Partial<NoiseRates>)).toThrow(/unknown noise kind "typos"/);
  });
});
