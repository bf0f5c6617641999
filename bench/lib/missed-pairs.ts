import { blockingKeysFor } from '../../src/resolution/block/blocking-keys';
import { decide } from '../../src/resolution/score/decide';
import { scoreEntities } from '../../src/resolution/score/score-pair';
import type { MatchModel, NormalisedRecord } from '../../src/resolution/resolution.types';
import type { ClusterLabel } from './accuracy-metrics';
import { groupBy, shareIdentifyingEvidence } from './evidence-ceiling';

/**
 * Why two parts of one true entity ended on different clusters, checked in this order:
 * - `name only`: no record of one part shares identifying evidence with a record of the other;
 * - `no shared blocking key`: they have such evidence but no key in common, so were never compared;
 * - `below review`, `review band`: the two parts scored on their own fall in that band;
 * - `link band, held apart`: on their own they would link; the other records of their clusters
 *   (or the candidate cap) kept them apart.
 */
export const MISS_CAUSES = ['name only', 'no shared blocking key', 'below review', 'review band', 'link band, held apart'] as const;
export type MissCause = (typeof MISS_CAUSES)[number];

export interface MissedPairs {
  truePairs: number;
  missedPairs: number;
  /** Missed true pairs by cause and record type. */
  byCause: Record<MissCause, Record<NormalisedRecord['type'], number>>;
}

/** Every true pair the prediction split, with the reason it was split. */
export function missedPairsByCause(records: NormalisedRecord[], truth: ReadonlyMap<string, ClusterLabel>, predicted: ReadonlyMap<string, ClusterLabel>, model: MatchModel): MissedPairs {
  const byCause = Object.fromEntries(MISS_CAUSES.map((cause) => [cause, { person: 0, organization: 0 }])) as MissedPairs['byCause'];
  const entities = groupBy(records, (record) => truth.get(record.key));
  let truePairs = 0;
  let missedPairs = 0;
  for (const members of entities.values()) {
    truePairs += (members.length * (members.length - 1)) / 2;
    // A record without a prediction is a cluster of its own.
    const list = [...groupBy(members, (record) => predicted.get(record.key) ?? `unpredicted:${record.key}`).values()];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const pairs = list[i].length * list[j].length;
        missedPairs += pairs;
        byCause[causeOf(list[i], list[j], model)][list[i][0].type] += pairs;
      }
    }
  }
  return { truePairs, missedPairs, byCause };
}

function causeOf(left: NormalisedRecord[], right: NormalisedRecord[], model: MatchModel): MissCause {
  if (!left.some((a) => right.some((b) => shareIdentifyingEvidence(a, b, model)))) return 'name only';
  const keys = new Set(left.flatMap((record) => blockingKeysFor(record, model.settings)));
  if (!right.some((record) => blockingKeysFor(record, model.settings).some((key) => keys.has(key)))) return 'no shared blocking key';
  const band = decide(scoreEntities(left, right, model).probability, model);
  return band === 'link' ? 'link band, held apart' : band === 'review' ? 'review band' : 'below review';
}
