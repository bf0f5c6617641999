/** One direct holding: `ownerEntityId` owns `pct` % of `companyEntityId`. */
export interface OwnershipEdge {
  ownerEntityId: string;
  companyEntityId: string;
  pct: number;
}

export interface EffectiveOwnership {
  ownerEntityId: string;
  companyEntityId: string;
  effectivePct: number;
}

/** Shares are compared after this much rounding, so 60 % × 50 % + 40 % × 50 % is exactly 50 %, not 49.999…. */
const DECIMALS = 4;

/**
 * Effective share of every owner in every company it reaches: multiplied along each chain,
 * added over parallel chains. A path stops where it would revisit a company, so cycles
 * (X owns Y owns X) count once and never loop. Rows below `thresholdPct` are left out.
 */
export function effectiveOwnership(edges: readonly OwnershipEdge[], thresholdPct = 25): EffectiveOwnership[] {
  const holdings = new Map<string, OwnershipEdge[]>();
  for (const edge of edges) holdings.set(edge.ownerEntityId, [...(holdings.get(edge.ownerEntityId) ?? []), edge]);

  const rows: EffectiveOwnership[] = [];
  for (const owner of holdings.keys()) {
    const shares = new Map<string, number>();
    walk(owner, 1, new Set([owner]), holdings, shares);
    for (const [company, share] of shares) {
      const effectivePct = Number((share * 100).toFixed(DECIMALS));
      if (effectivePct >= thresholdPct) rows.push({ ownerEntityId: owner, companyEntityId: company, effectivePct });
    }
  }
  return rows;
}

/** Depth-first over simple paths; `share` is the fraction held at `holder`. */
function walk(holder: string, share: number, onPath: Set<string>, holdings: Map<string, OwnershipEdge[]>, shares: Map<string, number>): void {
  for (const edge of holdings.get(holder) ?? []) {
    if (onPath.has(edge.companyEntityId)) continue;
    const reached = (share * edge.pct) / 100;
    shares.set(edge.companyEntityId, (shares.get(edge.companyEntityId) ?? 0) + reached);
    onPath.add(edge.companyEntityId);
    walk(edge.companyEntityId, reached, onPath, holdings, shares);
    onPath.delete(edge.companyEntityId);
  }
}
