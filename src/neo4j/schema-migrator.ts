import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '../config/project-root';
import { listCypherFiles } from './cypher-registry';
import { Neo4jService } from './neo4j.service';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies `cypher/schema/NNNN-*.cypher` in order, each once, and records it as a
 * (:SchemaMigration) node. Statements use IF NOT EXISTS, so replicas starting together are safe.
 */
@Injectable()
export class SchemaMigrator {
  private readonly logger = new Logger('SchemaMigrator');

  constructor(
    @Inject(Neo4jService) private readonly neo4j: Neo4jService,
    private readonly directory = join(projectRoot(), 'cypher', 'schema'),
  ) {}

  async migrate(): Promise<MigrationReport> {
    await this.neo4j.runAutoCommit(
      'CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE',
    );
    const done = new Map(
      (await this.neo4j.readRows<{ version: string; checksum: string }>('MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum')).map(
        (row) => [row.version, row.checksum],
      ),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const file of listCypherFiles(this.directory)) {
      const name = basename(file, '.cypher');
      const version = name.split('-')[0];
      const text = readFileSync(file, 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const recorded = done.get(version);
      if (recorded !== undefined) {
        if (recorded !== checksum) {
          throw new Error(`Schema migration ${name} was changed after it was applied; add a new numbered file instead`);
        }
        report.alreadyApplied.push(name);
        continue;
      }
      for (const statement of splitStatements(text)) await this.neo4j.runAutoCommit(statement);
      await this.neo4j.writeRows(
        'MERGE (m:SchemaMigration {version: $version}) ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()',
        { version, name, checksum },
      );
      report.applied.push(name);
    }
    this.logger.log(`schema: ${report.applied.length} migration(s) applied, ${report.alreadyApplied.length} already in place`);
    return report;
  }
}

/** Statements end with `;` at the end of a line; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
