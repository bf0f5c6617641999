import { Country, Culture, CULTURE_MIX, CULTURES } from './data/cultures';
import { COMPOSED_FAMILY_NAMES, FAMILY_NAMES } from './data/family-names';
import { GIVEN_NAMES } from './data/given-names';
import { SeededRandom } from './random';
import { Gender } from './truth-model';
import { WeightedTable } from './weighted-table';

const words = (list: string) => [...new Set(list.split(' '))];

// Exponent and offset tuned so the head is heavy (about 1.5 % of everyone is a Smith, and a
// million people hold several hundred John Smiths) while the composed tail keeps most names rare.
const GIVEN_TABLES = new Map<string, WeightedTable<string>>(
  CULTURES.flatMap((culture) => [
    [`${culture}:M`, WeightedTable.byRank(words(GIVEN_NAMES[culture].male), 1, 5)] as const,
    [`${culture}:F`, WeightedTable.byRank(words(GIVEN_NAMES[culture].female), 1, 5)] as const,
  ]),
);
const FAMILY_TABLES = new Map(CULTURES.map((culture) => [culture, WeightedTable.byRank(words(FAMILY_NAMES[culture]), 1, 5)]));
const COMPOSED = new Map(
  Object.entries(COMPOSED_FAMILY_NAMES).map(([culture, parts]) => [culture as Culture, { share: parts.share, prefixes: words(parts.prefixes), suffixes: words(parts.suffixes) }]),
);
const CULTURE_TABLES = new Map(Object.entries(CULTURE_MIX).map(([country, mix]) => [country as Country, new WeightedTable(mix)]));

export function cultureIn(country: Country, random: SeededRandom): Culture {
  return CULTURE_TABLES.get(country)!.pick(random);
}

export function givenName(culture: Culture, gender: Gender, random: SeededRandom): string {
  return GIVEN_TABLES.get(`${culture}:${gender}`)!.pick(random);
}

/** A family name in its masculine (dictionary) form; see `familyNameFor` for the form a person bears. */
export function familyNameStem(culture: Culture, random: SeededRandom): string {
  const composed = COMPOSED.get(culture);
  if (composed && random.chance(composed.share)) {
    const suffix = random.pick(composed.suffixes);
    return random.pick(composed.prefixes) + suffix;
  }
  return FAMILY_TABLES.get(culture)!.pick(random);
}

/** Polish and Russian family names take a feminine form: Kowalski → Kowalska, Ivanov → Ivanova. */
export function familyNameFor(stem: string, culture: Culture, gender: Gender): string {
  if (gender === 'M') return stem;
  if (culture === 'polish') return stem.replace(/(sk|ck|dzk)i$/, '$1a');
  if (culture === 'russian') {
    if (/sky$/.test(stem)) return stem.replace(/sky$/, 'skaya');
    if (/(ov|ev|yov|in|yn)$/.test(stem)) return `${stem}a`;
  }
  return stem;
}

/** Middle names are common in English, German and French naming; others rarely carry one. */
export function middleNameFor(culture: Culture, gender: Gender, given: string, random: SeededRandom): string | undefined {
  const share = culture === 'english' ? 0.35 : culture === 'german' || culture === 'french' ? 0.15 : 0;
  if (!random.chance(share)) return undefined;
  const middle = givenName(culture, gender, random);
  return middle === given ? undefined : middle;
}

/** Spanish naming gives two surnames; the second is drawn like the first. */
export function secondFamilyNameFor(culture: Culture, random: SeededRandom): string | undefined {
  return culture === 'spanish' && random.chance(0.6) ? familyNameStem(culture, random) : undefined;
}

const HONORIFICS: Record<Country, { M: string; married: string; unmarried: string; doctor: string }> = {
  GB: { M: 'Mr', married: 'Mrs', unmarried: 'Ms', doctor: 'Dr' },
  US: { M: 'Mr.', married: 'Mrs.', unmarried: 'Ms.', doctor: 'Dr.' },
  DE: { M: 'Herr', married: 'Frau', unmarried: 'Frau', doctor: 'Dr.' },
  FR: { M: 'M.', married: 'Mme', unmarried: 'Mlle', doctor: 'Dr' },
};

export function honorificFor(country: Country, gender: Gender, married: boolean, random: SeededRandom): string {
  const forms = HONORIFICS[country];
  if (random.chance(0.03)) return forms.doctor;
  if (gender === 'M') return forms.M;
  return married || random.chance(0.4) ? forms.married : forms.unmarried;
}
