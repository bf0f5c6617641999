import { jaroWinkler } from '../resolution/compare/jaro-winkler';

/** What the household rule reads of one resident: surname tokens and contact points from its records. */
export interface Resident {
  id: string;
  displayName: string | null;
  familyNames: string[];
  phones: string[];
  emails: string[];
}

export interface HouseholdMember {
  id: string;
  displayName: string | null;
  /** Why the member belongs: `surname`, `phone` or `email` shared with another member. */
  reasons: string[];
}

/** Kowalski and Kowalska, Smith and Smyth: one family name for the household rule. */
const SAME_SURNAME = 0.92;

function sharedSurname(a: Resident, b: Resident): boolean {
  return a.familyNames.some((x) => b.familyNames.some((y) => x === y || (x[0] === y[0] && jaroWinkler(x, y) >= SAME_SURNAME)));
}

function reasonsBetween(a: Resident, b: Resident): string[] {
  const reasons: string[] = [];
  if (sharedSurname(a, b)) reasons.push('surname');
  if (a.phones.some((phone) => b.phones.includes(phone))) reasons.push('phone');
  if (a.emails.some((email) => b.emails.includes(email))) reasons.push('email');
  return reasons;
}

/**
 * A household is the customers living at one address who share a surname or a contact point,
 * taken transitively (a parent shares the surname, the parent's partner shares the phone).
 * Flatmates with nothing else in common are not a household. Returns the members of the
 * household of `customerId`, itself included, or [] when it lives there alone in that sense.
 */
export function householdOf(customerId: string, residents: Resident[]): HouseholdMember[] {
  const byId = new Map(residents.map((resident) => [resident.id, resident]));
  if (!byId.has(customerId)) return [];
  const reasons = new Map<string, Set<string>>([[customerId, new Set()]]);
  const queue = [customerId];
  const reached = new Set(queue);
  while (queue.length > 0) {
    const current = byId.get(queue.shift()!)!;
    for (const other of residents) {
      if (other.id === current.id) continue;
      const shared = reasonsBetween(current, other);
      if (shared.length === 0) continue;
      for (const id of [current.id, other.id]) {
        const set = reasons.get(id) ?? new Set<string>();
        shared.forEach((reason) => set.add(reason));
        reasons.set(id, set);
      }
      if (!reached.has(other.id)) {
        reached.add(other.id);
        queue.push(other.id);
      }
    }
  }
  if (reached.size < 2) return [];
  return [...reached]
    .map((id) => ({ id, displayName: byId.get(id)!.displayName, reasons: [...reasons.get(id)!].sort() }))
    .sort((a, b) => (a.id === customerId ? -1 : b.id === customerId ? 1 : a.id.localeCompare(b.id)));
}
