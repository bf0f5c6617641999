import { doubleMetaphone } from '../../resolution/compare/double-metaphone';
import { formalGivenNames } from '../../resolution/normalise/nicknames';
import { normaliseOrganizationName } from '../../resolution/normalise/organizations';
import { tokens } from '../../resolution/normalise/text';

export type ScreeningNameType = 'person' | 'organization';

/** Titles and generational suffixes: lists write them inconsistently, so they never decide a match. */
const HONORIFICS = new Set([
  'MR', 'MRS', 'MS', 'MISS', 'MX', 'DR', 'PROF', 'SIR', 'DAME', 'LORD', 'LADY', 'REV', 'FR', 'HON', 'SHEIKH', 'SHEIKHA', 'SHAIKH', 'SHAYKH',
  'HAJI', 'HAJJI', 'HADJI', 'MULLAH', 'MAULANA', 'GEN', 'COL', 'CAPT', 'LT', 'SGT', 'JR', 'SR', 'II', 'III', 'IV',
]);

/** Name particles (AL, BIN, VAN, DE): weak evidence, so they weigh little and make no retrieval key. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'AL', 'EL', 'BIN', 'IBN', 'BINT', 'ABU', 'UMM', 'VAN', 'VON', 'DER', 'DEN', 'DE', 'DA', 'DI', 'DU', 'DOS', 'DAS', 'DEL', 'DELLA', 'LA', 'LE',
]);

/** Words most organisation names share: they weigh little and make no retrieval key (a key on TRADING would return half the list). */
export const GENERIC_ORGANIZATION_WORDS: ReadonlySet<string> = new Set([
  'TRADING', 'TRADE', 'TRADERS', 'HOLDING', 'HOLDINGS', 'GROUP', 'INTERNATIONAL', 'INTL', 'COMPANY', 'CORPORATION', 'ENTERPRISE', 'ENTERPRISES',
  'INDUSTRIES', 'INDUSTRIAL', 'SERVICES', 'SERVICE', 'GLOBAL', 'INVESTMENT', 'INVESTMENTS', 'BANK', 'GENERAL', 'AND', 'OF', 'THE', 'FOR',
]);

/** Legal forms normaliseOrganizationName keeps but sanctions lists are full of (Russian, Gulf, Asian, Balkan forms). */
const EXTRA_LEGAL_FORMS = new Set([
  'JSC', 'OJSC', 'CJSC', 'PJSC', 'OAO', 'ZAO', 'PAO', 'OOO', 'AO', 'TOO', 'FZE', 'FZCO', 'FZC', 'FZLLC', 'SRO', 'KFT', 'ZRT', 'NYRT', 'ASA', 'APS',
  'PT', 'TBK', 'BHD', 'SDN', 'PVT', 'PTE', 'SAL', 'WLL', 'EOOD', 'OOD', 'EAD', 'DOO', 'LTDA', 'LDA', 'SAU', 'SLU', 'KGAA', 'OHG', 'UG', 'SE',
]);

/** Spelled-out forms, reduced before normaliseOrganizationName drops COMPANY out of the middle of them. */
const SPELLED_OUT_FORMS: Array<[RegExp, string]> = [
  [/\b(?:(?:PUBLIC|OPEN|CLOSED|PRIVATE|NON PUBLIC) )?JOINT STOCK COMPANY\b/g, 'JSC'],
  [/\bLIMITED LIABILITY PARTNERSHIP\b/g, 'LLP'],
  [/\bFREE ZONE ESTABLISHMENT\b/g, 'FZE'],
  [/\bFREE ZONE COMPANY\b/g, 'FZCO'],
  [/\bSOCIEDAD ANONIMA\b/g, 'SA'],
  [/\bSOCIETA PER AZIONI\b/g, 'SPA'],
  [/\bPRIVATE LIMITED\b/g, 'PVT'],
  [/\bSENDIRIAN BERHAD\b/g, 'SDN BHD'],
];

/** Person-name tokens: upper-case ASCII, diacritics folded, punctuation gone, titles dropped (unless nothing else is left). */
/**
 * Cyrillic to Latin, close to the passport (ICAO 9303) romanisation, so that a list's
 * original-script alias meets the Latin spelling of a customer file: ВИКТОР → VIKTOR.
 * The spelling folding afterwards absorbs the differences between romanisation systems.
 */
const CYRILLIC: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ґ: 'G', Д: 'D', Е: 'E', Ё: 'E', Є: 'IE', Ж: 'ZH', З: 'Z', И: 'I', І: 'I', Ї: 'I', Й: 'I',
  К: 'K', Л: 'L', М: 'M', Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ў: 'U', Ф: 'F', Х: 'KH', Ц: 'TS', Ч: 'CH',
  Ш: 'SH', Щ: 'SHCH', Ъ: '', Ы: 'Y', Ь: '', Э: 'E', Ю: 'IU', Я: 'IA',
};
const CYRILLIC_LETTERS = /[\u0400-\u04FF]/;

export function romanise(text: string): string {
  if (!CYRILLIC_LETTERS.test(text)) return text;
  let out = '';
  for (const char of text.toUpperCase()) out += CYRILLIC[char] ?? char;
  return out;
}

export function foldName(text: string): string[] {
  const all = tokens(romanise(text));
  const kept = all.filter((token) => !HONORIFICS.has(token));
  return kept.length > 0 ? kept : all;
}

/** Organisation-name tokens without legal forms (JSC, LLC, GmbH ...); a name that is nothing but a legal form keeps its words. */
export function foldOrganizationName(text: string): string[] {
  let cleaned = tokens(romanise(text).replace(/&/g, ' AND ')).join(' ');
  for (const [pattern, short] of SPELLED_OUT_FORMS) cleaned = cleaned.replace(pattern, short);
  const kept = tokens(normaliseOrganizationName(cleaned)).filter((token) => !EXTRA_LEGAL_FORMS.has(token));
  return kept.length > 0 ? kept : tokens(romanise(text));
}

/**
 * Transliteration folding, applied in this order to an upper-case token so that spellings of the
 * same name collide. Deliberately lossy: two folded tokens are compared, never shown.
 *
 *   rule                         example
 *   ^YE → E                      YELENA → ELENA, YEVGENY → EVGENY
 *   ^J before A/U → Y            JURIJ → YURIJ, JAKOVLEV → YAKOVLEV (German/Polish J is the Slavic Y)
 *   Y → I                        YURI → IURI, SMYTH → SMITH, MARIYA → MARIIA
 *   vowel + J at the end → I     SERGEJ → SERGEI, DMITRIJ → DMITRII, NIKOLAJ → NIKOLAI
 *   IJ before a vowel → I        MARIJA → MARIA
 *   consonant + J + vowel → I    PJOTR → PIOTR, SEMJON → SEMION (not after D: DJ is the J sound)
 *   TSCH, TCH, CZ → CH           TSCHAIKOWSKI, TCHAIKOVSKY → CHAIKOVSKY
 *   SHCH, SZCZ, SCH, SZ → SH     SCHMIDT → SHMIDT, SZYMON → SHIMON
 *   DZH, DJ, ZH → J              DZHUGASHVILI → JUGASHVILI, ZHUKOV → JUKOV
 *                                (a J written before A/U was read as Y above, so JUKOV stays apart from ZHUKOV: JURIJ wins)
 *   KH → H                       KHALID → HALID, MIKHAIL → MIHAIL
 *   PH → F, TH → T, DH → D       JOSEPH → JOSEF, THEODOR → TEODOR, QADHAFI → KADAFI
 *   CK → K, C (not CH) → K, Q → K   VICTOR → VIKTOR, QASIM → KASIM
 *   X → KS                       ALEXANDER → ALEKSANDER
 *   W → V                        WIKTOR → VIKTOR, PETROW → PETROV
 *   UE → U, OE → O, AE → A       MUELLER → MULLER (Müller is MULLER after cleanText), SCHROEDER → SHRODER
 *   OU → U                       YOUSSEF → IUSSEF, LOUIS → LUIS
 *   OFF, EFF at the end → OV, EV   PETROFF → PETROV, SMIRNOFF → SMIRNOV (old Russian-name spelling)
 *   double letters → one         MULLER → MULER, MOHAMMED → MOHAMED, IURII → IURI
 *   ER at the end after a stop → R   ALEKSANDER → ALEKSANDR, PETER → PETR
 */
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/^YE/, 'E'],
  [/^J(?=[AU])/, 'Y'],
  [/Y/g, 'I'],
  [/([AEIOU])J$/, '$1I'],
  [/IJ(?=[AEIOU])/g, 'I'],
  [/([BCF-HK-NP-TV-Z])J(?=[AEIOU])/g, '$1I'],
  [/TSCH|TCH|CZ/g, 'CH'],
  [/SHCH|SZCZ|SCH|SZ/g, 'SH'],
  [/DZH|DJ|ZH/g, 'J'],
  [/KH/g, 'H'],
  [/PH/g, 'F'],
  [/TH/g, 'T'],
  [/DH/g, 'D'],
  [/CK/g, 'K'],
  [/C(?!H)/g, 'K'],
  [/Q/g, 'K'],
  [/X/g, 'KS'],
  [/W/g, 'V'],
  [/UE/g, 'U'],
  [/OE/g, 'O'],
  [/AE/g, 'A'],
  [/OU/g, 'U'],
  [/([OE])FF$/, '$1V'],
  [/([A-Z])\1+/g, '$1'],
  [/([BDGKPT])ER$/, '$1R'],
];

/** Ukrainian and other transliterations the shared nickname table lacks. */
const EXTRA_FORMALS = new Map<string, string>([
  ['OLEKSANDR', 'ALEXANDER'],
  ['OLEKSANDER', 'ALEXANDER'],
  ['SERHIY', 'SERGEY'],
  ['SERHII', 'SERGEY'],
  ['SERHIJ', 'SERGEY'],
  ['SERGEJ', 'SERGEY'],
  ['DMYTRO', 'DMITRY'],
  ['MYKOLA', 'NICHOLAS'],
  ['MYKHAILO', 'MICHAEL'],
  ['MYKHAYLO', 'MICHAEL'],
  ['ANDRIY', 'ANDREW'],
  ['ANDRII', 'ANDREW'],
  ['IAKOV', 'JACOB'],
  ['ALEKSEI', 'ALEXEY'],
  ['ALEKSEY', 'ALEXEY'],
  ['ALEXEI', 'ALEXEY'],
  ['OLEKSIY', 'ALEXEY'],
  ['OLEKSII', 'ALEXEY'],
]);

/** The transliteration-folded spelling alone, without nickname mapping (see SPELLING_RULES). */
export function foldSpelling(token: string): string {
  let folded = token;
  for (const [pattern, replacement] of SPELLING_RULES) folded = folded.replace(pattern, replacement);
  return folded;
}

/**
 * The formal name a given name stands for. A variant listed under two formal names (YURIY under
 * GEORGE and YURI) keeps the one it is a spelling of, so every spelling of Yuri lands on YURI.
 */
function formalOf(token: string): string {
  const extra = EXTRA_FORMALS.get(token);
  if (extra) return extra;
  const formals = formalGivenNames(token);
  if (formals.length === 1) return formals[0];
  if (formals.includes(token)) return token;
  const spelling = foldSpelling(token);
  return formals.find((formal) => foldSpelling(formal) === spelling) ?? formals[0];
}

// Tokens repeat across a watchlist, so folding is cached; the cache is dropped whole when it grows too big.
const CACHE_LIMIT = 100_000;
const withNicknames = new Map<string, string>();
const withoutNicknames = new Map<string, string>();

/** Canonical spelling of one upper-case token: nickname → formal name (BOB → ROBERT) unless disabled, then transliteration folding. */
export function canonicalToken(token: string, mapNicknames = true): string {
  const cache = mapNicknames ? withNicknames : withoutNicknames;
  let canonical = cache.get(token);
  if (canonical === undefined) {
    canonical = foldSpelling(mapNicknames ? formalOf(token) : token);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, canonical);
  }
  return canonical;
}

/** Person tokens fold nicknames; particles and organisation words do not (AL is not ALBERT, ART GALLERY is not ARTHUR). */
export function canonicalNameToken(token: string, type: ScreeningNameType): string {
  return canonicalToken(token, type === 'person' && !NAME_PARTICLES.has(token));
}

/**
 * Candidate-retrieval keys for a whitespace-analysed full-text index: c_<canonical token> for
 * tokens of 2+ letters and p_<double metaphone> (primary and alternate) for canonical tokens of
 * 3+ letters. A person's given name adds a c_ key per formal name it may stand for (JON → JOHN,
 * JONATHAN). Particles and generic organisation words make no key unless the name has nothing else.
 */
export function screeningKeys(name: string, type: ScreeningNameType): string[] {
  const folded = type === 'organization' ? foldOrganizationName(name) : foldName(name);
  const weak = type === 'organization' ? GENERIC_ORGANIZATION_WORDS : NAME_PARTICLES;
  const strong = folded.filter((token) => !weak.has(token));
  const keys = new Set<string>();
  for (const token of strong.length > 0 ? strong : folded) {
    if (token.length < 2) continue;
    const canonical = canonicalNameToken(token, type);
    keys.add('c_' + canonical.toLowerCase());
    if (type === 'person' && !NAME_PARTICLES.has(token)) {
      for (const formal of formalGivenNames(token)) keys.add('c_' + foldSpelling(formal).toLowerCase());
    }
    if (canonical.length < 3) continue;
    const [primary, alternate] = doubleMetaphone(canonical);
    if (primary) keys.add('p_' + primary.toLowerCase());
    if (alternate && alternate !== primary) keys.add('p_' + alternate.toLowerCase());
  }
  return [...keys].sort();
}
