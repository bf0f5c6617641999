import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { EMAIL_PROVIDERS, FAMILY, FEMALE_GIVEN, MALE_GIVEN, STREET_KINDS, STREETS, TOWNS } from './names';
import { nickname, ocrSlip, typo, withoutDiacritics } from './noise';
import { Random } from './random';

export const GENERATOR_VERSION = 'people-v1';

/** Probabilities of each kind of noise, per record. */
export interface NoiseRates {
  familyTypo: number;
  givenTypo: number;
  ocr: number;
  nickname: number;
  initialOnly: number;
  swappedNames: number;
  birthDateTransposed: number;
  birthDateTypo: number;
  oldAddress: number;
  callCentrePhone: number;
}

export const DEFAULT_NOISE: NoiseRates = {
  familyTypo: 0.06,
  givenTypo: 0.04,
  ocr: 0.02,
  nickname: 0.15,
  initialOnly: 0.03,
  swappedNames: 0.02,
  birthDateTransposed: 0.02,
  birthDateTypo: 0.02,
  oldAddress: 0.15,
  callCentrePhone: 0.01,
};

export interface GenerateOptions {
  people: number;
  seed: number;
  noise?: Partial<NoiseRates>;
  /** Records held back and emitted in random order, so one person's records are not adjacent. */
  shuffleWindow?: number;
}

export interface GeneratedRecord {
  system: string;
  entityId: string;
  record: Record<string, unknown> & { sourceId: string };
}

interface Address {
  line1: string;
  locality: string;
  postcode: string;
  country: string;
}

interface Person {
  entityId: string;
  sex: 'F' | 'M';
  given: string;
  middle?: string;
  family: string;
  birth: [number, number, number];
  email: string;
  mobile: string;
  homePhone?: string;
  address: Address;
  oldAddress?: Address;
  nationalId?: { type: string; value: string; country: string };
}

const SYSTEMS = ['crm', 'core_banking', 'ecommerce', 'loyalty', 'support', 'partner_feed'] as const;
const RECORD_COUNT_WEIGHTS = [0.2, 0.3, 0.25, 0.15, 0.1];
const CALL_CENTRE_PHONE = '+44 800 000 0000';
const pad = (n: number) => String(n).padStart(2, '0');

function newAddress(random: Random): Address {
  const town = random.pick(TOWNS);
  const digits = random.digits(8);
  const letters = String.fromCharCode(65 + random.int(26), 65 + random.int(26));
  return {
    line1: `${1 + random.int(250)} ${random.pick(STREETS)} ${random.pick(STREET_KINDS)}`,
    locality: town.town,
    postcode: town.postcode(digits, letters),
    country: town.country,
  };
}

function phoneFor(address: Address, random: Random): string {
  const town = TOWNS.find((candidate) => candidate.town === address.locality)!;
  return town.phone(random.digits(8));
}

function birthDate(random: Random, fromYear: number, span: number): [number, number, number] {
  return [fromYear + random.int(span), 1 + random.int(12), 1 + random.int(28)];
}

function emailFor(given: string, family: string, random: Random, serial: number): string {
  const local = withoutDiacritics(`${given}.${family}`).toLowerCase().replace(/[^a-z.]/g, '');
  return `${local}${serial % 1000}@${random.pick(EMAIL_PROVIDERS)}`;
}

/** One household: a single person, a couple with children (sometimes twins), or flatmates. */
function household(random: Random, firstSerial: number): Person[] {
  const address = newAddress(random);
  const homePhone = random.chance(0.4) ? phoneFor(address, random) : undefined;
  const family = random.pickCommon(FAMILY);
  const roll = random.next();
  const size = roll < 0.55 ? 1 : roll < 0.8 ? 2 : 3 + random.int(2);
  const flatmates = size > 1 && random.chance(0.1);
  const people: Person[] = [];
  const twinsAt = size >= 4 && random.chance(0.25) ? 2 : -1;
  for (let i = 0; i < size; i++) {
    const serial = firstSerial + i;
    const sex: 'F' | 'M' = random.chance(0.5) ? 'F' : 'M';
    // Members of one household never share a given name (a parent and child "Jr/Sr" would need a suffix).
    let given = random.pickCommon(sex === 'F' ? FEMALE_GIVEN : MALE_GIVEN);
    while (people.some((other) => other.given === given)) given = random.pick(sex === 'F' ? FEMALE_GIVEN : MALE_GIVEN);
    const personFamily = flatmates || (i === 1 && random.chance(0.2)) ? random.pickCommon(FAMILY) : family;
    let birth: [number, number, number] = i < 2 ? birthDate(random, 1940, 50) : birthDate(random, 1990, 25);
    if (i === twinsAt + 1 && twinsAt >= 0) birth = [...people[twinsAt].birth] as [number, number, number];
    const moved = random.chance(0.3);
    people.push({
      entityId: `P${serial}`,
      sex,
      given,
      middle: random.chance(0.2) ? random.pickCommon(sex === 'F' ? FEMALE_GIVEN : MALE_GIVEN) : undefined,
      family: personFamily,
      birth,
      email: emailFor(given, personFamily, random, serial),
      mobile: phoneFor(address, random).replace(/^\+44 (20|161|113) \d/, '+44 7$1'),
      homePhone: flatmates ? undefined : homePhone,
      address,
      oldAddress: moved ? newAddress(random) : undefined,
      nationalId: random.chance(0.5) ? { type: 'national_id', value: `${String.fromCharCode(65 + random.int(26), 65 + random.int(26))}${random.digits(6)}${'ABCD'[random.int(4)]}`, country: address.country } : undefined,
    });
  }
  return people;
}

/** The records that one person left in the source systems, each with its system's habits and some noise. */
function recordsOf(person: Person, random: Random, noise: NoiseRates): GeneratedRecord[] {
  let roll = random.next();
  let count = 1;
  for (const weight of RECORD_COUNT_WEIGHTS) {
    if (roll < weight) break;
    roll -= weight;
    count++;
  }
  const systems = [...SYSTEMS].sort(() => random.next() - 0.5).slice(0, Math.min(count, SYSTEMS.length));
  return systems.map((system) => {
    let given = person.given;
    let family = person.family;
    if (random.chance(noise.nickname)) given = nickname(given, random);
    if (random.chance(noise.givenTypo)) given = typo(given, random);
    if (random.chance(noise.familyTypo)) family = typo(family, random);
    if (random.chance(noise.ocr)) family = ocrSlip(family, random);
    if (random.chance(noise.initialOnly)) given = `${given[0]}.`;
    if (random.chance(0.3)) family = withoutDiacritics(family);
    const swapped = random.chance(noise.swappedNames);
    let [year, month, day] = person.birth;
    if (random.chance(noise.birthDateTransposed) && day <= 12) [month, day] = [day, month];
    if (random.chance(noise.birthDateTypo)) day = Math.max(1, Math.min(28, day + (random.chance(0.5) ? 1 : -1)));
    const address = person.oldAddress && random.chance(noise.oldAddress) ? person.oldAddress : person.address;
    const phone = random.chance(noise.callCentrePhone) ? CALL_CENTRE_PHONE : random.chance(0.7) || !person.homePhone ? person.mobile : person.homePhone;
    let email = person.email;
    if (random.chance(0.2)) email = email.toUpperCase();
    if (email.includes('@gmail.com') && random.chance(0.2)) email = email.replace('@', `+${system}@`);
    const record: GeneratedRecord['record'] = { sourceId: `${system.slice(0, 3).toUpperCase()}-${person.entityId}-${random.digits(4)}` };
    const full = (swapped ? `${family} ${given}` : `${given}${person.middle && random.chance(0.5) ? ` ${person.middle}` : ''} ${family}`).trim();
    switch (system) {
      case 'core_banking':
        record.name = { full: `${random.chance(0.3) ? (person.sex === 'F' ? 'Mrs ' : 'Mr ') : ''}${full}`.toUpperCase() };
        record.birthDate = `${year}-${pad(month)}-${pad(day)}`;
        if (person.nationalId) record.identifiers = [person.nationalId];
        record.phones = [phone.replace(/^\+44 /, '0')];
        record.addresses = [address];
        break;
      case 'loyalty':
        record.name = { full };
        if (random.chance(0.5)) record.birthDate = String(year);
        record.emails = [email];
        record.phones = [phone];
        if (random.chance(0.5)) record.addresses = [{ postcode: address.postcode, country: address.country }];
        break;
      case 'support':
        record.name = { full: random.chance(0.5) ? `${family}, ${given}` : full };
        record.emails = [email];
        record.phones = [phone.replace(/ /g, '-')];
        if (random.chance(0.4)) record.addresses = [address];
        break;
      case 'partner_feed':
        record.name = swapped ? { given: family, family: given } : { given, family };
        record.birthDate = `${year}-${pad(month)}-${pad(day)}`;
        record.addresses = [address];
        if (random.chance(0.5)) record.phones = [phone];
        break;
      default:
        record.name = swapped ? { given: family, family: given } : { given, family };
        if (system === 'crm' || random.chance(0.5)) record.birthDate = `${year}-${pad(month)}-${pad(day)}`;
        record.gender = person.sex;
        record.emails = [email];
        record.phones = [phone];
        record.addresses = [address];
        if (system === 'crm' && person.nationalId && random.chance(0.3)) record.identifiers = [person.nationalId];
    }
    return { system, entityId: person.entityId, record };
  });
}

/** Records of `people` synthetic people, deterministic for a seed, with bounded memory. */
export function* generateRecords(options: GenerateOptions): Generator<GeneratedRecord> {
  const random = new Random(options.seed);
  const noise = { ...DEFAULT_NOISE, ...options.noise };
  const window = options.shuffleWindow ?? 5000;
  const buffer: GeneratedRecord[] = [];
  let made = 0;
  while (made < options.people) {
    for (const person of household(random, made).slice(0, options.people - made)) {
      made++;
      for (const record of recordsOf(person, random, noise)) {
        if (buffer.length < window) buffer.push(record);
        else {
          const at = random.int(window);
          yield buffer[at];
          buffer[at] = record;
        }
      }
    }
  }
  while (buffer.length > 0) yield buffer.splice(random.int(buffer.length), 1)[0];
}

export interface Manifest {
  generator: string;
  seed: number;
  people: number;
  records: number;
  bySystem: Record<string, number>;
  noise: NoiseRates;
  generatedAt: string;
}

/** Writes records.ndjson, truth.csv and manifest.json to `outDir`, streaming. */
export async function generateDataset(options: GenerateOptions & { outDir: string; onProgress?: (records: number) => void }): Promise<Manifest> {
  mkdirSync(options.outDir, { recursive: true });
  const records = createWriteStream(join(options.outDir, 'records.ndjson'));
  const truth = createWriteStream(join(options.outDir, 'truth.csv'));
  truth.write('system,sourceId,entityId\n');
  const bySystem: Record<string, number> = {};
  let count = 0;
  for (const item of generateRecords(options)) {
    count++;
    bySystem[item.system] = (bySystem[item.system] ?? 0) + 1;
    const okRecords = records.write(JSON.stringify({ system: item.system, record: item.record }) + '\n');
    const okTruth = truth.write(`${item.system},${item.record.sourceId},${item.entityId}\n`);
    if (!okRecords) await once(records, 'drain');
    if (!okTruth) await once(truth, 'drain');
    if (count % 100_000 === 0) options.onProgress?.(count);
  }
  records.end();
  truth.end();
  await Promise.all([once(records, 'finish'), once(truth, 'finish')]);
  const manifest: Manifest = { generator: GENERATOR_VERSION, seed: options.seed, people: options.people, records: count, bySystem, noise: { ...DEFAULT_NOISE, ...options.noise }, generatedAt: new Date().toISOString() };
  writeFileSync(join(options.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
