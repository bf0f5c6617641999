import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { EmbeddedNeo4jError, embeddedNeo4jDirectory, ensureEmbeddedNeo4jBuilt, javaExecutable } from './build-embedded-neo4j';

export interface EmbeddedNeo4jOptions {
  /** Data folder; kept between runs. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  heapMb?: number;
  pageCacheMb?: number;
  startTimeoutMs?: number;
  /** Extra Neo4j settings (`db.tx_log.rotation.retention_policy`, …). */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

/** JVM flags of the stock neo4j.conf (5.26) that matter when Neo4j runs outside its own launcher, less its collector (G1: see GARBAGE_COLLECTOR). */
const STOCK_JVM_FLAGS = [
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
];

/**
 * The heap in transparent huge pages (where the kernel offers them on request, as `madvise` does;
 * elsewhere the JVM prints a warning and goes on): fewer TLB misses over the heap that bulk ingest's
 * transaction state and query rows fill. bench:ingest at 200k, four runs alternated with and
 * without: Neo4j 0.555 against 0.58 ms of CPU a record, 1,605 against 1,554 records/s.
 */
const EXTRA_JVM_FLAGS = ['-XX:+UseTransparentHugePages'];

/**
 * The parallel collector rather than the stock G1: the embedded Neo4j shares the machine with the
 * API, and G1's concurrent marking and write barriers cost CPU that bulk ingest's short-lived
 * transaction state does not need. bench:ingest at 200k, two runs alternated with each: Neo4j 0.49 /
 * 0.50 against 0.55 / 0.53 ms of CPU a record, 1,933 / 1,894 against 1,799 / 1,845 records/s, REST
 * p95 18.6 / 18.7 against 18.0 / 18.3 ms. A Neo4j server reached through NEO4J_URI keeps its own.
 */
const GARBAGE_COLLECTOR = '-XX:+UseParallelGC';

/**
 * Settings the embedded Neo4j always gets: the API closes its connections before stopping
 * Neo4j, so Bolt need not wait 5 s per thread pool on shutdown; transaction logs are capped.
 */
const DEFAULT_SETTINGS: Record<string, string> = {
  'internal.server.bolt.thread_pool_shutdown_wait_time': '1s',
  'internal.server.bolt.connection_shutdown_wait_time': '1s',
  'db.tx_log.rotation.retention_policy': '2G size',
};

/** A running embedded Neo4j: a child JVM that stops with this process (it watches its stdin). */
export class EmbeddedNeo4j {
  private exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly uri: string,
    readonly port: number,
    readonly dataDir: string,
    readonly logFile: string,
    /** Milliseconds from spawning the JVM to Bolt answering. */
    readonly startupMs: number,
  ) {
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  static async start(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
    const log = options.log ?? console.log;
    ensureEmbeddedNeo4jBuilt(log);
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const port = options.port ? options.port : await freePort();
    const logFile = join(dataDir, 'embedded-neo4j.log');
    const directory = embeddedNeo4jDirectory();
    const args = [
      `-Xms${Math.min(512, options.heapMb ?? 1024)}m`,
      `-Xmx${options.heapMb ?? 1024}m`,
      GARBAGE_COLLECTOR,
      ...STOCK_JVM_FLAGS,
      ...EXTRA_JVM_FLAGS,
      '-cp',
      [join(directory, 'target', 'classes'), join(directory, 'target', 'lib', '*')].join(':'),
      'customergraph.neo4j.EmbeddedNeo4j',
      '--home',
      dataDir,
      '--port',
      String(port),
      '--pagecache-mb',
      String(options.pageCacheMb ?? 512),
      ...Object.entries({ ...DEFAULT_SETTINGS, ...options.settings }).flatMap(([key, value]) => ['--conf', `${key}=${value}`]),
    ];
    const started = performance.now();
    const logFd = openSync(logFile, 'a');
    writeSync(logFd, `\n--- starting embedded Neo4j on 127.0.0.1:${port} at ${new Date().toISOString()}\n`);
    const child = spawn(javaExecutable(), args, { stdio: ['pipe', 'pipe', logFd] });
    closeSync(logFd);
    const uri = await waitUntilReady(child, logFile, options.startTimeoutMs ?? 180_000);
    const instance = new EmbeddedNeo4j(child, uri, port, dataDir, logFile, Math.round(performance.now() - started));
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    log(`embedded Neo4j 5.26 up at ${uri} in ${instance.startupMs} ms (data: ${dataDir}, log: ${logFile})`);
    return instance;
  }

  /** The JVM's process id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Clean shutdown (closing stdin lets the JVM run its shutdown hook); killed after `graceMs`. */
  async stop(graceMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

function waitUntilReady(child: ChildProcess, logFile: string, timeoutMs: number): Promise<string> {
  return new Promise((resolveReady, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedNeo4jError(`The embedded Neo4j did not start within ${timeoutMs} ms; see ${logFile}\n${tail(logFile)}`));
    }, timeoutMs);
    lines.on('line', (line) => {
      const match = /^NEO4J_EMBEDDED_READY (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveReady(match[1]);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Could not run Java for the embedded Neo4j: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`The embedded Neo4j stopped during start-up (exit ${code}); see ${logFile}\n${tail(logFile)}`));
    });
  });
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
