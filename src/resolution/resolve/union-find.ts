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
