import { parseArgs } from 'node:util';
import { ScreeningService } from '../src/kyc/screening/screening.service';
import { WatchlistEntryInput } from '../src/kyc/watchlists/watchlist-entry';
import { WatchlistsService } from '../src/kyc/watchlists/watchlists.service';
import { seededRandom } from '../src/resolution/train/seeded-random';
import { CULTURES, Culture } from '../seed/generator/data/cultures';
import { FAMILY_NAMES } from '../seed/generator/data/family-names';
import { GIVEN_NAMES } from '../seed/generator/data/given-names';
import { variantsOfGivenName } from '../seed/generator/data/name-variants';
import { latencyRow, startBenchService } from './lib/bench-service';
import { recordResults } from './record-results';

const LIST = 'bench-sanctions';
const COUNTRIES = 'RU BY IR KP SY VE CU MM AF IQ LY SD YE CN TR AE SA PK IN GB US DE FR ES IT PL UA KZ UZ AZ GE AM RS BA ME AL MK NG ZA KE'.split(' ');
const TOPICS = [['sanctions'], ['sanctions'], ['pep'], ['crime'], ['sanctions', 'pep'], ['debarment']];
const ORG_WORDS = 'Trading Holdings Industrial Energy Shipping Logistics Capital Investments Petroleum Metals Mining Finance Construction Telecom Agro Chemicals Defence Aviation Marine Resources'.split(' ');
const LEGAL = 'LLC JSC Ltd OOO GmbH SA FZE Plc Corp AO'.split(' ');

type Random = () => number;
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const FAMILY = Object.fromEntries(CULTURES.map((culture) => [culture, words(FAMILY_NAMES[culture])])) as Record<Culture, string[]>;
const GIVEN = Object.fromEntries(CULTURES.map((culture) => [culture, [...words(GIVEN_NAMES[culture].male), ...words(GIVEN_NAMES[culture].female)]])) as Record<Culture, string[]>;

/** Zipf-like draw by rank: the first names of a list are much more common, as in real populations and lists. */
const pick = <T>(items: T[], random: Random) => items[Math.floor(items.length * random() ** 2.2)];
const uniform = <T>(items: T[], random: Random) => items[Math.floor(items.length * random())];
const date = (random: Random) => `${1940 + Math.floor(random() * 60)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;

interface PersonName {
  given: string;
  middle: string | null;
  family: string;
}

function personName(random: Random): PersonName {
  const culture = uniform([...CULTURES], random);
  return { given: pick(GIVEN[culture], random), middle: random() < 0.3 ? pick(GIVEN[culture], random) : null, family: pick(FAMILY[culture], random) };
}

/** 100,000 entries (by default): persons of every culture's names, some with aliases and middle names, and organisations. */
function generateEntries(count: number, random: Random): Array<WatchlistEntryInput & { person?: PersonName }> {
  const entries: Array<WatchlistEntryInput & { person?: PersonName }> = [];
  for (let index = 0; index < count; index++) {
    const entryId = `BL-${String(index).padStart(7, '0')}`;
    const countries = [uniform(COUNTRIES, random), ...(random() < 0.3 ? [uniform(COUNTRIES, random)] : [])];
    const topics = uniform(TOPICS, random);
    if (random() < 0.1) {
      const culture = uniform([...CULTURES], random);
      const name = `${pick(FAMILY[culture], random)} ${uniform(ORG_WORDS, random)} ${uniform(LEGAL, random)}`;
      entries.push({ entryId, type: 'organization', names: [name], aliases: [], birthDates: [], countries, identifiers: [], topics });
      continue;
    }
    const person = personName(random);
    const full = [person.given, person.middle, person.family].filter(Boolean).join(' ');
    const aliases = random() < 0.15 ? [`${person.family.toUpperCase()}, ${person.given}`] : [];
    const birthDates = random() < 0.85 ? [random() < 0.2 ? date(random).slice(0, 4) : date(random)] : [];
    entries.push({ entryId, type: 'person', names: [full], aliases, birthDates, countries, identifiers: [], topics, person });
  }
  return entries;
}

/** How a list's name comes back from a customer file: reordered, transliterated, a nickname, the middle name dropped. */
function variantOf(person: PersonName, random: Random): string {
  const given = variantsOfGivenName(person.given).length > 0 && random() < 0.6 ? uniform([...variantsOfGivenName(person.given)], random) : person.given;
  let family = person.family;
  if (random() < 0.3) family = family.replace(/v/g, 'w').replace(/ks/g, 'x').replace(/y$/, 'i');
  const middle = person.middle && random() < 0.5 ? person.middle : null;
  return random() < 0.5 ? `${family.toUpperCase()}, ${[given, middle].filter(Boolean).join(' ')}` : [given, middle, family].filter(Boolean).join(' ');
}

interface ScreeningAnswer {
  matches: Array<{ entryId: string; score: number }>;
  candidates: number;
}

/**
 * Screening one name against a list of 100,000 entries, through the REST API: list variants of
 * entries (reordered, transliterated, nicknames, middle names dropped), very common names not
 * on the list, and unrelated names. Also how fast the list loads.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { entries: { type: 'string', default: '100000' }, samples: { type: 'string', default: '600' }, seed: { type: 'string', default: '42' }, 'data-dir': { type: 'string' } } });
  const count = Number(values.entries);
  const samples = Number(values.samples);
  const random = seededRandom(Number(values.seed));
  const service = await startBenchService(values['data-dir'], 'screening');
  try {
    const watchlists = service.app.get(WatchlistsService);
    const entries = generateEntries(count, random);
    const loadStart = performance.now();
    const loadId = watchlists.newLoadId();
    for (let start = 0; start < entries.length; start += 1000) await watchlists.store(LIST, entries.slice(start, start + 1000), loadId);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    console.log(`loaded ${count} entries in ${loadSeconds.toFixed(1)} s`);

    const persons = entries.filter((entry) => entry.person);
    const queries: Array<{ kind: 'list variant' | 'common name' | 'unrelated name'; body: Record<string, unknown>; expected?: string }> = [];
    for (let index = 0; index < samples + 100; index++) {
      const kind = index % 3;
      if (kind === 0) {
        const entry = uniform(persons, random);
        queries.push({ kind: 'list variant', body: { name: variantOf(entry.person!, random), ...(entry.birthDates[0] ? { birthDate: entry.birthDates[0] } : {}) }, expected: entry.entryId });
      } else if (kind === 1) {
        const culture = uniform([...CULTURES], random);
        queries.push({ kind: 'common name', body: { name: `${GIVEN[culture][Math.floor(random() * 10)]} ${FAMILY[culture][Math.floor(random() * 10)]}`, birthDate: date(random) } });
      } else {
        const syllables = 'ka ro mi tu ze lan vor esh pli dun gar bek sol fin hao quen'.split(' ');
        const made = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => uniform(syllables, random)).join('');
        queries.push({ kind: 'unrelated name', body: { name: `${made()} ${made()}` } });
      }
    }

    // Warm the page cache and the query plans first; the figures are of a service that has been up a while.
    for (const query of queries.slice(0, 100)) await service.post('/v1/kyc/screenings', query.body);

    const latencies: Record<string, number[]> = { all: [] };
    const candidates: number[] = [];
    let variants = 0;
    let found = 0;
    let top = 0;
    const misses: string[] = [];
    const names = new Map(entries.map((entry) => [entry.entryId, `${entry.names[0]} ${entry.birthDates[0] ?? ''}`]));
    for (const query of queries.slice(100)) {
      const { ms, body } = await service.post<ScreeningAnswer>('/v1/kyc/screenings', query.body);
      (latencies[query.kind] ??= []).push(ms);
      latencies.all.push(ms);
      candidates.push(body.candidates);
      if (query.expected) {
        variants++;
        if (body.matches.some((match) => match.entryId === query.expected)) found++;
        else if (misses.length < 15) misses.push(`${JSON.stringify(query.body)} → expected ${names.get(query.expected)}, best ${body.matches[0] ? `${names.get(body.matches[0].entryId)} (${body.matches[0].score})` : 'none'}`);
        if (body.matches[0]?.entryId === query.expected) top++;
      }
    }

    // The same screenings without HTTP, to tell the API's own cost from the matching's.
    const screening = service.app.get(ScreeningService);
    const inProcess: number[] = [];
    for (const query of queries.slice(100)) {
      const begin = performance.now();
      await screening.screen(query.body as { name: string });
      inProcess.push(performance.now() - begin);
    }

    console.log(`missed list variants (first ${misses.length}):\n  ${misses.join('\n  ')}`);
    const averageCandidates = candidates.reduce((sum, value) => sum + value, 0) / candidates.length;
    const rows = [
      latencyRow('one name, REST (all kinds)', latencies.all, { 'mean candidates': Number(averageCandidates.toFixed(1)) }),
      ...(['list variant', 'common name', 'unrelated name'] as const).map((kind) => latencyRow(`one name, REST (${kind})`, latencies[kind])),
      latencyRow('one name, in process (ScreeningService)', inProcess),
    ];
    console.table(rows);
    const notes = [
      `${count.toLocaleString('en-GB')} entries (90% persons with every culture's given and family names drawn Zipf-like, 30% with a middle name, 15% with a reordered alias; 10% organisations), loaded in ${loadSeconds.toFixed(1)} s (${Math.round(count / loadSeconds)} entries/s, screening keys and content hashes included).`,
      `${samples} screenings after 100 warm-up ones, one at a time, in three kinds: a list entry's name as a customer file would hold it (reordered, transliterated, a nickname, the middle name dropped; birth date given), a very common name with a random birth date, an unrelated made-up name.`,
      `List variants: the entry is among the matches for ${found} of ${variants} (${((100 * found) / variants).toFixed(1)}%), first for ${top}. Threshold KYC_HIT_THRESHOLD (default 0.85).`,
      'Candidates are read from the full-text index on screening keys (50 at most per name), then scored in the API process.',
    ];
    recordResults('screening', 'Screening one name against 100,000 watchlist entries', rows, notes);
  } finally {
    await service.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
