import 'reflect-metadata';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { createProgressReporter } from './cli/import/progress';
import { describeDemoSeed, seedDemo } from './cli/seed/demo-seed';
import { createRootLogger } from './common/logging/logger';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { projectRoot } from './config/project-root';
import { startConfiguredNeo4j } from './neo4j/embedded/start-configured-neo4j';
import { SchemaMigrator } from './neo4j/schema-migrator';

const DEV_API_KEY = 'dev-admin-key-change-me';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config.LOG_LEVEL);
  if (!config.API_KEYS) {
    config.API_KEYS = `${DEV_API_KEY}:admin`;
    logger.warn(`API_KEYS is not set: using the development admin key "${DEV_API_KEY}". Set API_KEYS before exposing the service.`);
  }

  const embedded = await startConfiguredNeo4j(config, (line) => logger.info(line));

  const app = await createApp(config, { logger });
  await app.get(SchemaMigrator).migrate();
  if (process.argv.includes('--demo')) {
    // The demo loads before the API listens, so the first request already sees it.
    const summary = await seedDemo(app, { dataDir: join(projectRoot(), '.data', 'demo'), log: (line) => logger.info(line), progress: () => createProgressReporter(process.stderr, 5000) });
    for (const line of describeDemoSeed(summary)) logger.info(line);
  }
  await app.listen(config.PORT, config.HOST);
  logger.info(`Customer Graph listening on http://${config.HOST}:${config.PORT} (docs at /docs)`);

  // Signals are handled here rather than by Nest's shutdown hooks: the embedded Neo4j must stop after the app.
  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
