import { AddressBook } from './address-book';
import { GeneratedRecord, SOURCE_SYSTEMS, SourceSystem } from './canonical-record';
import { EmailAddressBook } from './email-addresses';
import { HOUSEHOLD_KINDS, HouseholdFactory, HouseholdKind } from './household-factory';
import { NoiseDice, NoiseTally } from './noise-dice';
import { NoiseRates, noiseRatesFrom } from './noise-rates';
import { IdentifierBook } from './official-identifiers';
import { OrganisationFactory } from './organisation-factory';
import { renderOrganisationRecord } from './organisation-record';
import { Employer, PersonFactory } from './person-factory';
import { RecordRandomness, renderPersonRecord } from './person-record';
import { PhoneBook } from './phone-numbers';
import { deriveSeed, SeededRandom } from './random';
import { RecentItems } from './recent-items';
import { RecordSlotPlanner } from './record-slots';
import { ShuffleBuffer } from './shuffle-buffer';
import { EntityTruth, RecordSlot } from './truth-model';

export interface GenerationOptions {
  /** Number of real people; organisations (about 5 % of entities) come on top. */
  people: number;
  seed: number;
  noise?: Partial<NoiseRates>;
  /** Records held back to scatter each person's records through the output (default 16,384). */
  shuffleBufferSize?: number;
}

export interface GenerationCounts {
  people: number;
  organisations: number;
  households: Record<HouseholdKind, number>;
  records: number;
  recordsBySystem: Record<SourceSystem, number>;
}

/** One organisation for every 19 people: organisations are about 5 % of all entities. */
const PEOPLE_PER_ORGANISATION = 19;
const REFERRAL_RATE = 0.05;

// Independent streams: the population, the shuffle, and each record's habits, noise rolls and noise details.
const STREAM = { population: 1, shuffle: 2, habits: 3, noiseRolls: 4, noiseDetail: 5, books: 6 } as const;

/**
 * One generation run: households and organisations are made one at a time, their records
 * rendered and passed through a shuffle buffer, so memory stays bounded whatever the size.
 */
export class DatasetRun {
  readonly rates: NoiseRates;
  readonly tally = new NoiseTally();
  readonly counts: GenerationCounts;
  private readonly population: SeededRandom;

  constructor(readonly options: GenerationOptions) {
    if (!Number.isSafeInteger(options.people) || options.people < 0) throw new Error(`people must be a non-negative integer, got ${options.people}`);
    if (!Number.isSafeInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
    this.rates = noiseRatesFrom(options.noise);
    this.population = new SeededRandom(deriveSeed(options.seed, STREAM.population));
    this.counts = {
      people: 0,
      organisations: 0,
      households: Object.fromEntries(HOUSEHOLD_KINDS.map((kind) => [kind, 0])) as Record<HouseholdKind, number>,
      records: 0,
      recordsBySystem: Object.fromEntries(SOURCE_SYSTEMS.map((system) => [system, 0])) as Record<SourceSystem, number>,
    };
  }

  /** All records, scattered; counts and the noise tally are complete when the iteration ends. */
  *records(): Generator<GeneratedRecord> {
    const buffer = new ShuffleBuffer<GeneratedRecord>(this.options.shuffleBufferSize ?? 16_384, new SeededRandom(deriveSeed(this.options.seed, STREAM.shuffle)));
    for (const record of this.recordsInEntityOrder()) {
      const leaving = buffer.push(record);
      if (leaving) yield this.counted(leaving);
    }
    for (const leaving of buffer.drain()) yield this.counted(leaving);
  }

  private counted(record: GeneratedRecord): GeneratedRecord {
    this.counts.records++;
    this.counts.recordsBySystem[record.system]++;
    return record;
  }

  private *recordsInEntityOrder(): Generator<GeneratedRecord> {
    const { seed, people } = this.options;
    const books = deriveSeed(seed, STREAM.books);
    const addresses = new AddressBook(books);
    const phones = new PhoneBook(books);
    const emails = new EmailAddressBook(people * 1.2);
    const identifiers = new IdentifierBook(books);
    const employers = new RecentItems<Employer>(64);
    const referrers = new RecentItems<readonly RecordSlot[]>(256);
    let entitySerial = 0;
    const nextEntityId = (prefix: string) => `${prefix}${String(++entitySerial).padStart(8, '0')}`;
    const households = new HouseholdFactory(new PersonFactory(emails, phones, identifiers, employers, () => nextEntityId('P')), addresses, phones);
    const organisations = new OrganisationFactory(books, addresses, phones, emails, identifiers);
    const slots = new RecordSlotPlanner();
    const random = this.population;

    while (this.counts.people < people) {
      const household = households.next(random, people - this.counts.people);
      this.counts.households[household.kind]++;
      this.counts.people += household.members.length;
      for (const member of household.members) {
        slots.planPerson(member, random);
        if (random.chance(REFERRAL_RATE)) member.referrerSlots = referrers.pick(random);
      }
      for (const member of household.members) {
        yield* this.render(member);
        referrers.remember(member.slots);
      }
      while (this.counts.organisations < Math.floor(this.counts.people / PEOPLE_PER_ORGANISATION)) {
        const organisation = organisations.create(nextEntityId('O'), random);
        this.counts.organisations++;
        slots.planOrganisation(organisation, random);
        employers.remember({ name: `${organisation.name} ${organisation.legalForm}`, domain: organisation.domain });
        yield* this.render(organisation);
      }
    }
  }

  private *render(entity: EntityTruth): Generator<GeneratedRecord> {
    for (const slot of entity.slots) {
      const random = this.randomnessFor(slot);
      const record = entity.kind === 'person' ? renderPersonRecord(entity, slot, random) : renderOrganisationRecord(entity, slot, random);
      yield { system: slot.system, record, entityId: entity.entityId };
    }
  }

  private randomnessFor(slot: RecordSlot): RecordRandomness {
    const { seed } = this.options;
    const rolls = new SeededRandom(deriveSeed(seed, STREAM.noiseRolls, slot.ordinal));
    const detail = new SeededRandom(deriveSeed(seed, STREAM.noiseDetail, slot.ordinal));
    return { habits: new SeededRandom(deriveSeed(seed, STREAM.habits, slot.ordinal)), dice: new NoiseDice(rolls, detail, this.rates, this.tally) };
  }
}
