/** Disjoint sets over string ids, with path halving; the partition behind every resolution. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  add(id: string): void {
    if (!this.parent.has(id)) this.parent.set(id, id);
  }

  find(id: string): string {
    let node = id;
    let parent = this.parent.get(node);
    if (parent === undefined) {
      this.parent.set(node, node);
      return node;
    }
    while (parent !== node) {
      const grand = this.parent.get(parent)!;
      this.parent.set(node, grand);
      node = parent;
      parent = this.parent.get(node)!;
    }
    return node;
  }

  /** Joins the two sets; the smaller root id becomes the root so results do not depend on call order. */
  union(a: string, b: string): string {
    const [rootA, rootB] = [this.find(a), this.find(b)];
    if (rootA === rootB) return rootA;
    const [keep, drop] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(drop, keep);
    return keep;
  }

  groups(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const members = groups.get(root);
      if (members) members.push(id);
      else groups.set(root, [id]);
    }
    return groups;
  }
}

/**
 * Disjoint sets over the numbers 0 … size − 1, with path halving; the smaller number becomes the
 * root. resolveBatch numbers its units in the order of their names, so it roots a set where
 * UnionFind would, without hashing a string at every step.
 */
export class IndexUnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(index: number): number {
    const parent = this.parent;
    let node = index;
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  }

  union(a: number, b: number): number {
    const [rootA, rootB] = [this.find(a), this.find(b)];
    if (rootA === rootB) return rootA;
    const [keep, drop] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent[drop] = keep;
    return keep;
  }
}
