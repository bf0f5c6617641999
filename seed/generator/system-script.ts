import { SystemProfile } from './source-systems';
import { stripDiacritics, transliterateGerman } from './text-folding';

/** Applies the system's alphabet and case habits to one piece of text (Müller → MUELLER in core banking). */
export function inSystemScript(text: string, profile: SystemProfile): string {
  const folded = profile.diacritics === 'strip' ? stripDiacritics(text) : profile.diacritics === 'transliterate' ? transliterateGerman(text) : text;
  return profile.upperCase ? folded.toUpperCase() : folded;
}
