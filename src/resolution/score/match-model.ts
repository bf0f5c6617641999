import type { MatchModel, NormalisedRecord, TermFrequencies } from '../resolution.types';
import { levelParametersOf, loadMatchSettings, MatchSettings } from '../settings/match-settings';
import { termOf } from '../compare/comparators';

/** The model from the settings alone (pinned and prior m/u, no term frequencies). */
export function defaultMatchModel(settings: MatchSettings = loadMatchSettings()): MatchModel {
  return { version: `${settings.version}/default`, trainedAt: null, settings, parameters: levelParametersOf(settings), termFrequencies: { total: 0, counts: {} } };
}

/** Counts of the values that term-frequency comparisons weigh, over a set of records. */
export function termFrequenciesOf(records: NormalisedRecord[], settings: MatchSettings): TermFrequencies {
  const counts: Record<string, Record<string, number>> = {};
  for (const [name, comparison] of Object.entries(settings.comparisons)) {
    if (!comparison.termFrequency) continue;
    const table: Record<string, number> = (counts[name] = {});
    for (const record of records) {
      const term = termOf(comparison.comparator, record);
      if (term) table[term] = (table[term] ?? 0) + 1;
    }
  }
  return { total: records.length, counts };
}
