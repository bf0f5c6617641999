import { tokens } from './text';

const LEGAL_FORMS = new Set(['LTD', 'LIMITED', 'PLC', 'LLC', 'LLP', 'LP', 'INC', 'INCORPORATED', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'GMBH', 'AG', 'KG', 'SA', 'SAS', 'SARL', 'SRL', 'SPA', 'BV', 'NV', 'AB', 'AS', 'OY', 'SP', 'ZOO', 'PTY', 'THE']);

/** Legal forms written out in full, reduced before the abbreviations are dropped. */
const SPELLED_OUT: Array<[RegExp, string]> = [
  [/GESELLSCHAFT MIT BESCHR(?:A|AE)NKTER HAFTUNG/g, 'GMBH'],
  [/AKTIENGESELLSCHAFT/g, 'AG'],
  [/SOCIETE ANONYME/g, 'SA'],
  [/SOCIETE A RESPONSABILITE LIMITEE/g, 'SARL'],
  [/LIMITED LIABILITY COMPANY/g, 'LLC'],
  [/LIMITED LIABILITY PARTNERSHIP/g, 'LLP'],
  [/PUBLIC LIMITED COMPANY/g, 'PLC'],
  [/BESLOTEN VENNOOTSCHAP/g, 'BV'],
];

/** Dotted abbreviations (L.L.P., S.A.) arrive as single letters: each run is one word again. */
function joinLetterRuns(words: string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.length === 1) {
      run += word;
      continue;
    }
    if (run) joined.push(run);
    run = '';
    joined.push(word);
  }
  if (run) joined.push(run);
  return joined;
}

/** Organisation name without legal form (also compound: GmbH & Co. KG) or "the", & read as AND. */
export function normaliseOrganizationName(name: string | undefined): string {
  let text = joinLetterRuns(tokens((name ?? '').replace(/&/g, ' AND '))).join(' ');
  for (const [pattern, short] of SPELLED_OUT) text = text.replace(pattern, short);
  const words = text.split(' ').filter((word) => !LEGAL_FORMS.has(word));
  // The AND of a compound legal form (GmbH & Co. KG) is left over at the end.
  while (words.length > 1 && words[words.length - 1] === 'AND') words.pop();
  return words.join(' ');
}
