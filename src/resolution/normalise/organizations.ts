import { tokens } from './text';

const LEGAL_FORMS = new Set(['LTD', 'LIMITED', 'PLC', 'LLC', 'LLP', 'LP', 'INC', 'INCORPORATED', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'GMBH', 'AG', 'KG', 'SA', 'SAS', 'SARL', 'SRL', 'SPA', 'BV', 'NV', 'AB', 'AS', 'OY', 'SP', 'ZOO', 'PTY', 'THE']);

/** Organisation name without legal form or "the", & read as AND. */
export function normaliseOrganizationName(name: string | undefined): string {
  return tokens((name ?? '').replace(/&/g, ' AND '))
    .filter((word) => !LEGAL_FORMS.has(word))
    .join(' ');
}
