import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { createRootLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/app-config';
import { Neo4jService } from '../../src/neo4j/neo4j.service';
import { MigrationReport, SchemaMigrator } from '../../src/neo4j/schema-migrator';

export const TEST_KEYS = {
  ingest: 'test-ingest-key-0123456789',
  analyst: 'test-analyst-key-0123456789',
  admin: 'test-admin-key-0123456789',
} as const;

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  neo4j: Neo4jService;
  migration: MigrationReport;
  close(): Promise<void>;
}

/** The real application on the test Neo4j, schema migrated, ready for supertest. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    API_KEYS: Object.entries(TEST_KEYS)
      .map(([role, key]) => `${key}:${role}`)
      .join(','),
    NEO4J_MAX_RETRY_MS: '1000',
    ...env,
  });
  config.neo4jMode = (process.env.TEST_NEO4J_MODE as typeof config.neo4jMode) ?? 'uri';
  const app = await createApp(config, { logger: createRootLogger('silent') });
  const migration = await app.get(SchemaMigrator).migrate();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: request(app.getHttpServer()),
    neo4j: app.get(Neo4jService),
    migration,
    close: () => app.close(),
  };
}

/** A prefix that keeps one test's data apart from every other test's on the shared database. */
export function uniqueTag(prefix = 't'): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** A made-up surname no other test uses, so resolution in one test never meets another's people. */
export function uniqueSurname(): string {
  const letters = 'BCDFGHJKLMNPRSTVWZ';
  const vowels = 'AEIOU';
  let name = '';
  for (let i = 0; i < 4; i++) name += letters[Math.floor(Math.random() * letters.length)] + vowels[Math.floor(Math.random() * vowels.length)];
  return name[0] + name.slice(1).toLowerCase() + 'son';
}
