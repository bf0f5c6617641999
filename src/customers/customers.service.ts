import { Injectable } from '@nestjs/common';
import { decodeCursor, pageOf } from '../common/pagination/pagination';
import { AppError } from '../common/problem/app-error';
import { MatchModelProvider } from '../ingest/match-model.provider';
import { decodeGolden, emailKey, GoldenRecord, normaliseEmail, normalisePhone, phoneKey } from '../resolution';
import { CustomersRepository } from './customers.repository';
import { CustomerProfileDto, ErasureResultDto, MergedCustomerDto } from './dto/customer-profile.dto';
import { LiveUpdates } from '../live/live-updates.service';
import { summariseEvents } from './profile-summary';
import { CustomerSearchPage, CustomerSearchQuery } from './dto/customer-search.dto';
import { luceneQueryFor } from './lucene-query';

/** Events read per profile: the newest ones; enough for the 90-day windows of any real customer. */
const PROFILE_MAX_EVENTS = 5000;

function ageAt(birthDate: string | null, moment: string): number | null {
  if (!birthDate || birthDate.length < 10) return null;
  const [year, month, day] = birthDate.split('-').map(Number);
  const now = new Date(moment);
  const beforeBirthday = now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  return now.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly models: MatchModelProvider,
    private readonly live: LiveUpdates,
  ) {}

  /**
   * The 360 profile of an active customer; a merged id answers where its records went (the
   * controller turns that into a 308 redirect), an unknown or retired one 404.
   */
  async profile(id: string, asOf: string | undefined): Promise<CustomerProfileDto | MergedCustomerDto> {
    const stored = await this.customers.readProfile(id, PROFILE_MAX_EVENTS);
    if (!stored || (stored.status !== 'ACTIVE' && !stored.survivorId)) throw AppError.notFound(`No customer ${id}`);
    if (stored.status !== 'ACTIVE') return { id: stored.id, status: 'MERGED', mergedInto: stored.survivorId! };
    const golden: Partial<GoldenRecord> = decodeGolden(stored.golden) ?? {};
    const moment = asOf ? new Date(asOf).toISOString() : new Date().toISOString();
    const { displayName: _displayName, nameVariants: _variants, recordCount: _count, ...attributes } = golden;
    const events = summariseEvents(stored.events, { relationships: stored.relationships, referralsMade: stored.referralsMade, referredBy: stored.referredBy }, moment);
    const birthDate = golden.birthDate?.value ?? null;
    return {
      id: stored.id,
      status: stored.status,
      displayName: stored.displayName,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      attributes,
      records: stored.records,
      dimensions: {
        demography: { name: golden.name?.value.full ?? null, birthDate, age: ageAt(birthDate, moment), gender: golden.gender?.value ?? null },
        geography: {
          current: golden.addresses?.[0]?.value ?? null,
          addresses: golden.addresses?.length ?? 0,
          countries: [...new Set((golden.addresses ?? []).map((address) => address.value.country).filter(Boolean))].sort(),
        },
        ...events,
      },
      asOf: moment,
      eventsRead: stored.events.length,
    };
  }

  /** Removes the customer and everything that came from its records; a merged id is refused (erase the survivor). */
  async erase(id: string): Promise<ErasureResultDto> {
    const erased = await this.customers.erase(id);
    if (!erased) throw AppError.notFound(`No active customer ${id}`);
    this.live.publish([{ type: 'customer.erased', customerId: id }]);
    return { customerId: id, erased };
  }

  async search(query: CustomerSearchQuery): Promise<CustomerSearchPage> {
    const luceneQuery = query.q === undefined ? undefined : luceneQueryFor(query.q);
    if (query.q !== undefined && luceneQuery === undefined) {
      throw AppError.validation([{ field: 'q', reason: 'must contain at least one letter or digit' }]);
    }
    const offset = decodeCursor(query.cursor);
    // Filters are normalised exactly as records are, so any spelling of an email or phone finds them.
    const keys: string[] = [];
    if (query.email !== undefined) {
      const email = normaliseEmail(query.email);
      if (!email) throw AppError.validation([{ field: 'email', reason: 'must be an email address' }]);
      keys.push(emailKey(email));
    }
    if (query.phone !== undefined) {
      const { defaultCountry, phoneCountries } = this.models.current().settings;
      const phone = normalisePhone(query.phone, defaultCountry, phoneCountries);
      if (!phone) throw AppError.validation([{ field: 'phone', reason: 'must be a phone number' }]);
      keys.push(phoneKey(phone));
    }
    const identifier = query.identifier?.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (identifier !== undefined && identifier.length < 3) throw AppError.validation([{ field: 'identifier', reason: 'must have at least 3 letters or digits' }]);
    const rows = await this.customers.search({
      luceneQuery,
      keys,
      identifier,
      birthDate: query.birthDate,
      skip: offset,
      limit: query.limit + 1,
    });
    return pageOf(rows, offset, query.limit);
  }
}
