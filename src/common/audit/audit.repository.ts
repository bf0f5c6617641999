import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../../neo4j/cypher-registry';
import { Neo4jService } from '../../neo4j/neo4j.service';

/** An audit event as stored: parameters as JSON text. */
export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  parameters: string;
  resultCount: number;
}

export interface AuditFilter {
  action: string | null;
  actor: string | null;
  target: string | null;
  from: string | null;
  to: string | null;
  skip: number;
  limit: number;
}

/** All database access of the audit trail; returns plain objects. */
@Injectable()
export class AuditRepository {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
  ) {}

  async append(rows: AuditRow[]): Promise<void> {
    await this.neo4j.writeRows(this.cypher.get('audit/record-audit-events'), { events: rows });
  }

  list(filter: AuditFilter): Promise<AuditRow[]> {
    return this.neo4j.readRows<AuditRow & Record<string, unknown>>(this.cypher.get('audit/list-audit-events'), {
      ...filter,
      skip: neo4j.int(filter.skip),
      limit: neo4j.int(filter.limit),
    });
  }
}
