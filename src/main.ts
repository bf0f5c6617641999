import 'reflect-metadata';
import { createApp } from './app.factory';
import { createRootLogger } from './common/logging/logger';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { EmbeddedNeo4j } from './neo4j/embedded/embedded-neo4j';
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

  let embedded: EmbeddedNeo4j | undefined;
  if (!config.NEO4J_URI) {
    embedded = await EmbeddedNeo4j.start({
      dataDir: config.NEO4J_EMBEDDED_DATA_DIR,
      port: config.NEO4J_EMBEDDED_PORT,
      heapMb: config.NEO4J_EMBEDDED_HEAP_MB,
      pageCacheMb: config.NEO4J_EMBEDDED_PAGECACHE_MB,
      log: (line) => logger.info(line),
    });
    config.NEO4J_URI = embedded.uri;
    config.neo4jMode = 'embedded';
  } else {
    logger.info(`using Neo4j at NEO4J_URI (${redactUri(config.NEO4J_URI)})`);
  }

  const app = await createApp(config, { logger });
  await app.get(SchemaMigrator).migrate();
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

function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
