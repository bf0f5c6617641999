import { effectiveOwnership } from './ownership';

describe('effective ownership', () => {
  const rowsOf = (edges: Array<[string, string, number]>, threshold?: number) =>
    effectiveOwnership(edges.map(([ownerEntityId, companyEntityId, pct]) => ({ ownerEntityId, companyEntityId, pct })), threshold).map((row) => `${row.ownerEntityId}>${row.companyEntityId}=${row.effectivePct}`);

  it('multiplies along chains and adds parallel chains', () => {
    const rows = rowsOf([['P', 'A', 100], ['A', 'B', 60], ['A', 'C', 40], ['B', 'D', 50], ['C', 'D', 50], ['D', 'E', 80]]);
    expect(rows).toEqual(expect.arrayContaining(['P>A=100', 'P>B=60', 'P>C=40', 'P>D=50', 'P>E=40', 'B>E=40']));
  });

  it('leaves out owners below the threshold', () => {
    expect(rowsOf([['P', 'A', 50], ['A', 'B', 40]])).toEqual(['P>A=50', 'A>B=40']);
    expect(rowsOf([['P', 'A', 50], ['A', 'B', 40]], 0)).toEqual(['P>A=50', 'P>B=20', 'A>B=40']);
  });

  it('stops a path where it would revisit a company, so cycles end', () => {
    const rows = rowsOf([['P', 'X', 100], ['X', 'Y', 10], ['Y', 'X', 5], ['X', 'Z', 70]], 0);
    expect(rows).toEqual(['P>X=100', 'P>Y=10', 'P>Z=70', 'X>Y=10', 'X>Z=70', 'Y>X=5', 'Y>Z=3.5']);
  });
});
