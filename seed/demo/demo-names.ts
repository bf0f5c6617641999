/**
 * Made-up words for registry-only companies and watchlist entries. Composed from syllables and
 * invented stems on purpose, so no entry is a real person or a real firm.
 */
export const COMPANY_STEMS = [
  'Ardenfield', 'Brackmoor', 'Caldervale', 'Dunmarsh', 'Elmsworth', 'Fennick', 'Glasvale', 'Harrowgate',
  'Ivelbrook', 'Jessamy', 'Kestrelle', 'Larchmont', 'Millbourne', 'Northwick', 'Orrindale', 'Pellham',
  'Quarrendon', 'Redfallow', 'Stanbridge', 'Thornaby', 'Ullswick', 'Varnholt', 'Westerleigh', 'Yarrowby',
] as const;
export const COMPANY_TRADES = [
  'Holdings', 'Capital', 'Logistics', 'Engineering', 'Foods', 'Property', 'Ventures', 'Trading',
  'Analytics', 'Textiles', 'Marine', 'Energy', 'Software', 'Estates', 'Partners', 'Instruments',
] as const;
export const LEGAL_FORMS = ['Ltd', 'Limited', 'PLC', 'LLP'] as const;

export const REGISTRY_TOWNS = [
  { locality: 'Harlbury', postcode: 'HB' }, { locality: 'Wexcombe', postcode: 'WX' }, { locality: 'Ostenford', postcode: 'OF' },
  { locality: 'Pellingham', postcode: 'PG' }, { locality: 'Caddermoor', postcode: 'CM' }, { locality: 'Brindlesea', postcode: 'BS' },
] as const;
export const REGISTRY_STREETS = ['Exchange Court', 'Foundry Lane', 'Guild Street', 'Harbour Row', 'Mint Yard', 'Quay Parade'] as const;

/** Syllables for fictitious watchlist names: pronounceable, but not any culture's real name list. */
export const NAME_ONSETS = ['Bar', 'Dro', 'Esk', 'Fal', 'Gor', 'Hal', 'Ivr', 'Kaz', 'Lur', 'Mor', 'Nev', 'Osk', 'Par', 'Ruv', 'Sav', 'Tol', 'Ulv', 'Var', 'Zem'] as const;
export const NAME_CODAS = ['adin', 'emir', 'ovan', 'uslo', 'erik', 'amon', 'itsa', 'ozar', 'elyn', 'ukhan', 'arov', 'ynek'] as const;
export const ENTITY_WORDS = ['Shipping', 'Trading', 'Mining', 'Petroleum', 'Finance', 'Aviation', 'Metals', 'Construction'] as const;
export const ENTITY_FORMS = ['LLC', 'FZE', 'Ltd', 'JSC', 'SA'] as const;
export const WATCHLIST_COUNTRIES = ['RU', 'BY', 'IR', 'KP', 'SY', 'VE', 'MM', 'CU', 'AE', 'CY', 'PA', 'TR'] as const;
