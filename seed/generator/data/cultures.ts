/** Naming cultures the generator draws from; names are transliterated to Latin script. */
export const CULTURES = ['english', 'german', 'french', 'spanish', 'polish', 'russian', 'indian', 'chinese', 'arabic'] as const;
export type Culture = (typeof CULTURES)[number];

export const COUNTRIES = ['GB', 'US', 'DE', 'FR'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Share of people per country. */
export const COUNTRY_WEIGHTS: ReadonlyArray<readonly [Country, number]> = [
  ['GB', 35],
  ['US', 35],
  ['DE', 15],
  ['FR', 15],
];

/** Who lives where: the cultural mix of names in each country (rough, synthetic). */
export const CULTURE_MIX: Record<Country, ReadonlyArray<readonly [Culture, number]>> = {
  GB: [['english', 74], ['indian', 8], ['polish', 4], ['arabic', 4], ['chinese', 3], ['french', 2], ['german', 2], ['spanish', 2], ['russian', 1]],
  US: [['english', 62], ['spanish', 18], ['chinese', 5], ['indian', 5], ['german', 3], ['russian', 2], ['arabic', 2], ['polish', 2], ['french', 1]],
  DE: [['german', 76], ['russian', 6], ['polish', 6], ['arabic', 6], ['spanish', 2], ['english', 2], ['french', 1], ['chinese', 1]],
  FR: [['french', 74], ['arabic', 12], ['spanish', 5], ['english', 2], ['german', 2], ['polish', 2], ['russian', 1], ['chinese', 1], ['indian', 1]],
};
