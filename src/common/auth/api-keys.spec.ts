import { ApiKeyRegistry, presentedKeyFrom } from './api-keys';
import { roleAllows } from './roles';

describe('ApiKeyRegistry', () => {
  const registry = new ApiKeyRegistry('ingest-key-0123456789:ingest, analyst-key-0123456789:analyst');

  it('finds the role of a configured key and nothing for others', () => {
    expect(registry.authenticate('ingest-key-0123456789')?.role).toBe('ingest');
    expect(registry.authenticate('analyst-key-0123456789')?.role).toBe('analyst');
    expect(registry.authenticate('analyst-key-012345678')).toBeUndefined();
    expect(registry.authenticate(undefined)).toBeUndefined();
  });

  it('exposes a key id that is not the key', () => {
    const principal = registry.authenticate('ingest-key-0123456789')!;
    expect(principal.keyId).toHaveLength(12);
    expect('ingest-key-0123456789').not.toContain(principal.keyId);
  });

  it('reads X-API-Key and Bearer tokens', () => {
    expect(presentedKeyFrom({ 'x-api-key': 'abc' })).toBe('abc');
    expect(presentedKeyFrom({ authorization: 'Bearer xyz' })).toBe('xyz');
    expect(presentedKeyFrom({ authorization: 'Basic xyz' })).toBeUndefined();
  });

  it('lets admin do everything and others only what is named', () => {
    expect(roleAllows('admin', ['ingest'])).toBe(true);
    expect(roleAllows('ingest', ['ingest'])).toBe(true);
    expect(roleAllows('ingest', ['analyst'])).toBe(false);
  });
});
