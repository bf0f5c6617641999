import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import neo4j, { BookmarkManager, Driver, ManagedTransaction, QueryResult, Session } from 'neo4j-driver';
import { AppConfig } from '../config/app-config';
import { useLargeBoltChunks } from './bolt-chunk-size';
import { toNative } from './to-native';

export type Row = Record<string, unknown>;

/** The driver's code for managed transactions in its telemetry (TELEMETRY_APIS.MANAGED_TRANSACTION). */
const MANAGED_TRANSACTION_API = 0;

/**
 * Sends BEGIN together with the transaction's first statement instead of waiting for its answer,
 * as the driver's own executeQuery does: one round trip less per transaction. The switch is the
 * driver's internal one (neo4j-driver 6.x); without it, BEGIN simply waits as before.
 */
export function pipelineBegin(session: Session): Session {
  const configurable = session as unknown as { _configureTransactionExecutor?: (pipelined: boolean, telemetryApi: number) => void };
  configurable._configureTransactionExecutor?.(true, MANAGED_TRANSACTION_API);
  return session;
}

/**
 * One driver per process. Every database call goes through read()/write(): a session per
 * unit of work, closed in finally, inside executeRead/executeWrite so transient failures
 * and leader switches are retried by the driver. A single read statement (readRows) runs as
 * an auto-commit transaction, retried here: one round trip instead of two, which is most of
 * a small read's time.
 */
@Injectable()
export class Neo4jService implements OnApplicationShutdown {
  private readonly logger = new Logger('Neo4j');
  readonly driver: Driver;
  /** Shared by every session of this process: a read sees the writes made before it (read-your-writes). */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  private readonly database: string;
  private readonly maxRetryMs: number;
  /**
   * Write attempts that failed with a transient error (a deadlock, a lock timeout, a lost
   * connection) and were handed back to the driver to retry, by Neo4j error code. Locks taken in
   * one order keep deadlocks at zero; /metrics shows this so a regression is visible in production.
   */
  readonly transientWriteFailures = new Map<string, number>();

  constructor(@Inject(AppConfig) config: AppConfig) {
    if (!config.NEO4J_URI) throw new Error('NEO4J_URI is not set and no embedded Neo4j was started');
    this.database = config.NEO4J_DATABASE;
    this.maxRetryMs = config.NEO4J_MAX_RETRY_MS;
    if (!useLargeBoltChunks()) this.logger.warn('the Neo4j driver no longer has the Chunker this service enlarges: statements go out in 1,400-byte Bolt chunks (more CPU on both sides in bulk ingest)');
    const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USERNAME, config.NEO4J_PASSWORD) : undefined;
    this.driver = neo4j.driver(config.NEO4J_URI, auth, {
      maxTransactionRetryTime: config.NEO4J_MAX_RETRY_MS,
      connectionTimeout: config.NEO4J_CONNECTION_TIMEOUT_MS,
      connectionAcquisitionTimeout: config.NEO4J_CONNECTION_TIMEOUT_MS,
      maxConnectionPoolSize: config.NEO4J_MAX_POOL_SIZE,
      userAgent: 'customer-graph',
      logging: { level: 'warn', logger: (level, message) => this.logger[level === 'error' ? 'error' : 'warn'](message) },
    });
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = pipelineBegin(this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks }));
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = pipelineBegin(this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: this.bookmarks }));
    try {
      return await session.executeWrite(async (tx) => {
        try {
          return await work(tx);
        } catch (error) {
          if (neo4j.isRetryableError(error as Error)) this.noteTransientFailure(error);
          throw error;
        }
      });
    } finally {
      await session.close();
    }
  }

  private noteTransientFailure(error: unknown): void {
    const code = (error as { code?: string }).code || 'ServiceUnavailable';
    this.transientWriteFailures.set(code, (this.transientWriteFailures.get(code) ?? 0) + 1);
  }

  /** One read statement; rows come back as plain objects (no driver types). */
  async readRows<T extends Row = Row>(cypher: string, params: Row = {}): Promise<T[]> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
      try {
        return rowsOf<T>(await session.run(cypher, params));
      } catch (error) {
        // The retry rule of executeRead: transient errors and lost connections, until NEO4J_MAX_RETRY_MS.
        const delay = Math.min(1000, 50 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
        if (!neo4j.isRetryableError(error as Error) || Date.now() - started + delay > this.maxRetryMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      } finally {
        await session.close();
      }
    }
  }

  /** One write statement; rows come back as plain objects (no driver types). */
  async writeRows<T extends Row = Row>(cypher: string, params: Row = {}): Promise<T[]> {
    return this.write(async (tx) => rowsOf<T>(await tx.run(cypher, params)));
  }

  /** Runs outside a managed transaction: schema commands and CALL { } IN TRANSACTIONS need that. */
  async runAutoCommit(cypher: string, params: Row = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, bookmarkManager: this.bookmarks });
    try {
      return rowsOf(await session.run(cypher, params));
    } finally {
      await session.close();
    }
  }

  /** Round trip to the database for /health; never throws. */
  async ping(): Promise<{ up: boolean; latencyMs: number; error?: string }> {
    const started = performance.now();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1');
      return { up: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { up: false, latencyMs: Math.round(performance.now() - started), error: (error as { code?: string }).code ?? 'unknown' };
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

export function rowsOf<T extends Row = Row>(result: QueryResult): T[] {
  return result.records.map((record) => toNative(record.toObject()) as T);
}
