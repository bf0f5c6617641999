import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../config/project-root';

export class EmbeddedNeo4jError extends Error {}

export function embeddedNeo4jDirectory(): string {
  return join(projectRoot(), 'neo4j-embedded');
}

export function javaExecutable(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Java 17 or newer, or a clear message saying what to do instead. */
export function checkJava(): void {
  const result = spawnSync(javaExecutable(), ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new EmbeddedNeo4jError(
      'The embedded Neo4j needs Java 17 or newer, and no `java` was found (PATH or JAVA_HOME). ' +
        'Install a JDK 17+, or set NEO4J_URI to a running Neo4j 5.26 server.',
    );
  }
  const version = /version "(\d+)/.exec(result.stderr ?? '')?.[1];
  if (version && Number(version) < 17) {
    throw new EmbeddedNeo4jError(`The embedded Neo4j needs Java 17 or newer; found Java ${version}. Set JAVA_HOME to a JDK 17+, or set NEO4J_URI.`);
  }
}

/**
 * Builds the launcher with Maven (dependencies from Maven Central) unless the build
 * for the current pom.xml and launcher source is already there.
 */
export function ensureEmbeddedNeo4jBuilt(log: (line: string) => void = console.log): void {
  const directory = embeddedNeo4jDirectory();
  const fingerprint = buildFingerprint(directory);
  const marker = join(directory, 'target', 'build-fingerprint');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return;
  checkJava();
  const mvnVersion = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvnVersion.error || mvnVersion.status !== 0) {
    throw new EmbeddedNeo4jError(
      'The embedded Neo4j is built with Maven, and no `mvn` was found on PATH. Install Maven 3.8+, or set NEO4J_URI to a running Neo4j 5.26 server.',
    );
  }
  log('embedded Neo4j: building the launcher with Maven (first run only; downloads Neo4j 5.26 from Maven Central)…');
  const build = spawnSync('mvn', ['-q', '-B', '-f', join(directory, 'pom.xml'), 'package', '-DskipTests'], { stdio: 'inherit' });
  if (build.status !== 0) {
    throw new EmbeddedNeo4jError(`Maven could not build the embedded Neo4j launcher (exit ${build.status}); see the output above.`);
  }
  writeFileSync(marker, fingerprint);
  log('embedded Neo4j: launcher built');
}

function buildFingerprint(directory: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(directory, 'pom.xml')));
  hash.update(readFileSync(join(directory, 'src/main/java/customergraph/neo4j/EmbeddedNeo4j.java')));
  return hash.digest('hex');
}

if (require.main === module) {
  try {
    ensureEmbeddedNeo4jBuilt();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
