import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/problem/app-error';
import { CypherRegistry } from '../neo4j/cypher-registry';
import { Neo4jService } from '../neo4j/neo4j.service';

export interface JobView {
  id: string;
  kind: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  phase: string;
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

export interface JobProgress {
  report(phase: string, done: number, total: number): Promise<void>;
}

/** Long work runs in the background; its progress lives in the graph so any replica can answer for it. */
@Injectable()
export class JobsService {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly cypher: CypherRegistry,
  ) {}

  async start(kind: string, by: string, work: (progress: JobProgress) => Promise<Record<string, unknown>>): Promise<JobView> {
    const id = `job_${randomUUID().replace(/-/g, '')}`;
    await this.neo4j.writeRows(this.cypher.get('jobs/create-job'), { id, kind, by, now: new Date().toISOString() });
    const update = (status: string, phase: string, done: number, total: number, result: unknown = null, error: string | null = null) =>
      this.neo4j.writeRows(this.cypher.get('jobs/update-job'), { id, status, phase, done, total, now: new Date().toISOString(), result: result ? JSON.stringify(result) : null, error });
    let last = { phase: 'starting', done: 0, total: 0 };
    const progress: JobProgress = {
      report: async (phase, done, total) => {
        last = { phase, done, total };
        await update('RUNNING', phase, done, total);
      },
    };
    void work(progress)
      .then((result) => update('SUCCEEDED', 'done', last.total, last.total, result))
      .catch(async (error: Error) => {
        this.logger.error(`job ${id} (${kind}) failed: ${error.name}`, error.stack);
        await update('FAILED', last.phase, last.done, last.total, null, error.message).catch(() => undefined);
      });
    return this.get(id);
  }

  async get(id: string): Promise<JobView> {
    const [row] = await this.neo4j.readRows(this.cypher.get('jobs/read-job'), { id });
    if (!row) throw AppError.notFound(`No job ${id}`);
    return { ...(row as unknown as JobView), result: typeof row.result === 'string' ? JSON.parse(row.result) : null };
  }
}
