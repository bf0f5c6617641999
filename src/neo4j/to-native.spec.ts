import neo4j, { DateTime, Integer } from 'neo4j-driver';
import { toNative } from './to-native';

describe('toNative', () => {
  it('turns Integers into numbers, and huge ones into strings', () => {
    expect(toNative(neo4j.int(42))).toBe(42);
    expect(toNative(Integer.fromString('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporals into ISO strings', () => {
    const at = DateTime.fromStandardDate(new Date('2026-11-01T10:00:00.000Z'));
    expect(toNative({ at })).toEqual({ at: '2026-11-01T10:00:00.000Z' });
    expect(toNative(new neo4j.types.Date(2026, 11, 1))).toBe('2026-11-01');
  });

  it('walks arrays and nested objects', () => {
    expect(toNative({ list: [neo4j.int(1), { n: neo4j.int(2) }], s: 'x', b: true, nil: null })).toEqual({
      list: [1, { n: 2 }],
      s: 'x',
      b: true,
      nil: null,
    });
  });
});
