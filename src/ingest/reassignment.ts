import { randomUUID } from 'node:crypto';

export const newCustomerId = () => `cus_${randomUUID().replace(/-/g, '')}`;

/** The customer a record is on before a re-resolution. */
export interface CurrentCustomer {
  id: string;
  /** ISO time: on a tie of votes the older customer keeps its id. */
  createdAt: string;
}

export interface Reassignment {
  /** Each cluster with the customer id it keeps or gets (`created` when new). */
  clusters: Array<{ customerId: string; created: boolean; recordKeys: string[] }>;
  /** Records whose customer changes (`from` null: a record on no customer yet). */
  moves: Array<{ recordKey: string; from: string | null; to: string }>;
  /** Customers no cluster kept → the customers their records went to. */
  emptied: Map<string, Set<string>>;
}

/**
 * Gives the clusters of a re-resolution (the rebuild's of everything, ingest's of a batch and the
 * customers it locked) customer ids so that ids stay stable: each cluster keeps the id most of its
 * records had (the older customer on a tie), largest clusters first, so a big customer keeps its id
 * before a fragment can take it; a cluster whose ids are all taken gets a new one.
 */
export function reassign(clusters: Array<{ recordKeys: string[] }>, currentOf: (recordKey: string) => CurrentCustomer | undefined): Reassignment {
  const used = new Set<string>();
  const result: Reassignment = { clusters: [], moves: [], emptied: new Map() };
  const ordered = [...clusters].sort((a, b) => b.recordKeys.length - a.recordKeys.length || (a.recordKeys[0] < b.recordKeys[0] ? -1 : 1));
  for (const cluster of ordered) {
    const votes = new Map<string, { count: number; createdAt: string }>();
    for (const key of cluster.recordKeys) {
      const current = currentOf(key);
      if (!current || used.has(current.id)) continue;
      const vote = votes.get(current.id) ?? { count: 0, createdAt: current.createdAt };
      vote.count++;
      votes.set(current.id, vote);
    }
    const [chosen] = [...votes.entries()].sort(([idA, a], [idB, b]) => b.count - a.count || Date.parse(a.createdAt) - Date.parse(b.createdAt) || idA.localeCompare(idB));
    const customerId = chosen?.[0] ?? newCustomerId();
    used.add(customerId);
    result.clusters.push({ customerId, created: !chosen, recordKeys: cluster.recordKeys });
    for (const recordKey of cluster.recordKeys) {
      const from = currentOf(recordKey)?.id ?? null;
      if (from !== customerId) result.moves.push({ recordKey, from, to: customerId });
    }
  }
  for (const move of result.moves) {
    if (move.from !== null && !used.has(move.from)) result.emptied.set(move.from, (result.emptied.get(move.from) ?? new Set()).add(move.to));
  }
  return result;
}
