import { blockingKeysFor } from '../block/blocking-keys';
import type { NormalisedRecord, SourceRecordInput } from '../resolution.types';
import { normaliseRecord } from '../normalise/normalise-record';
import { decide } from '../score/decide';
import { defaultMatchModel } from '../score/match-model';
import { scorePair } from '../score/score-pair';
import { loadMatchSettings, type MatchSettings } from '../settings/match-settings';
import { estimateModel, trainMatchModel } from './estimate-model';
import { seededRandom } from './seeded-random';

// A small population with known duplicates: typos, nicknames, missing fields, phone formats.
const GIVEN = ['ROBERT', 'WILLIAM', 'MARGARET', 'ELIZABETH', 'JOHN', 'MARY', 'DAVID', 'SARAH', 'JAMES', 'EMMA', 'THOMAS', 'ANNA', 'PETER', 'LUCY', 'GEORGE', 'HELEN'];
const NICKNAME: Record<string, string> = { ROBERT: 'Bob', WILLIAM: 'Bill', MARGARET: 'Peggy', ELIZABETH: 'Liz', JOHN: 'Jack', JAMES: 'Jim' };
const FAMILY = ['SMITH', 'JONES', 'TAYLOR', 'BROWN', 'WILLIAMS', 'WILSON', 'JOHNSON', 'DAVIES', 'ROBINSON', 'WRIGHT', 'THOMPSON', 'EVANS', 'WALKER', 'WHITE', 'ROBERTS', 'GREEN', 'HALL', 'WOOD', 'JACKSON', 'CLARKE'];
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Park Avenue', 'Mill Road', 'Victoria Street'];

function population(entities: number, seed: number): Array<{ input: SourceRecordInput; entity: number }> {
  const random = seededRandom(seed);
  const pick = <T>(values: T[]) => values[Math.floor(random() ** 1.6 * values.length)];
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 1));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const out: Array<{ input: SourceRecordInput; entity: number }> = [];
  for (let entity = 0; entity < entities; entity++) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const birth = `${1940 + Math.floor(random() * 60)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    // A mobile range Britain has allocated: a record with no address reads an unallocated one where it is valid.
    const phone = `7911 1${digits(5)}`;
    const email = `${given}.${family}${digits(2)}@example.com`.toLowerCase();
    const address = { line1: `${1 + Math.floor(random() * 90)} ${pick(STREETS)}`, postcode: `AB${1 + Math.floor(random() * 9)} ${digits(1)}XY`, country: 'GB' };
    const copies = 1 + Math.floor(random() * 3);
    for (let copy = 0; copy < copies; copy++) {
      const noisyGiven = copy > 0 && NICKNAME[given] && random() < 0.3 ? NICKNAME[given] : given;
      const noisyFamily = copy > 0 && random() < 0.25 ? typo(family) : family;
      out.push({
        entity,
        input: {
          system: `s${copy}`,
          sourceId: `P${entity}`,
          name: { given: noisyGiven, family: noisyFamily },
          birthDate: copy > 0 && random() < 0.1 ? undefined : birth,
          gender: GIVEN.indexOf(given) % 2 === 0 ? 'M' : 'F',
          emails: copy > 0 && random() < 0.3 ? [] : [copy % 2 ? email.toUpperCase() : email],
          phones: [copy % 2 ? `+44 ${phone}` : `0${phone}`],
          addresses: random() < 0.8 ? [address] : [],
        },
      });
    }
  }
  return out;
}

const settings = loadMatchSettings();
const people = population(500, 3);
const records: NormalisedRecord[] = people.map(({ input }) => normaliseRecord(input, settings));
const entityOf = new Map(people.map(({ input, entity }, index) => [records[index].key, entity]));
const trainedAt = '2026-11-23T00:00:00.000Z';

describe('trainMatchModel', () => {
  const { model, report } = trainMatchModel(records, settings, { trainedAt, randomPairs: 20_000 });
  const parameters = (comparison: string, level: string) => model.parameters[comparison][level];

  it('is a plain JSON model with every level of every comparison', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    for (const [name, comparison] of Object.entries(settings.comparisons)) {
      expect(Object.keys(model.parameters[name])).toEqual(comparison.levels.map((level) => level.name));
    }
    expect(model.trainedAt).toBe(trainedAt);
  });

  it('reads u from random pairs: genders agree about half the time, names and dates rarely', () => {
    expect(report.randomPairs).toBe(20_000);
    expect(parameters('gender', 'same').u).toBeGreaterThan(0.4);
    expect(parameters('gender', 'same').u).toBeLessThan(0.6);
    expect(parameters('given_name', 'exact').u).toBeLessThan(0.15);
    expect(parameters('birth_date', 'exact').u).toBeLessThan(0.003);
  });

  it('leaves out of u the random pairs the settings weights already link', () => {
    // About 1 random pair in 1,000 is a true match here, and every copy keeps its phone: counted
    // as chance, a shared phone would look as common as 1 in 1,000.
    const truePairs = report.randomPairs + report.randomMatchesLeftOut;
    expect(report.randomMatchesLeftOut).toBeGreaterThan(truePairs / 5000);
    expect(parameters('phone', 'exact').u).toBeLessThan(2e-4);
  });

  it('estimates m by EM per blocking rule, leaving out what the rule forces to agree', () => {
    const email = report.rules.find((rule) => rule.rule === 'email')!;
    expect(email.accepted).toBe(true);
    expect(email.estimated).not.toContain('email');
    expect(email.estimated).toContain('given_name');
    expect(parameters('birth_date', 'exact').m).toBeGreaterThan(0.7);
    expect(parameters('email', 'exact').m).toBeGreaterThan(0.4);
    expect(parameters('given_name', 'exact').m).toBeGreaterThan(0.5);
    // The generator never changes a phone number between copies of a person.
    expect(parameters('phone', 'exact').m).toBeGreaterThan(0.9);
  });

  it('builds the term-frequency table from the records', () => {
    const smiths = records.filter((record) => record.family.join(' ') === 'SMITH').length;
    expect(model.termFrequencies.total).toBe(records.length);
    expect(model.termFrequencies.counts.family_name.SMITH).toBe(smiths);
  });

  it('gives the same model whatever the order of the records', () => {
    const reversed = estimateModel([...records].reverse(), settings, { trainedAt, randomPairs: 20_000 });
    expect(reversed).toEqual(model);
  });

  it('keeps the m and u of pinned levels', () => {
    const pinnedSettings: MatchSettings = structuredClone(settings);
    const twinGuard = pinnedSettings.comparisons.given_name.levels.find((level) => level.name === 'else')!;
    Object.assign(twinGuard, { m: 0.000001, u: 0.9, pinned: true });
    const pinned = estimateModel(records, pinnedSettings, { trainedAt, randomPairs: 20_000 });
    expect(pinned.parameters.given_name.else).toEqual({ m: 0.000001, u: 0.9 });
    const total = Object.values(pinned.parameters.given_name).reduce((sum, level) => sum + level.m, 0);
    expect(total).toBeCloseTo(1, 6);
  });

  it('links duplicates at least as precisely as the settings weights', () => {
    const quality = (candidate: typeof model) => {
      const buckets = new Map<string, NormalisedRecord[]>();
      for (const record of records) for (const key of blockingKeysFor(record, settings)) buckets.set(key, [...(buckets.get(key) ?? []), record]);
      const seen = new Set<string>();
      let truePositives = 0;
      let falsePositives = 0;
      for (const bucket of buckets.values()) {
        for (let i = 0; i < bucket.length; i++) {
          for (let j = i + 1; j < bucket.length; j++) {
            const pair = [bucket[i].key, bucket[j].key].sort().join('|');
            if (seen.has(pair)) continue;
            seen.add(pair);
            if (decide(scorePair(bucket[i], bucket[j], candidate).probability, candidate) !== 'link') continue;
            if (entityOf.get(bucket[i].key) === entityOf.get(bucket[j].key)) truePositives++;
            else falsePositives++;
          }
        }
      }
      let truePairs = 0;
      const sizes = new Map<number, number>();
      for (const entity of entityOf.values()) sizes.set(entity, (sizes.get(entity) ?? 0) + 1);
      for (const size of sizes.values()) truePairs += (size * (size - 1)) / 2;
      return { precision: truePositives / (truePositives + falsePositives), recall: truePositives / truePairs };
    };
    const trained = quality(model);
    const untrained = quality(defaultMatchModel(settings));
    expect(trained.precision).toBeGreaterThanOrEqual(0.99);
    expect(trained.recall).toBeGreaterThan(0.8);
    expect(trained.precision).toBeGreaterThanOrEqual(untrained.precision - 0.005);
  });
});
