/** One holding: `owner` holds `pct` percent (0 to 100) of `owned`. */
export interface OwnershipEdge {
  owner: string;
  owned: string;
  pct: number;
}

export interface OwnershipChain {
  /** The owner first, the target last. */
  path: string[];
  /** Per hop: `pcts[i]` is the percent `path[i]` holds of `path[i + 1]`. */
  pcts: number[];
  /** The product of the hops, in percent, rounded to 4 decimals. */
  share: number;
}

export interface BeneficialOwner {
  id: string;
  /** Effective share of the target, in percent, rounded to 4 decimals: the sum of its chains. */
  share: number;
  /** Largest share first. */
  chains: OwnershipChain[];
  /** Holds the target itself (has a 1-hop chain), not only through others. */
  direct: boolean;
}

export interface BeneficialOwnersResult {
  target: string;
  owners: BeneficialOwner[];
  /** The walk stopped at `maxDepth` hops or at `maxChains` chains: shares may be understated and owners missing. */
  truncated: boolean;
  maxDepth: number;
}

export interface BeneficialOwnersOptions {
  /** Percent; an owner is listed from this share on (inclusive), e.g. 25 for the usual UBO rule. */
  threshold: number;
  /** Longest chain followed, in hops. */
  maxDepth: number;
  /** Chains enumerated at most (default 10,000): a dense group of companies has very many paths. */
  maxChains?: number;
  /** Only owners nobody owns in `edges`: natural persons and the tops of chains, not intermediate holdings. */
  ultimateOnly?: boolean;
}

export const DEFAULT_MAX_CHAINS = 10_000;

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Who owns `owned`, and with how much: edges into each entity, merged per owner. Several edges
 * between one pair (two filings, two share classes reported apart) add up, capped at 100 since
 * nobody holds more than all of a company. Self-holdings (treasury shares), and shares that
 * are not a positive number, own nothing and are left out.
 */
function ownersByOwned(edges: OwnershipEdge[]): Map<string, Map<string, number>> {
  const byOwned = new Map<string, Map<string, number>>();
  for (const { owner, owned, pct } of edges) {
    if (owner === owned || !Number.isFinite(pct) || pct <= 0) continue;
    const owners = byOwned.get(owned) ?? new Map<string, number>();
    owners.set(owner, Math.min(100, (owners.get(owner) ?? 0) + pct));
    byOwned.set(owned, owners);
  }
  return byOwned;
}

function checkOptions(options: BeneficialOwnersOptions, maxChains: number): void {
  const { threshold, maxDepth } = options;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) throw new RangeError(`threshold must be a percent between 0 and 100 (got ${threshold})`);
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw new RangeError(`maxDepth must be a whole number of hops, at least 1 (got ${maxDepth})`);
  if (!Number.isInteger(maxChains) || maxChains < 1) throw new RangeError(`maxChains must be a whole number, at least 1 (got ${maxChains})`);
}

/**
 * The beneficial owners of `target`: the effective share of X is the sum, over every simple
 * path X → … → target (no entity twice), of the product of the holdings along it. Parallel
 * chains add up (A holds 20% directly and 40% of a company holding the rest: 60%). Cross- and
 * circular holdings (A holds B, B holds A) are counted along simple paths only, so the walk
 * ends and a loop does not inflate a share; the infinite series of a loop is deliberately not
 * summed, as registers and the 25% rule read ownership along chains.
 *
 * The walk goes from the target up to its owners, depth first, so every step yields one chain.
 * It stops at `maxDepth` hops and after `maxChains` chains; either sets `truncated`, as the
 * shares found are then lower bounds and owners may be missing.
 */
export function computeBeneficialOwners(target: string, edges: OwnershipEdge[], options: BeneficialOwnersOptions): BeneficialOwnersResult {
  const maxChains = options.maxChains ?? DEFAULT_MAX_CHAINS;
  checkOptions(options, maxChains);
  const byOwned = ownersByOwned(edges);
  const chainsOf = new Map<string, OwnershipChain[]>();
  const shareOf = new Map<string, number>();
  let count = 0;
  let truncated = false;
  let stopped = false;

  // `path` runs target first while walking up; chains are reported the other way round.
  const path = [target];
  const pcts: number[] = [];
  const onPath = new Set(path);
  const walk = (entity: string, fraction: number): void => {
    const owners = byOwned.get(entity);
    if (!owners) return;
    for (const [owner, pct] of owners) {
      if (stopped) return;
      if (onPath.has(owner)) continue;
      // This path would go deeper than allowed: it ends here, the other paths go on.
      if (pcts.length === options.maxDepth) {
        truncated = true;
        return;
      }
      if (count === maxChains) {
        truncated = stopped = true;
        return;
      }
      count++;
      path.push(owner);
      pcts.push(pct);
      onPath.add(owner);
      const share = fraction * (pct / 100);
      const chains = chainsOf.get(owner) ?? [];
      chains.push({ path: [...path].reverse(), pcts: [...pcts].reverse(), share: round4(share * 100) });
      chainsOf.set(owner, chains);
      shareOf.set(owner, (shareOf.get(owner) ?? 0) + share);
      walk(owner, share);
      onPath.delete(owner);
      pcts.pop();
      path.pop();
    }
  };
  walk(target, 1);

  const owners: BeneficialOwner[] = [];
  for (const [id, fraction] of shareOf) {
    // Compared rounded, so 0.5 × 0.5 is 25 for an inclusive threshold of 25 whatever the floating point says.
    const share = round4(fraction * 100);
    if (share < options.threshold) continue;
    if (options.ultimateOnly && byOwned.has(id)) continue;
    const chains = chainsOf.get(id)!.sort((a, b) => b.share - a.share || a.path.length - b.path.length || compare(a.path.join('\u0000'), b.path.join('\u0000')));
    owners.push({ id, share, chains, direct: chains.some((chain) => chain.path.length === 2) });
  }
  owners.sort((a, b) => b.share - a.share || compare(a.id, b.id));
  return { target, owners, truncated, maxDepth: options.maxDepth };
}
