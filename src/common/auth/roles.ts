export const ROLES = ['ingest', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller as the API sees it: which key (by a non-secret id) and with which role. */
export interface Principal {
  /** First characters of the key's SHA-256: safe to log and audit, useless to an attacker. */
  keyId: string;
  role: Role;
}

/** admin may do everything; other roles only what a route names. */
export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  return role === 'admin' || allowed.includes(role);
}
