import type { WatchlistEntryInput, WatchlistTopic as ProductTopic } from '../../src/kyc/watchlists/watchlist-entry';
import { SeededRandom } from '../generator/random';
import { shuffled } from './demo-random';
import { stripDiacritics } from '../generator/text-folding';
import { ENTITY_FORMS, ENTITY_WORDS, NAME_CODAS, NAME_ONSETS, WATCHLIST_COUNTRIES } from './demo-names';
import { DemoRecord } from './demo-record';
import { EntityProfile, EntityProfiles } from './demo-profiles';

/** The demo list's entries are in the shape POST /v1/watchlists/{list}/entries takes. */
export type WatchlistEntry = Omit<WatchlistEntryInput, 'removed'>;
type WatchlistTopic = Extract<ProductTopic, 'sanctions' | 'pep' | 'crime'>;

export type WatchlistTruthKind = 'true_hit' | 'near_miss';

export interface DemoWatchlist {
  entries: WatchlistEntry[];
  truth: Array<{ entryId: string; entityId: string; kind: WatchlistTruthKind }>;
}

const ENTRY_COUNT = 200;
const NEAR_MISSES = 5;
const TOPICS: readonly WatchlistTopic[] = ['sanctions', 'pep', 'crime'];

/** Given-name spellings a watchlist may use for the same person (transliteration, not nickname). */
const TRANSLITERATIONS: Record<string, string[]> = {
  Viktor: ['Victor', 'Wiktor'], Aleksandr: ['Alexander', 'Aleksander'], Alexander: ['Aleksandr'], Mohammed: ['Muhammad', 'Mohamed'],
  Sergey: ['Sergei'], Dmitriy: ['Dmitry'], Aleksey: ['Alexei'], Andrey: ['Andrei'], Nikolay: ['Nikolai'], Yuriy: ['Yuri'],
  Yelena: ['Elena'], Natalya: ['Natalia'], Tatyana: ['Tatiana'], Ahmed: ['Ahmad'], Youssef: ['Yusuf'], Hussein: ['Husain'],
};

/** What the watchlist builder may point at among the registry's companies. */
export interface WatchlistCompany {
  entityId: string;
  record: DemoRecord;
}

type HitDraft = { entry: Omit<WatchlistEntry, 'entryId'>; entityId: string; kind: WatchlistTruthKind };

/**
 * ~200 entries: fictitious people and firms who are not customers, five true hits on demo
 * entities written the way watchlists write names differently, and five near misses that share a
 * demo person's name but not their birth date or country.
 */
export function buildWatchlist(profiles: EntityProfiles, ownedCompanies: WatchlistCompany[], random: SeededRandom): DemoWatchlist {
  const people = profiles.nameablePeople();
  const used = new Set<string>();
  const drafts: HitDraft[] = [...trueHits(people, ownedCompanies, used, random), ...nearMisses(people, used, random)];
  while (drafts.length < ENTRY_COUNT) drafts.push({ entry: fictitiousEntry(random), entityId: '', kind: 'true_hit' });

  const entries: WatchlistEntry[] = [];
  const truth: DemoWatchlist['truth'] = [];
  shuffled(drafts, random).forEach((draft, index) => {
    const entryId = `WL-${String(index + 1).padStart(5, '0')}`;
    entries.push({ entryId, ...draft.entry });
    if (draft.entityId) truth.push({ entryId, entityId: draft.entityId, kind: draft.kind });
  });
  return { entries, truth };
}

function trueHits(people: EntityProfile[], companies: WatchlistCompany[], used: Set<string>, random: SeededRandom): HitDraft[] {
  const hits: HitDraft[] = [];
  const take = (accepts: (profile: EntityProfile) => boolean) => {
    const candidates = people.filter((profile) => !used.has(profile.entityId) && accepts(profile));
    const fallback = people.filter((profile) => !used.has(profile.entityId));
    const profile = candidates.length > 0 ? random.pick(candidates) : fallback.length > 0 ? random.pick(fallback) : undefined;
    if (profile) used.add(profile.entityId);
    return profile;
  };
  const personHit = (profile: EntityProfile | undefined, names: string[]) => {
    if (!profile) return;
    hits.push({ entityId: profile.entityId, kind: 'true_hit', entry: personEntryOf(profile, names, random) });
  };

  const translit = take((profile) => titleCase(profile.given!) in TRANSLITERATIONS);
  if (translit) {
    const given = titleCase(translit.given!);
    personHit(translit, [`${random.pick(TRANSLITERATIONS[given] ?? [stripDiacritics(given)])} ${titleCase(translit.family!)}`]);
  }
  const reversed = take(() => true);
  if (reversed) personHit(reversed, [`${titleCase(reversed.family!).toUpperCase()} ${titleCase(reversed.given!)}`]);
  const middle = take((profile) => Boolean(profile.middle));
  if (middle) personHit(middle, [`${titleCase(middle.given!)} ${titleCase(middle.family!)}`]);
  const accented = take((profile) => /[^\u0000-\u007f]/.test(`${profile.given}${profile.family}`));
  if (accented) personHit(accented, [stripDiacritics(`${titleCase(accented.given!)} ${titleCase(accented.family!)}`)]);

  // the fifth: a company a demo person owns, under its name with the legal form written out or shortened
  const company = companies.length > 0 ? random.pick(companies) : undefined;
  if (company) {
    const organisation = company.record.organization!;
    hits.push({
      entityId: company.entityId,
      kind: 'true_hit',
      entry: {
        type: 'organization',
        names: [swapLegalForm(organisation.name).toUpperCase()],
        aliases: [],
        birthDates: [],
        countries: [organisation.country ?? 'GB'],
        identifiers: organisation.registrationNumber ? [{ type: 'company_number', value: organisation.registrationNumber, country: organisation.country }] : [],
        topics: ['sanctions'],
      },
    });
  } else {
    personHit(take(() => true), []);
  }
  return hits;
}

/** Same name as a demo person (a common one where possible), another birth date, another country. */
function nearMisses(people: EntityProfile[], used: Set<string>, random: SeededRandom): HitDraft[] {
  const byName = new Map<string, EntityProfile[]>();
  for (const profile of people) {
    const name = `${titleCase(profile.given!)} ${titleCase(profile.family!)}`;
    byName.set(name, [...(byName.get(name) ?? []), profile]);
  }
  const names = [...byName.keys()].sort((a, b) => byName.get(b)!.length - byName.get(a)!.length);
  const misses: HitDraft[] = [];
  for (const name of names) {
    if (misses.length === NEAR_MISSES) break;
    const namesakes = byName.get(name)!;
    const profile = namesakes.find((candidate) => !used.has(candidate.entityId));
    if (!profile) continue;
    used.add(profile.entityId);
    const taken = new Set(namesakes.map((namesake) => namesake.birthDate));
    let birthDate = shiftYears(profile.birthDate!, random.between(3, 15) * (random.chance(0.5) ? 1 : -1));
    while (taken.has(birthDate)) birthDate = shiftYears(birthDate, 1);
    misses.push({
      entityId: profile.entityId,
      kind: 'near_miss',
      entry: { type: 'person', names: [name], aliases: [], birthDates: [birthDate], countries: [random.pick(WATCHLIST_COUNTRIES)], identifiers: [], topics: [random.pick(TOPICS)] },
    });
  }
  return misses;
}

function personEntryOf(profile: EntityProfile, names: string[], random: SeededRandom): Omit<WatchlistEntry, 'entryId'> {
  const home = profile.address?.country ?? 'GB';
  return {
    type: 'person',
    names,
    aliases: [],
    birthDates: [profile.birthDate!],
    countries: random.chance(0.5) ? [home, random.pick(WATCHLIST_COUNTRIES)] : [home],
    identifiers: [],
    topics: [random.pick(TOPICS)],
  };
}

/** A person or firm nobody in the demo is: names composed from syllables that no name list holds. */
function fictitiousEntry(random: SeededRandom): Omit<WatchlistEntry, 'entryId'> {
  const country = random.pick(WATCHLIST_COUNTRIES);
  const word = () => `${random.pick(NAME_ONSETS)}${random.pick(NAME_CODAS)}`;
  const topics = random.chance(0.25) ? [random.pick(TOPICS), random.pick(TOPICS)].filter((topic, i, all) => all.indexOf(topic) === i) : [random.pick(TOPICS)];
  if (random.chance(0.15)) {
    const name = `${word()} ${random.pick(ENTITY_WORDS)} ${random.pick(ENTITY_FORMS)}`;
    return { type: 'organization', names: [name], aliases: random.chance(0.3) ? [`${word()} ${random.pick(ENTITY_WORDS)}`] : [], birthDates: [], countries: [country], identifiers: [], topics };
  }
  const given = word();
  const family = word();
  const year = random.between(1940, 1995);
  const birthDate = `${year}-${pad(random.between(1, 12))}-${pad(random.between(1, 28))}`;
  return {
    type: 'person',
    names: [`${given} ${family}`],
    aliases: random.chance(0.4) ? [`${family.toUpperCase()} ${given}`] : [],
    // lists often hold more than one possible date, or only a year
    birthDates: random.chance(0.2) ? [birthDate, `${year + 1}`] : random.chance(0.15) ? [String(year)] : [birthDate],
    countries: random.chance(0.3) ? [country, random.pick(WATCHLIST_COUNTRIES)].filter((c, i, all) => all.indexOf(c) === i) : [country],
    identifiers: random.chance(0.3) ? [{ type: 'passport', value: `${random.pick(['K', 'M', 'P'])}${random.digits(8)}`, country }] : [],
    topics,
  };
}

function swapLegalForm(name: string): string {
  if (/ Ltd\.?$/.test(name)) return name.replace(/ Ltd\.?$/, ' Limited');
  if (/ Limited$/.test(name)) return name.replace(/ Limited$/, ' Ltd');
  if (/ LLP$/.test(name)) return name.replace(/ LLP$/, ' Limited Liability Partnership');
  if (/ PLC$/.test(name)) return name.replace(/ PLC$/, ' Public Limited Company');
  if (/ GmbH$/.test(name)) return name.replace(/ GmbH$/, ' Gesellschaft mit beschränkter Haftung');
  return name;
}

/** Records may hold a name in capitals; a watchlist writes it in title case. */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

function shiftYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  const rest = isoDate.slice(4) === '-02-29' ? '-02-28' : isoDate.slice(4);
  return `${year}${rest}`;
}

const pad = (value: number) => String(value).padStart(2, '0');
