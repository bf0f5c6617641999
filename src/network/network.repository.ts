import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';

/** One neighbour found one hop out from a customer. */
export interface ExpansionRow {
  fromId: string;
  fromName: string | null;
  toId: string;
  toName: string | null;
  /** RELATED_TO, REFERRED_BY, or the identifier link (HAS_PHONE, …). */
  link: string;
  relationshipType: string | null;
  /** For relationships and referrals: the edge points from the `from` customer's record. */
  outgoing: boolean;
  properties: Record<string, unknown>;
  viaLabel: string | null;
  viaValue: string | null;
  viaRecords: number;
}

export interface ExpansionFilter {
  /** Relationship types to follow; null for all. */
  relationshipTypes: string[] | null;
  referrals: boolean;
  /** HAS_EMAIL, HAS_PHONE, … to cross. */
  identifierLinks: string[];
  /** out: edges the customer's records disclose; in: edges pointing at them; both. */
  direction: 'both' | 'out' | 'in';
  fanOut: number;
  hubDegree: number;
  limit: number;
}

export interface ResolvedCustomer {
  id: string;
  status: string;
  activeId: string | null;
  displayName: string | null;
}

export interface HouseholdResidents {
  address: { value: string; postcode: string; number: string; street: string; locality: string; country: string };
  residents: Array<{ id: string; displayName: string | null; normalised: string[] }>;
}

export interface SharedIdentifierRow {
  type: string;
  value: string;
  customers: number;
  members: Array<{ id: string; displayName: string | null }>;
}

/** All database access of the network module; returns plain objects. */
@Injectable()
export class NetworkRepository {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
  ) {}

  async resolveCustomer(id: string): Promise<ResolvedCustomer | undefined> {
    const [row] = await this.neo4j.readRows<ResolvedCustomer & Record<string, unknown>>(this.cypher.get('network/resolve-customer'), { id });
    return row;
  }

  expand(customerIds: string[], filter: ExpansionFilter): Promise<ExpansionRow[]> {
    return this.neo4j.readRows<ExpansionRow & Record<string, unknown>>(this.cypher.get('network/expand-customers'), {
      customerIds,
      relationshipTypes: filter.relationshipTypes,
      referrals: filter.referrals,
      identifierLinks: filter.identifierLinks,
      direction: filter.direction,
      fanOut: neo4j.int(filter.fanOut),
      hubDegree: neo4j.int(filter.hubDegree),
      limit: neo4j.int(filter.limit),
    });
  }

  async householdResidents(customerId: string, maxResidents: number): Promise<HouseholdResidents | undefined> {
    const [row] = await this.neo4j.readRows(this.cypher.get('network/household-residents'), { id: customerId, maxResidents: neo4j.int(maxResidents) });
    if (!row) return undefined;
    const { address, postcode, number, street, locality, country, residents } = row as Record<string, unknown>;
    return {
      address: { value: address, postcode, number, street, locality, country } as HouseholdResidents['address'],
      residents: residents as HouseholdResidents['residents'],
    };
  }

  sharedIdentifiers(types: string[], minCustomers: number, memberLimit: number, skip: number, limit: number): Promise<SharedIdentifierRow[]> {
    return this.neo4j.readRows<SharedIdentifierRow & Record<string, unknown>>(this.cypher.get('network/shared-identifiers'), {
      types,
      minCustomers: neo4j.int(minCustomers),
      memberLimit: neo4j.int(memberLimit),
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    });
  }

  topReferrers(limit: number): Promise<Array<{ id: string; displayName: string | null; referrals: number }>> {
    return this.neo4j.readRows(this.cypher.get('network/top-referrers'), { limit: neo4j.int(limit) });
  }

  async anchorRecords(customerIds: string[]): Promise<Map<string, string>> {
    const rows = await this.neo4j.readRows<{ customerId: string; recordKey: string }>(this.cypher.get('network/read-anchor-records'), { customerIds });
    return new Map(rows.map((row) => [row.customerId, row.recordKey]));
  }

  async recordCustomers(keys: string[]): Promise<Map<string, string | null>> {
    const rows = await this.neo4j.readRows<{ recordKey: string; customerId: string | null }>(this.cypher.get('network/read-record-customers'), { keys });
    return new Map(rows.map((row) => [row.recordKey, row.customerId]));
  }

  async addRelationship(edge: {
    fromKey: string;
    toKey: string;
    type: string;
    ownershipPct: number | null;
    since: string | null;
    source: string;
    assertedBy: string;
    now: string;
  }): Promise<boolean> {
    const [row] = await this.neo4j.writeRows<{ stored: number }>(this.cypher.get('network/add-relationship'), edge);
    return (row?.stored ?? 0) > 0;
  }
}
