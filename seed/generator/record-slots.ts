import { ageOf, epochOf, OBSERVATION_END, OBSERVATION_START } from './birth-dates';
import { SOURCE_SYSTEMS, SourceSystem } from './canonical-record';
import { SeededRandom } from './random';
import { SYSTEM_PROFILES } from './source-systems';
import { OrganisationTruth, PersonTruth, RecordSlot } from './truth-model';
import { WeightedTable } from './weighted-table';

const SYSTEM_COUNT = new WeightedTable([[1, 30], [2, 30], [3, 22], [4, 12], [5, 6]] as const);
const ORGANISATION_SYSTEM_COUNT = new WeightedTable([[1, 40], [2, 35], [3, 20], [4, 5]] as const);
const YEAR_MS = 365.25 * 86_400_000;
/** Share of people with a second record in one system (signed up twice, a second account). */
const DUPLICATE_IN_SYSTEM_RATE = 0.03;

/**
 * Decides which systems know each entity, with which sourceIds and when they last saw it.
 * Movers get one more record dated after the move, with the new address.
 */
export class RecordSlotPlanner {
  private readonly serials = new Map<SourceSystem, number>(SOURCE_SYSTEMS.map((system) => [system, 0]));
  private ordinal = 0;

  planPerson(person: PersonTruth, random: SeededRandom): void {
    const age = ageOf(person.birth);
    // children appear where parents open accounts for them; teenagers also shop online
    const allowed: readonly SourceSystem[] = age < 16 ? ['core_banking', 'loyalty'] : age < 18 ? ['core_banking', 'ecommerce', 'loyalty'] : SOURCE_SYSTEMS;
    const count = age < 16 ? 1 : age < 18 ? random.between(1, 2) : SYSTEM_COUNT.pick(random);
    const systems = this.distinctSystems(allowed, count, (system) => SYSTEM_PROFILES[system].popularity, random);
    const earliest = Math.max(OBSERVATION_START, epochOf(person.birth) + Math.min(age, 16) * YEAR_MS);
    for (const system of systems) person.slots.push(this.slot(system, earliest, OBSERVATION_END, random));
    if (random.chance(DUPLICATE_IN_SYSTEM_RATE)) person.slots.push(this.slot(random.pick(systems), earliest, OBSERVATION_END, random));
    if (person.movedAt !== undefined) person.slots.push(this.slot(random.pick(systems), Math.max(earliest, person.movedAt), OBSERVATION_END, random));
  }

  planOrganisation(organisation: OrganisationTruth, random: SeededRandom): void {
    const allowed = SOURCE_SYSTEMS.filter((system) => SYSTEM_PROFILES[system].organisationPopularity > 0);
    const systems = this.distinctSystems(allowed, ORGANISATION_SYSTEM_COUNT.pick(random), (system) => SYSTEM_PROFILES[system].organisationPopularity, random);
    for (const system of systems) organisation.slots.push(this.slot(system, OBSERVATION_START, OBSERVATION_END, random));
  }

  private slot(system: SourceSystem, from: number, to: number, random: SeededRandom): RecordSlot {
    const serial = this.serials.get(system)! + 1;
    this.serials.set(system, serial);
    // whole seconds, so every observedAt is written the same way
    const observedAt = Math.floor((from + random.next() * Math.max(0, to - from)) / 1000) * 1000;
    return { system, sourceId: SYSTEM_PROFILES[system].sourceId(serial), observedAt, ordinal: this.ordinal++ };
  }

  private distinctSystems(allowed: readonly SourceSystem[], count: number, weight: (system: SourceSystem) => number, random: SeededRandom): SourceSystem[] {
    const remaining = [...allowed];
    const chosen: SourceSystem[] = [];
    while (chosen.length < count && remaining.length > 0) {
      const picked = new WeightedTable(remaining.map((system) => [system, weight(system)] as const)).pick(random);
      chosen.push(picked);
      remaining.splice(remaining.indexOf(picked), 1);
    }
    return chosen;
  }
}
