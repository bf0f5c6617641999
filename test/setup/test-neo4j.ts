import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded/embedded-neo4j';

export type TestNeo4jMode = 'uri' | 'container' | 'embedded';

export interface TestNeo4j {
  mode: TestNeo4jMode;
  uri: string;
  username?: string;
  password?: string;
  describe: string;
  stop(): Promise<void>;
}

/**
 * A real Neo4j for the tests, in DESIGN §1 order: NEO4J_URI, then a testcontainers
 * neo4j:5.26-community when a container runtime answers, then the embedded Neo4j on a
 * throwaway data folder. TEST_NEO4J=uri|container|embedded forces one.
 */
export async function startTestNeo4j(): Promise<TestNeo4j> {
  const forced = process.env.TEST_NEO4J as TestNeo4jMode | undefined;
  if (process.env.NEO4J_URI && (!forced || forced === 'uri')) {
    return {
      mode: 'uri',
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME,
      password: process.env.NEO4J_PASSWORD,
      describe: `NEO4J_URI (${process.env.NEO4J_URI})`,
      stop: async () => undefined,
    };
  }
  if (!forced || forced === 'container') {
    const container = await tryContainer();
    if (container) return container;
    if (forced === 'container') throw new Error('TEST_NEO4J=container but no container runtime answered');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'customer-graph-test-neo4j-'));
  const embedded = await EmbeddedNeo4j.start({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 256, log: () => undefined });
  return {
    mode: 'embedded',
    uri: embedded.uri,
    describe: `embedded Neo4j 5.26 at ${embedded.uri} (started in ${embedded.startupMs} ms, throwaway data in ${dataDir})`,
    stop: async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function tryContainer(): Promise<TestNeo4j | undefined> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await withTimeout(getContainerRuntimeClient(), 10_000);
  } catch {
    return undefined; // no Docker/Podman engine here: fall through to the embedded Neo4j
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('test-password').start();
  return {
    mode: 'container',
    uri: container.getBoltUri(),
    username: 'neo4j',
    password: 'test-password',
    describe: `testcontainers neo4j:5.26-community at ${container.getBoltUri()}`,
    stop: async () => void (await container.stop()),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
