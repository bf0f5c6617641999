import { blockingKeysFor } from '../block/blocking-keys';
import type { NormalisedRecord } from '../resolution.types';
import type { MatchSettings } from '../settings/match-settings';

/** Pairs of record indices, packed as `left * n + right` (left < right), sorted and unique. */
export type PackedPairs = Float64Array;

/**
 * The candidate pairs each blocking rule produces, by the rule's key prefix (`email`, `dob`…).
 * Generic keys (held by more records than the cutoff) produce nothing, as in resolution; a
 * rule with more pairs than `maxPairsPerRule` keeps an evenly spread, deterministic subset.
 */
export function blockedPairsByRule(records: NormalisedRecord[], settings: MatchSettings, maxPairsPerRule: number): Map<string, PackedPairs> {
  const buckets = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of blockingKeysFor(record, settings)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  const n = records.length;
  const collected = new Map<string, number[]>();
  for (const [key, bucket] of buckets) {
    if (bucket.length < 2 || bucket.length > settings.genericCutoff) continue;
    const rule = key.slice(0, key.indexOf(':'));
    let pairs = collected.get(rule);
    if (!pairs) collected.set(rule, (pairs = []));
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const [left, right] = bucket[x] < bucket[y] ? [bucket[x], bucket[y]] : [bucket[y], bucket[x]];
        if (records[left].type === records[right].type) pairs.push(left * n + right);
      }
    }
  }
  const result = new Map<string, PackedPairs>();
  for (const [rule, pairs] of [...collected].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sorted = Float64Array.from(pairs).sort();
    let unique = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k];
    result.set(rule, evenlySpread(sorted.subarray(0, unique), maxPairsPerRule));
  }
  return result;
}

function evenlySpread(pairs: PackedPairs, limit: number): PackedPairs {
  if (pairs.length <= limit) return pairs;
  const kept = new Float64Array(limit);
  const step = pairs.length / limit;
  for (let k = 0; k < limit; k++) kept[k] = pairs[Math.floor(k * step)];
  return kept;
}
