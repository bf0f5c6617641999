import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { createRootLogger, PinoNestLogger } from '../../common/logging/logger';
import { FieldError } from '../../common/problem/problem-details';
import { AppConfig } from '../../config/app-config';
import { IngestResultDto } from '../../ingest/dto/ingest-result.dto';
import { IngestService } from '../../ingest/ingest.service';
import { EmbeddedNeo4j } from '../../neo4j/embedded/embedded-neo4j';
import { redactUri, startConfiguredNeo4j } from '../../neo4j/embedded/start-configured-neo4j';
import { SchemaMigrator } from '../../neo4j/schema-migrator';

/** What the graph answered for one batch: a result or the errors for each record, by position in the batch. */
export interface BatchAnswer {
  results: IngestResultDto[];
  errors: Array<{ index: number; errors: FieldError[] }>;
}

/**
 * Where an import sends its records: the REST API, or the pipeline in this process. A batch sent
 * while another is in flight waits for it: batches resolve one at a time, in the order sent.
 */
export interface RecordSink {
  readonly description: string;
  send(system: string, records: unknown[]): Promise<BatchAnswer>;
  close(): Promise<void>;
}

export class SinkError extends Error {}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Sends batches to `POST /v1/sources/{system}/records`, retrying while the service is busy or unreachable. */
export class ApiSink implements RecordSink {
  readonly description: string;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly options: { attempts?: number; backoffMs?: number; log?: (line: string) => void } = {},
  ) {
    this.description = `the API at ${baseUrl}`;
  }

  private readonly inTurn = oneAtATime();

  send(system: string, records: unknown[]): Promise<BatchAnswer> {
    return this.inTurn(() => this.post(system, records));
  }

  private async post(system: string, records: unknown[]): Promise<BatchAnswer> {
    const url = `${this.baseUrl.replace(/\/$/, '')}/v1/sources/${encodeURIComponent(system)}/records`;
    const attempts = this.options.attempts ?? 8;
    let wait = this.options.backoffMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': this.apiKey },
          body: JSON.stringify(records),
        });
      } catch (error) {
        if (attempt >= attempts) throw new SinkError(`cannot reach ${this.baseUrl}: ${(error as Error).message}`);
        this.options.log?.(`cannot reach ${this.baseUrl} (${(error as Error).message}); retrying in ${wait} ms`);
        await sleep(wait);
        wait = Math.min(wait * 2, 30_000);
        continue;
      }
      if (response.ok) return (await response.json()) as BatchAnswer;
      const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
      if (RETRYABLE_STATUS.has(response.status) && attempt < attempts) {
        const retryAfter = Number(response.headers.get('retry-after'));
        const delay = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : wait;
        this.options.log?.(`the API answered ${response.status} (${problem.title ?? response.statusText}); retrying in ${delay} ms`);
        await sleep(delay);
        wait = Math.min(wait * 2, 30_000);
        continue;
      }
      throw new SinkError(`the API refused the batch: ${response.status} ${problem.title ?? response.statusText}${problem.detail ? ` — ${problem.detail}` : ''}`);
    }
  }

  async close(): Promise<void> {}
}

/** Runs the resolution pipeline in this process, through an application context that already exists. */
export class InProcessSink implements RecordSink {
  constructor(
    readonly description: string,
    private readonly ingest: IngestService,
  ) {}

  private readonly inTurn = oneAtATime();

  /** Prepares the batch at once (while the one before resolves), then resolves it after that one. */
  send(system: string, records: unknown[]): Promise<BatchAnswer> {
    const { prepared, errors } = this.ingest.prepareAll(system, records, 0);
    return this.inTurn(async () => ({ results: prepared.length > 0 ? await this.ingest.resolvePrepared(prepared, 'import') : [], errors }));
  }

  async close(): Promise<void> {}
}

/** An application context without HTTP on NEO4J_URI, or on the embedded Neo4j it starts when none is set. */
export class LocalGraph {
  private constructor(
    readonly description: string,
    readonly context: INestApplicationContext,
    private readonly embedded: EmbeddedNeo4j | undefined,
  ) {}

  static async open(config: AppConfig, log: (line: string) => void): Promise<LocalGraph> {
    const embedded = await startConfiguredNeo4j(config, log);
    try {
      const logger = createRootLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
      const context = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: new PinoNestLogger(logger) });
      await context.get(SchemaMigrator).migrate();
      const description = embedded ? `the embedded Neo4j (${config.NEO4J_EMBEDDED_DATA_DIR})` : `Neo4j at ${redactUri(config.NEO4J_URI!)}`;
      return new LocalGraph(description, context, embedded);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  }

  sink(): InProcessSink {
    return new InProcessSink(this.description, this.context.get(IngestService));
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.embedded?.stop();
  }
}

/** The import's sink when it runs the pipeline itself: the sink closes the graph it opened. */
export async function openDirectSink(config: AppConfig, log: (line: string) => void): Promise<RecordSink> {
  const graph = await LocalGraph.open(config, log);
  const sink = graph.sink();
  return { description: sink.description, send: (system, records) => sink.send(system, records), close: () => graph.close() };
}

/** Runs each task given to it after the one before has settled, in the order given. */
function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = previous.then(task);
    previous = result.catch(() => undefined);
    return result;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
