import { createHash, timingSafeEqual } from 'node:crypto';
import { Principal, Role } from './roles';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The configured keys, kept only as hashes; lookups compare in constant time. */
export class ApiKeyRegistry {
  private readonly entries: Array<{ hash: Buffer; principal: Principal }>;

  constructor(spec: string | undefined) {
    this.entries = (spec ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const separator = part.lastIndexOf(':');
        const key = part.slice(0, separator);
        const role = part.slice(separator + 1) as Role;
        const hash = sha256(key);
        return { hash, principal: { keyId: hash.toString('hex').slice(0, 12), role } };
      });
  }

  get size(): number {
    return this.entries.length;
  }

  authenticate(presentedKey: string | undefined): Principal | undefined {
    if (!presentedKey) return undefined;
    const presented = sha256(presentedKey);
    let found: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.hash, presented)) found = entry.principal;
    }
    return found;
  }
}

/** `X-API-Key: k` or `Authorization: Bearer k`. */
export function presentedKeyFrom(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header;
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(authorization);
    if (match) return match[1].trim();
  }
  return undefined;
}
