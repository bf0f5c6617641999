import { Injectable } from '@nestjs/common';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';
import neo4j from 'neo4j-driver';
import { IDENTIFIER_KEY_PREFIX } from '../resolution';
import { ProfileRecordDto } from './dto/customer-profile.dto';
import { CustomerSummary } from './dto/customer-search.dto';
import { ProfileEvent } from './profile-summary';

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

/** What read-profile returns: the customer, its records and its events, as plain values. */
export interface StoredProfile {
  id: string;
  status: string;
  displayName: string | null;
  golden: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  survivorId: string | null;
  records: ProfileRecordDto[];
  events: ProfileEvent[];
  relationships: number;
  referralsMade: number;
  referredBy: number;
}

export interface ErasureCounts {
  sourceRecords: number;
  events: number;
  reviewTasks: number;
  identifiers: number;
  mergedIds: number;
}

@Injectable()
export class CustomersRepository {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
  ) {}

  async readProfile(id: string, maxEvents: number): Promise<StoredProfile | undefined> {
    const [row] = await this.neo4j.readRows<StoredProfile & Record<string, unknown>>(this.cypher.get('customers/read-profile'), { id, maxEvents: neo4j.int(maxEvents) });
    return row;
  }

  async erase(id: string): Promise<ErasureCounts | undefined> {
    const [row] = await this.neo4j.writeRows<ErasureCounts & Record<string, unknown>>(this.cypher.get('customers/erase-customer'), { id });
    return row;
  }

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
