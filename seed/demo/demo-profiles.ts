import { stripDiacritics } from '../generator/text-folding';
import { CanonicalAddress, CanonicalRecord, GeneratedRecord, RecordReference } from '../generator/canonical-record';

/** What the demo needs to remember about one generated entity: where its records are and one clean-looking view of it. */
export interface EntityProfile {
  entityId: string;
  type: 'person' | 'organization';
  records: RecordReference[];
  given?: string;
  middle?: string;
  family?: string;
  /** The birth date most of its records agree on (records carry day/month swaps and off-by-ones). */
  birthDate?: string;
  birthDateVotes?: Record<string, number>;
  address?: CanonicalAddress;
  /** Organisations only: the name and registration number as the first records that had them wrote them. */
  organisationName?: string;
  registrationNumber?: string;
}

/** Entities in order of first appearance, so anything drawn from them is deterministic. */
export class EntityProfiles {
  private readonly byEntity = new Map<string, EntityProfile>();

  add({ system, record, entityId }: GeneratedRecord): void {
    let profile = this.byEntity.get(entityId);
    if (!profile) {
      profile = { entityId, type: record.type, records: [] };
      this.byEntity.set(entityId, profile);
    }
    profile.records.push({ system, sourceId: record.sourceId });
    if (record.type === 'person') absorbPerson(profile, record);
    else absorbOrganisation(profile, record);
  }

  get(entityId: string): EntityProfile | undefined {
    return this.byEntity.get(entityId);
  }

  all(): EntityProfile[] {
    return [...this.byEntity.values()];
  }

  people(): EntityProfile[] {
    return this.all().filter((profile) => profile.type === 'person');
  }

  /** People with a given name, a family name, a full birth date and an address: the ones a registry or watchlist could name. */
  nameablePeople(): EntityProfile[] {
    return this.people().filter((profile) => profile.given && profile.family && profile.birthDate && profile.address);
  }

  organisations(): EntityProfile[] {
    return this.all().filter((profile) => profile.type === 'organization');
  }
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Keeps the first complete name seen (records carry noise, the first full one is as good as any) and the majority birth date. */
function absorbPerson(profile: EntityProfile, record: CanonicalRecord): void {
  if (record.name.given && record.name.family && (!profile.given || restoresDiacritics(profile, record.name.given, record.name.family))) {
    profile.given = record.name.given;
    profile.middle = record.name.middle;
    profile.family = record.name.family;
  }
  if (record.birthDate && FULL_DATE.test(record.birthDate)) {
    const votes = (profile.birthDateVotes ??= {});
    votes[record.birthDate] = (votes[record.birthDate] ?? 0) + 1;
    // ties keep the earlier date, so the choice does not depend on anything but record order
    if (!profile.birthDate || votes[record.birthDate] > votes[profile.birthDate]) profile.birthDate = record.birthDate;
  }
  if (!profile.address && record.addresses?.length) profile.address = record.addresses[0];
}

const NON_ASCII = /[^\u0000-\u007f]/;
const folded = (text: string) => stripDiacritics(text).toLowerCase();

/** ASCII-only systems fold "Jesús" to "Jesus"; where another record has the accents, that is the true spelling. */
function restoresDiacritics(profile: EntityProfile, given: string, family: string): boolean {
  if (!NON_ASCII.test(given + family) || NON_ASCII.test(profile.given! + profile.family!)) return false;
  return folded(given) === folded(profile.given!) && folded(family) === folded(profile.family!);
}

function absorbOrganisation(profile: EntityProfile, record: CanonicalRecord): void {
  if (!profile.organisationName && record.organization?.name) profile.organisationName = record.organization.name;
  if (!profile.registrationNumber && record.organization?.registrationNumber) profile.registrationNumber = record.organization.registrationNumber;
  if (!profile.address && record.addresses?.length) profile.address = record.addresses[0];
}
