import { StoredRecordCache } from './stored-record-cache';

const text = (given: string) => JSON.stringify({ key: 'crm:1', given: [given] });

describe('StoredRecordCache', () => {
  it('hands back the same parsed record while the stored text is the same, and parses a changed text again', () => {
    const cache = new StoredRecordCache(10);
    const first = cache.parse('crm:1', text('ANNA'));
    expect(first).toEqual({ key: 'crm:1', given: ['ANNA'] });
    // A new string with the same content, as each read from the graph brings.
    expect(cache.parse('crm:1', `${text('ANNA')}`.slice(0))).toBe(first);
    const changed = cache.parse('crm:1', text('ANNE'));
    expect(changed).not.toBe(first);
    expect(changed).toEqual({ key: 'crm:1', given: ['ANNE'] });
    expect(cache.parse('crm:1', text('ANNE'))).toBe(changed);
    expect(cache.size).toBe(1);
  });

  it('keeps at most its capacity, dropping the least recently used record', () => {
    const cache = new StoredRecordCache(2);
    const a = cache.parse('a', '{"key":"a"}');
    const b = cache.parse('b', '{"key":"b"}');
    expect(cache.parse('a', '{"key":"a"}')).toBe(a); // a is now the most recently used
    cache.parse('c', '{"key":"c"}');
    expect(cache.size).toBe(2);
    expect(cache.parse('a', '{"key":"a"}')).toBe(a);
    expect(cache.parse('b', '{"key":"b"}')).not.toBe(b);
  });

  it('keeps nothing with capacity 0', () => {
    const cache = new StoredRecordCache(0);
    const a = cache.parse('a', '{"key":"a"}');
    expect(cache.parse('a', '{"key":"a"}')).not.toBe(a);
    expect(cache.size).toBe(0);
  });
});
