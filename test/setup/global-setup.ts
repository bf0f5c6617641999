import { startTestNeo4j, TestNeo4j } from './test-neo4j';

declare global {
  // eslint-disable-next-line no-var
  var __TEST_NEO4J__: TestNeo4j | undefined;
}

/** One Neo4j for every integration suite; its address reaches the tests through the environment. */
export default async function globalSetup(): Promise<void> {
  const neo4j = await startTestNeo4j();
  globalThis.__TEST_NEO4J__ = neo4j;
  process.env.NEO4J_URI = neo4j.uri;
  process.env.TEST_NEO4J_MODE = neo4j.mode;
  if (neo4j.username) process.env.NEO4J_USERNAME = neo4j.username;
  if (neo4j.password) process.env.NEO4J_PASSWORD = neo4j.password;
  console.log(`\n[integration tests] Neo4j: ${neo4j.describe}`);
}
