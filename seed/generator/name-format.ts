import { SystemProfile } from './source-systems';
import { inSystemScript } from './system-script';

/** The name parts of one record, after noise, before the system writes them down. */
export interface NameParts {
  honorific?: string;
  given: string;
  middle?: string;
  family: string;
}

/**
 * Writes the name as the system stores it: one `full` string ("Dr. Anna Weber",
 * "WEBER, ANNA"), separate parts, or both. Systems that keep no middle-name field fold it
 * into the given name, as many banking systems do.
 */
export function formatName(parts: NameParts, profile: SystemProfile): { full?: string; given?: string; middle?: string; family?: string } {
  const given = inSystemScript(parts.given, profile);
  const middle = parts.middle ? inSystemScript(parts.middle, profile) : undefined;
  const family = inSystemScript(parts.family, profile);
  const honorific = parts.honorific ? inSystemScript(parts.honorific, profile) : undefined;
  const givenAndMiddle = middle ? `${given} ${middle}` : given;
  const full = profile.familyFirstFullName ? `${family}, ${givenAndMiddle}` : [honorific, givenAndMiddle, family].filter(Boolean).join(' ');
  switch (profile.nameFields) {
    case 'full':
      return { full };
    case 'parts':
      return profile.upperCase ? { given: givenAndMiddle, family } : { given, ...(middle ? { middle } : {}), family };
    case 'both':
      return { full, given, ...(middle ? { middle } : {}), family };
  }
}
