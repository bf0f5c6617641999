import { formalGivenName } from './nicknames';
import { tokens } from './text';

const HONORIFICS = new Set(['MR', 'MRS', 'MS', 'MISS', 'MX', 'DR', 'PROF', 'PROFESSOR', 'SIR', 'DAME', 'LADY', 'LORD', 'REV', 'FR', 'HERR', 'FRAU', 'MME', 'MLLE', 'M', 'SR', 'SRA', 'DON', 'DONA']);
const SUFFIXES = new Set(['JR', 'JNR', 'SR', 'SNR', 'II', 'III', 'IV', 'PHD', 'MD', 'ESQ', 'MBA', 'DDS', 'CPA', 'OBE', 'MBE']);
/** Particles that belong to the family name: "van der Berg", "de la Cruz", "bin Laden". */
const PARTICLES = new Set(['VAN', 'VON', 'DER', 'DEN', 'DE', 'LA', 'LE', 'DA', 'DI', 'DEL', 'DOS', 'DAS', 'DU', 'BIN', 'BINT', 'AL', 'EL', 'TER', 'TEN', 'ST']);

/** Digits a scanner reads for letters (Z → 2, S → 5, l → 1 …); a person's name has no digits of its own. */
const LETTER_OF_DIGIT: Record<string, string> = { '0': 'O', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

function undoScanningSlips(token: string): string {
  if (!/\d/.test(token) || !/[A-Z]/.test(token)) return token;
  // 1 is an I at the start of a name (Ian), else a lower-case l (Wilson).
  return token.replace(/\d/g, (digit, at: number) => (digit === '1' ? (at === 0 ? 'I' : 'L') : (LETTER_OF_DIGIT[digit] ?? digit)));
}

export interface NormalisedName {
  given: string[];
  givenRaw: string[];
  family: string[];
}

function withoutTitles(words: string[], keepSingle: boolean, keepInitials = false): string[] {
  const kept = words.filter((word) => (!HONORIFICS.has(word) || (keepInitials && word.length === 1)) && !SUFFIXES.has(word));
  return kept.length > 0 || !keepSingle ? kept : words;
}

/**
 * Given and family tokens from whatever parts the source has. A full name alone is read as
 * "Family, Given" when it has a comma, else as "Given … Family" with particles kept in the family.
 */
export function normaliseName(name: { full?: string; given?: string; middle?: string; family?: string } | undefined): NormalisedName {
  if (!name) return { given: [], givenRaw: [], family: [] };
  // In a given-name field a lone letter is an initial ("M."), not Monsieur.
  let givenRaw = withoutTitles(tokens(name.given).concat(tokens(name.middle)), false, true);
  let family = withoutTitles(tokens(name.family), true);
  if (givenRaw.length === 0 && family.length === 0 && name.full) {
    const full = name.full;
    if (full.includes(',')) {
      const [familyPart, ...rest] = full.split(',');
      family = withoutTitles(tokens(familyPart), true);
      givenRaw = withoutTitles(tokens(rest.join(' ')), false);
    } else {
      const words = withoutTitles(tokens(full), true);
      let split = words.length - 1;
      while (split > 1 && PARTICLES.has(words[split - 1])) split--;
      givenRaw = words.slice(0, Math.max(split, 0));
      family = words.slice(Math.max(split, 0));
      if (words.length === 1) {
        givenRaw = [];
        family = words;
      }
    }
  }
  family = family.filter((word) => !PARTICLES.has(word) || family.length === 1).map(undoScanningSlips);
  givenRaw = givenRaw.map(undoScanningSlips);
  return { given: givenRaw.map(formalGivenName), givenRaw, family };
}

/**
 * A given name written as an initial, spelt out by the record's own mailbox beside its family
 * name (D. Cranwood with daniel.cranwood66@, cranwood.daniel@ or danielcranwood@): the name with
 * the mailbox's given name, which must start with the initial and read as a name (three letters or
 * more, a vowel among them). Anything else is left as it is.
 */
export function withGivenNameFromMailbox(name: NormalisedName, emails: string[]): NormalisedName {
  if (name.givenRaw.length !== 1 || name.givenRaw[0].length !== 1 || name.family.length === 0) return name;
  const initial = name.givenRaw[0];
  const familyForms = new Set([name.family.join(''), ...name.family.filter((part) => part.length > 1)]);
  for (const email of emails) {
    const local = email.slice(0, email.indexOf('@')).toUpperCase().replace(/[0-9]+$/, '');
    const parts = local.split(/[._-]+/).filter(Boolean);
    for (const family of familyForms) {
      let given: string | undefined;
      if (parts.length === 2) given = parts[0] === family ? parts[1] : parts[1] === family ? parts[0] : undefined;
      else if (parts.length === 1 && local.length > family.length) given = local.endsWith(family) ? local.slice(0, -family.length) : local.startsWith(family) ? local.slice(family.length) : undefined;
      // Three letters at least, a vowel among them: JQ.SMITH@ writes initials, not a name.
      if (given && given.length >= 3 && given[0] === initial && /^[A-Z]+$/.test(given) && /[AEIOUY]/.test(given)) return { ...name, given: [formalGivenName(given)], givenRaw: [given] };
    }
  }
  return name;
}
