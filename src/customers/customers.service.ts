import { Injectable } from '@nestjs/common';
import { decodeCursor, pageOf } from '../common/pagination/pagination';
import { AppError } from '../common/problem/app-error';
import { MatchModelProvider } from '../ingest/match-model.provider';
import { emailKey, normaliseEmail, normalisePhone, phoneKey } from '../resolution';
import { CustomersRepository } from './customers.repository';
import { CustomerSearchPage, CustomerSearchQuery } from './dto/customer-search.dto';
import { luceneQueryFor } from './lucene-query';

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly models: MatchModelProvider,
  ) {}

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
      const phone = normalisePhone(query.phone, this.models.current().settings.defaultCountry);
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
