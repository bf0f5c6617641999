import { scorePair } from '../../src/resolution/score/score-pair';
import { UnionFind } from '../../src/resolution/resolve/union-find';
import type { MatchModel, NormalisedRecord } from '../../src/resolution/resolution.types';

/** Comparisons that only say what a record is called: two people can share all of them. */
const NAME_COMPARISONS = new Set(['given_name', 'family_name', 'gender', 'organization_name']);
/** A level counts as identifying evidence when it is at least 32 times likelier for a match (5 bits). */
const STRONG_BITS = 5;

/** Records grouped by a label (their true entity, their cluster); those without one are left out. */
export function groupBy<L>(records: NormalisedRecord[], labelOf: (record: NormalisedRecord) => L | undefined): Map<L, NormalisedRecord[]> {
  const groups = new Map<L, NormalisedRecord[]>();
  for (const record of records) {
    const label = labelOf(record);
    if (label === undefined) continue;
    const members = groups.get(label);
    if (members) members.push(record);
    else groups.set(label, [record]);
  }
  return groups;
}

/** Whether two records share a birth date, contact, dwelling, postcode or identifier at a level worth at least 5 bits. */
export function shareIdentifyingEvidence(left: NormalisedRecord, right: NormalisedRecord, model: MatchModel): boolean {
  for (const comparison of scorePair(left, right, model).comparisons) {
    // Conflict rules (twins) are listed among the comparisons but weigh against, never for.
    if (NAME_COMPARISONS.has(comparison.name) || !model.parameters[comparison.name]) continue;
    const { m, u } = model.parameters[comparison.name][comparison.level];
    if (Math.log2(m / u) >= STRONG_BITS) return true;
  }
  return false;
}

/**
 * The share of true pairs that any evidence beyond the name could join: within each true
 * entity, records are chained through pairs that share a birth date, contact, dwelling or
 * identifier at a strong level. Pairs outside these chains have nothing but a name in common,
 * so no engine that refuses to link on a name alone can find them; it bounds pairwise recall.
 */
export function evidenceCeiling(records: NormalisedRecord[], truth: ReadonlyMap<string, string>, model: MatchModel): { truePairs: number; joinablePairs: number; share: number; nameOnlyRecords: number } {
  const byEntity = groupBy(records, (record) => truth.get(record.key));
  const identifying = (left: NormalisedRecord, right: NormalisedRecord) => shareIdentifyingEvidence(left, right, model);
  let truePairs = 0;
  let joinablePairs = 0;
  for (const members of byEntity.values()) {
    truePairs += (members.length * (members.length - 1)) / 2;
    if (members.length < 2) continue;
    const chains = new UnionFind();
    for (const record of members) chains.add(record.key);
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) if (identifying(members[i], members[j])) chains.union(members[i].key, members[j].key);
    for (const chain of chains.groups().values()) joinablePairs += (chain.length * (chain.length - 1)) / 2;
  }
  const nameOnlyRecords = records.filter((r) => !r.birth && r.emails.length + r.phones.length + r.addresses.length + r.identifiers.length === 0).length;
  return { truePairs, joinablePairs, share: truePairs === 0 ? 1 : joinablePairs / truePairs, nameOnlyRecords };
}
