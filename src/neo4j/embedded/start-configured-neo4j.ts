import { AppConfig } from '../../config/app-config';
import { EmbeddedNeo4j } from './embedded-neo4j';

/**
 * Points the configuration at a Neo4j: the one in NEO4J_URI, or else the embedded one,
 * started here. The service and the import command share it; the caller stops what it gets.
 */
export async function startConfiguredNeo4j(config: AppConfig, log: (line: string) => void): Promise<EmbeddedNeo4j | undefined> {
  if (config.NEO4J_URI) {
    log(`using Neo4j at NEO4J_URI (${redactUri(config.NEO4J_URI)})`);
    return undefined;
  }
  const embedded = await EmbeddedNeo4j.start({
    dataDir: config.NEO4J_EMBEDDED_DATA_DIR,
    port: config.NEO4J_EMBEDDED_PORT,
    heapMb: config.NEO4J_EMBEDDED_HEAP_MB,
    pageCacheMb: config.NEO4J_EMBEDDED_PAGECACHE_MB,
    log,
  });
  config.NEO4J_URI = embedded.uri;
  config.neo4jMode = 'embedded';
  return embedded;
}

export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
