import { variantsOfGivenName } from './data/name-variants';
import { NameParts } from './name-format';
import { NoiseDice } from './noise-dice';
import { RecordHabits } from './record-habits';
import { typo } from './text-noise';
import { PersonTruth } from './truth-model';

/** The person's name as this record has it: the system's choice of parts, then nicknames, initials, typos and swaps. */
export function noisyNameParts(person: PersonTruth, habits: RecordHabits, dice: NoiseDice): NameParts {
  let given = person.given;
  let middle = habits.middleName ? person.middle : undefined;
  let family = person.secondFamily && habits.secondFamily ? `${person.family} ${person.secondFamily}` : person.family;
  const variants = variantsOfGivenName(given);
  if (variants.length > 0 && dice.strikes('nickname')) given = dice.detail.pick(variants);
  if (dice.strikes('initials')) {
    const dot = dice.detail.chance(0.5) ? '.' : '';
    given = `${given[0]}${dot}`;
    middle = middle ? `${middle[0]}${dot}` : undefined;
  }
  if (dice.strikes('typo')) {
    if (dice.detail.chance(0.5) && given.length > 2) given = typo(given, dice.detail);
    else family = typo(family, dice.detail);
  }
  if (dice.strikes('swappedNames')) [given, family] = [family, given];
  return { honorific: habits.honorific ? person.honorific : undefined, given, middle, family };
}
