import { Injectable } from '@nestjs/common';
import { decodeCursor, pageOf } from '../common/pagination/pagination';
import { AppError } from '../common/problem/app-error';
import { CustomersRepository } from './customers.repository';
import { CustomerSearchPage, CustomerSearchQuery } from './dto/customer-search.dto';
import { luceneQueryFor } from './lucene-query';

@Injectable()
export class CustomersService {
  constructor(private readonly customers: CustomersRepository) {}

  async search(query: CustomerSearchQuery): Promise<CustomerSearchPage> {
    const luceneQuery = query.q === undefined ? undefined : luceneQueryFor(query.q);
    if (query.q !== undefined && luceneQuery === undefined) {
      throw AppError.validation([{ field: 'q', reason: 'must contain at least one letter or digit' }]);
    }
    const offset = decodeCursor(query.cursor);
    const rows = await this.customers.search({
      luceneQuery,
      email: query.email?.trim().toLowerCase(),
      phone: query.phone?.replace(/[^\d+]/g, ''),
      identifier: query.identifier?.toUpperCase().replace(/[^A-Z0-9]/g, ''),
      birthDate: query.birthDate,
      skip: offset,
      limit: query.limit + 1,
    });
    return pageOf(rows, offset, query.limit);
  }
}
