import { computeBeneficialOwners, OwnershipEdge } from './beneficial-owners';

const edge = (owner: string, owned: string, pct: number): OwnershipEdge => ({ owner, owned, pct });
const shares = (result: { owners: Array<{ id: string; share: number }> }) => Object.fromEntries(result.owners.map((owner) => [owner.id, owner.share]));

describe('beneficial owners', () => {
  const chain = [edge('P', 'H', 60), edge('H', 'T', 50)];

  it('multiplies the holdings along a chain: 60% of 50% is 30%', () => {
    const result = computeBeneficialOwners('T', chain, { threshold: 0, maxDepth: 10 });
    expect(result).toEqual({
      target: 'T',
      truncated: false,
      maxDepth: 10,
      owners: [
        { id: 'H', share: 50, direct: true, chains: [{ path: ['H', 'T'], pcts: [50], share: 50 }] },
        { id: 'P', share: 30, direct: false, chains: [{ path: ['P', 'H', 'T'], pcts: [60, 50], share: 30 }] },
      ],
    });
  });

  it('lists the 30% owner at a threshold of 25 and not at 35', () => {
    expect(shares(computeBeneficialOwners('T', chain, { threshold: 25, maxDepth: 10 }))).toEqual({ H: 50, P: 30 });
    expect(shares(computeBeneficialOwners('T', chain, { threshold: 35, maxDepth: 10 }))).toEqual({ H: 50 });
  });

  it('counts the threshold inclusively, even where floating point lands just under it', () => {
    // 0.2 × 0.7 × 100 is 13.999999999999998 in floating point.
    const edges = [edge('A', 'B', 20), edge('B', 'T', 70)];
    expect(shares(computeBeneficialOwners('T', edges, { threshold: 14, maxDepth: 5 }))).toEqual({ B: 70, A: 14 });
    expect(shares(computeBeneficialOwners('T', edges, { threshold: 14.0001, maxDepth: 5 }))).toEqual({ B: 70 });
    expect(shares(computeBeneficialOwners('T', [edge('A', 'T', 25)], { threshold: 25, maxDepth: 5 }))).toEqual({ A: 25 });
  });

  it('adds up parallel chains: 40% × 100% and 20% direct make 60%', () => {
    const result = computeBeneficialOwners('T', [edge('A', 'B', 40), edge('B', 'T', 100), edge('A', 'T', 20)], { threshold: 0, maxDepth: 10 });
    const owner = result.owners.find((candidate) => candidate.id === 'A')!;
    expect(owner.share).toBe(60);
    expect(owner.direct).toBe(true);
    expect(owner.chains).toEqual([
      { path: ['A', 'B', 'T'], pcts: [40, 100], share: 40 },
      { path: ['A', 'T'], pcts: [20], share: 20 },
    ]);
    expect(result.owners.map((candidate) => candidate.id)).toEqual(['B', 'A']);
  });

  it('ends on a circular holding and counts simple paths only', () => {
    const result = computeBeneficialOwners('T', [edge('A', 'B', 50), edge('B', 'A', 50), edge('B', 'T', 100)], { threshold: 0, maxDepth: 10 });
    expect(shares(result)).toEqual({ B: 100, A: 50 });
    expect(result.truncated).toBe(false);
    expect(result.owners[1].chains).toEqual([{ path: ['A', 'B', 'T'], pcts: [50, 100], share: 50 }]);
  });

  it('does not count the target among its own owners when it holds a share of an owner', () => {
    const result = computeBeneficialOwners('T', [edge('A', 'T', 60), edge('T', 'A', 10)], { threshold: 0, maxDepth: 10 });
    expect(shares(result)).toEqual({ A: 60 });
  });

  it('adds up both sides of a diamond', () => {
    // U holds X 50% and Y 50%; X holds T 30%, Y holds T 70%: U has 15% + 35%.
    const edges = [edge('U', 'X', 50), edge('U', 'Y', 50), edge('X', 'T', 30), edge('Y', 'T', 70)];
    const result = computeBeneficialOwners('T', edges, { threshold: 0, maxDepth: 10 });
    expect(shares(result)).toEqual({ Y: 70, U: 50, X: 30 });
    const top = result.owners.find((owner) => owner.id === 'U')!;
    expect(top.direct).toBe(false);
    expect(top.chains.map((found) => [found.path.join('>'), found.share])).toEqual([
      ['U>Y>T', 35],
      ['U>X>T', 15],
    ]);
  });

  it('stops a chain at maxDepth hops and says the result is truncated', () => {
    const edges = [edge('D', 'C', 100), edge('C', 'B', 100), edge('B', 'A', 100), edge('A', 'T', 100)];
    const capped = computeBeneficialOwners('T', edges, { threshold: 0, maxDepth: 2 });
    expect(shares(capped)).toEqual({ A: 100, B: 100 });
    expect(capped.truncated).toBe(true);
    expect(capped.maxDepth).toBe(2);
    const exact = computeBeneficialOwners('T', edges, { threshold: 0, maxDepth: 4 });
    expect(shares(exact)).toEqual({ A: 100, B: 100, C: 100, D: 100 });
    expect(exact.truncated).toBe(false);
  });

  it('goes on with other paths after one is cut at maxDepth', () => {
    const edges = [edge('B', 'A', 100), edge('C', 'B', 100), edge('Z', 'T', 10), edge('A', 'T', 90)];
    const result = computeBeneficialOwners('T', edges, { threshold: 0, maxDepth: 2 });
    expect(shares(result)).toEqual({ A: 90, B: 90, Z: 10 });
    expect(result.truncated).toBe(true);
  });

  it('stops after maxChains chains and says the result is truncated', () => {
    const edges = Array.from({ length: 5 }, (_, index) => edge(`O${index}`, 'T', 10));
    const result = computeBeneficialOwners('T', edges, { threshold: 0, maxDepth: 3, maxChains: 3 });
    expect(result.owners).toHaveLength(3);
    expect(result.truncated).toBe(true);
    expect(computeBeneficialOwners('T', edges, { threshold: 0, maxDepth: 3, maxChains: 5 }).truncated).toBe(false);
  });

  it('keeps only owners nobody owns when ultimateOnly is set', () => {
    const edges = [edge('P', 'H', 60), edge('H', 'T', 50), edge('Q', 'T', 50)];
    const result = computeBeneficialOwners('T', edges, { threshold: 25, maxDepth: 10, ultimateOnly: true });
    expect(shares(result)).toEqual({ Q: 50, P: 30 });
    expect(result.owners.map((owner) => owner.id)).toEqual(['Q', 'P']);
  });

  it('sums several edges between one pair, capped at 100, and ignores zero, negative and self holdings', () => {
    const edges = [edge('A', 'T', 30), edge('A', 'T', 25), edge('B', 'C', 80), edge('B', 'C', 40), edge('C', 'T', 10), edge('D', 'T', 0), edge('E', 'T', -5), edge('T', 'T', 100)];
    const result = computeBeneficialOwners('T', edges, { threshold: 0, maxDepth: 5 });
    expect(shares(result)).toEqual({ A: 55, C: 10, B: 10 });
    expect(result.owners.find((owner) => owner.id === 'B')!.chains[0].pcts).toEqual([100, 10]);
  });

  it('answers no owners for a target nobody holds', () => {
    expect(computeBeneficialOwners('T', [edge('A', 'B', 100)], { threshold: 0, maxDepth: 5 })).toEqual({ target: 'T', owners: [], truncated: false, maxDepth: 5 });
  });

  it('sorts owners of equal share by id', () => {
    const result = computeBeneficialOwners('T', [edge('b', 'T', 30), edge('a', 'T', 30), edge('c', 'T', 40)], { threshold: 0, maxDepth: 5 });
    expect(result.owners.map((owner) => owner.id)).toEqual(['c', 'a', 'b']);
  });

  it('refuses options out of range', () => {
    expect(() => computeBeneficialOwners('T', [], { threshold: 120, maxDepth: 5 })).toThrow(RangeError);
    expect(() => computeBeneficialOwners('T', [], { threshold: 25, maxDepth: 0 })).toThrow(/maxDepth/);
    expect(() => computeBeneficialOwners('T', [], { threshold: 25, maxDepth: 5, maxChains: 0 })).toThrow(/maxChains/);
  });
});
