import { Injectable } from '@nestjs/common';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';
import neo4j from 'neo4j-driver';
import { IDENTIFIER_KEY_PREFIX } from '../resolution';
import { CustomerSummary } from './dto/customer-search.dto';

export interface CustomerSearchCriteria {
  luceneQuery?: string;
  /** Blocking keys every match must hold (email, phone), built by the resolution engine. */
  keys: string[];
  /** Identifier value, upper-case letters and digits. */
  identifier?: string;
  birthDate?: string;
  skip: number;
  limit: number;
}

@Injectable()
export class CustomersRepository {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
  ) {}

  search(criteria: CustomerSearchCriteria): Promise<CustomerSummary[]> {
    const statement = criteria.luceneQuery ? 'customers/search-by-name' : 'customers/search-by-filters';
    return this.neo4j.readRows<CustomerSummary & Record<string, unknown>>(this.cypher.get(statement), {
      query: criteria.luceneQuery ?? null,
      keys: criteria.keys,
      identifierPrefix: IDENTIFIER_KEY_PREFIX,
      identifierSuffix: criteria.identifier ? `:${criteria.identifier}` : null,
      birthDate: criteria.birthDate ?? null,
      skip: neo4j.int(criteria.skip),
      limit: neo4j.int(criteria.limit),
    });
  }
}
