import { COMPARATORS, type Comparator } from '../compare/comparators';
import type { NormalisedRecord } from '../resolution.types';
import type { MatchSettings } from '../settings/match-settings';

/** One comparison of the settings, with its levels numbered strongest first. */
export interface ComparisonSpace {
  name: string;
  comparator: string;
  levels: string[];
  pinned: boolean[];
  compare: Comparator;
  indexOf: Map<string, number>;
}

export const NULL_LEVEL = -1;

export function comparisonSpaces(settings: MatchSettings): ComparisonSpace[] {
  return Object.entries(settings.comparisons).map(([name, comparison]) => {
    const compare = COMPARATORS[comparison.comparator];
    if (!compare) throw new Error(`comparison ${name} uses unknown comparator ${comparison.comparator}`);
    const levels = comparison.levels.map((level) => level.name);
    return {
      name,
      comparator: comparison.comparator,
      levels,
      pinned: comparison.levels.map((level) => level.pinned === true),
      compare,
      indexOf: new Map(levels.map((level, index) => [level, index])),
    };
  });
}

/**
 * Writes the level index each comparison reaches into `out` (NULL_LEVEL when a side has no
 * value, or when the comparator names a level the settings do not list: reported in `unknown`).
 */
export function levelVector(a: NormalisedRecord, b: NormalisedRecord, spaces: ComparisonSpace[], out: Int8Array, unknown?: Set<string>): void {
  for (let c = 0; c < spaces.length; c++) {
    const level = spaces[c].compare(a, b);
    if (level === null) {
      out[c] = NULL_LEVEL;
      continue;
    }
    const index = spaces[c].indexOf.get(level);
    if (index === undefined) unknown?.add(`${spaces[c].name}.${level}`);
    out[c] = index ?? NULL_LEVEL;
  }
}
