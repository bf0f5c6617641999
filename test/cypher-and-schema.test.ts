import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root';
import { CypherRegistry } from '../src/neo4j/cypher-registry';
import { SchemaMigrator, splitStatements } from '../src/neo4j/schema-migrator';
import { appErrorFromNeo4j } from '../src/neo4j/neo4j-errors';
import { createTestApp, TestApp } from './support/test-app';

describe('cypher/ against a real Neo4j', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const registry = new CypherRegistry();

  it('has statements to check', () => {
    expect(registry.names().length).toBeGreaterThan(0);
  });

  it.each(registry.names())('EXPLAIN %s plans without error', async (name) => {
    const rows = await t.neo4j.read(async (tx) => {
      const result = await tx.run(`EXPLAIN ${registry.get(name)}`);
      return result.summary.plan;
    });
    expect(rows).toBeTruthy();
  });

  it('applies every schema migration and records it once', async () => {
    // createTestApp already migrated; a second run must apply nothing.
    const report = await new SchemaMigrator(t.neo4j).migrate();
    expect(report.applied).toEqual([]);
    const files = readdirSync(join(projectRoot(), 'cypher', 'schema')).filter((file) => file.endsWith('.cypher'));
    expect(report.alreadyApplied).toHaveLength(files.length);
    const recorded = await t.neo4j.readRows<{ n: number }>('MATCH (m:SchemaMigration) RETURN count(m) AS n');
    expect(recorded[0].n).toBe(files.length);
  });

  it('leaves the constraints and indexes of the schema files in place', async () => {
    const constraints = (await t.neo4j.readRows<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name')).map((row) => row.name);
    const indexes = (await t.neo4j.readRows<{ name: string }>('SHOW INDEXES YIELD name RETURN name')).map((row) => row.name);
    const declared = readdirSync(join(projectRoot(), 'cypher', 'schema'))
      .filter((file) => file.endsWith('.cypher'))
      .flatMap((file) => splitStatements(require('node:fs').readFileSync(join(projectRoot(), 'cypher', 'schema', file), 'utf8')))
      .map((statement) => /^CREATE (?:FULLTEXT |RANGE |TEXT |POINT |VECTOR )?(?:CONSTRAINT|INDEX) (\w+)/.exec(statement)?.[1])
      .filter((name): name is string => Boolean(name));
    expect(declared.length).toBeGreaterThan(5);
    for (const name of declared) expect([...constraints, ...indexes]).toContain(name);
  });

  it('labels Constrained the records that analyst decisions made before the label name (schema 0010)', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((suffix) => `schema-0010-${Date.now()}:${suffix}`);
    await t.neo4j.writeRows('CREATE (:SourceRecord {key: $a})-[:CANNOT_LINK]->(:SourceRecord {key: $b}), (:SourceRecord {key: $c})', { a, b, c });
    const text = require('node:fs').readFileSync(join(projectRoot(), 'cypher', 'schema', '0010-constrained-records.cypher'), 'utf8');
    for (const statement of splitStatements(text)) await t.neo4j.runAutoCommit(statement);
    const rows = await t.neo4j.readRows<{ key: string; constrained: boolean }>(
      'UNWIND $keys AS key MATCH (r:SourceRecord {key: key}) RETURN r.key AS key, r:Constrained AS constrained ORDER BY key',
      { keys: [a, b, c] },
    );
    expect(rows).toEqual([
      { key: a, constrained: true },
      { key: b, constrained: true },
      { key: c, constrained: false },
    ]);
  });

  it('maps a uniqueness violation to a 409-coded AppError by error code', async () => {
    const id = `dup-${Date.now()}`;
    await t.neo4j.writeRows('CREATE (:Customer {id: $id, status: "ACTIVE"})', { id });
    const error = await t.neo4j.writeRows('CREATE (:Customer {id: $id, status: "ACTIVE"})', { id }).catch((e) => e);
    expect(appErrorFromNeo4j(error)?.code).toBe('CONFLICT');
  });
});
