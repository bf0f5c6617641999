import { CurrentCustomer, reassign } from './reassignment';

const older = '2026-01-01T00:00:00Z';
const newer = '2026-06-01T00:00:00Z';

/** Where records stand before the re-resolution: each customer as [id, createdAt, ...its record keys]. */
function currentOf(...customers: Array<[string, string, ...string[]]>) {
  const table = new Map<string, CurrentCustomer>();
  for (const [id, createdAt, ...keys] of customers) for (const key of keys) table.set(key, { id, createdAt });
  return (key: string) => table.get(key);
}

describe('reassign (customer ids after a re-resolution)', () => {
  it('keeps the id most records had, the older customer on a tie, and gives a cluster of new records a new id', () => {
    const current = currentOf(['cus_a', newer, 'a1', 'a2'], ['cus_b', older, 'b1'], ['cus_c', newer, 'c1'], ['cus_d', older, 'd1']);
    const result = reassign([{ recordKeys: ['a1', 'a2', 'b1'] }, { recordKeys: ['c1', 'd1'] }, { recordKeys: ['n1'] }], current);
    const idOf = (first: string) => result.clusters.find((cluster) => cluster.recordKeys[0] === first)!;
    expect(idOf('a1')).toMatchObject({ customerId: 'cus_a', created: false });
    expect(idOf('c1')).toMatchObject({ customerId: 'cus_d', created: false });
    expect(idOf('n1').created).toBe(true);
    expect(idOf('n1').customerId).toMatch(/^cus_[0-9a-f]{32}$/);
    expect(result.moves).toEqual(
      expect.arrayContaining([
        { recordKey: 'b1', from: 'cus_b', to: 'cus_a' },
        { recordKey: 'c1', from: 'cus_c', to: 'cus_d' },
        { recordKey: 'n1', from: null, to: idOf('n1').customerId },
      ]),
    );
    expect(result.moves).toHaveLength(3);
    expect(result.emptied).toEqual(new Map([['cus_b', new Set(['cus_a'])], ['cus_c', new Set(['cus_d'])]]));
  });

  it('lets the larger cluster keep a split customer\'s id and says where an emptied customer\'s records went', () => {
    const current = currentOf(['cus_x', older, 'x1', 'x2', 'x3'], ['cus_p', newer, 'p1', 'p2'], ['cus_q', newer, 'q1', 'q2'], ['cus_y', older, 'y1', 'y2']);
    // x3 leaves; cus_y's records go one each to two customers that hold more of their own.
    const result = reassign([{ recordKeys: ['p1', 'p2', 'y1'] }, { recordKeys: ['q1', 'q2', 'y2'] }, { recordKeys: ['x1', 'x2'] }, { recordKeys: ['x3'] }], current);
    const idOf = (first: string) => result.clusters.find((cluster) => cluster.recordKeys[0] === first)!.customerId;
    expect(idOf('x1')).toBe('cus_x');
    expect(idOf('x3')).not.toBe('cus_x');
    expect(idOf('p1')).toBe('cus_p');
    expect(result.emptied).toEqual(new Map([['cus_y', new Set(['cus_p', 'cus_q'])]]));
  });
});
