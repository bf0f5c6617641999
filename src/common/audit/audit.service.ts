import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CypherRegistry } from '../../neo4j/cypher-registry';
import { Neo4jService } from '../../neo4j/neo4j.service';
import { Principal } from '../auth/roles';

export interface AuditEntry {
  /** What was done, as `area.verb`: `network.neighbourhood`, `relationship.add`, … */
  action: string;
  /** The customer or object acted on, by id (never a name or another personal value). */
  target: string | null;
  /** The query's options (depth, types, limits), without personal data. */
  parameters: Record<string, unknown>;
  resultCount: number;
}

/**
 * Who did what and when, kept in the graph as `AuditEvent` nodes. The write is awaited before
 * the answer goes out, so every answered analyst request has its audit event.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
  ) {}

  async record(principal: Principal, entry: AuditEntry): Promise<void> {
    await this.neo4j.writeRows(this.cypher.get('audit/record-audit-event'), {
      id: randomUUID(),
      at: new Date().toISOString(),
      actor: `api-key:${principal.keyId}`,
      role: principal.role,
      action: entry.action,
      target: entry.target,
      parameters: JSON.stringify(entry.parameters),
      resultCount: entry.resultCount,
    });
  }
}
