import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { Principal } from '../auth/roles';
import { decodeCursor, pageOf } from '../pagination/pagination';
import { AppError } from '../problem/app-error';
import { AuditPageDto, AuditQuery } from './audit.dto';
import { AuditRepository, AuditRow } from './audit.repository';

export interface AuditEntry {
  /** What was done, as `area.verb`: `network.neighbourhood`, `customer.view`, … */
  action: string;
  /** The customer or object acted on, by id (never a name or another personal value). */
  target: string | null;
  /** The query's options (depth, types, which filters), without personal data. */
  parameters: Record<string, unknown>;
  resultCount: number;
}

/** Beyond this many unwritten events (Neo4j away for long), analyst requests are refused rather than left unaudited. */
const MAX_PENDING = 100_000;
const BATCH = 1000;

/**
 * Who did what and when, kept in the graph as `AuditEvent` nodes. With AUDIT_WRITE=batched
 * (default) events are queued and written together every AUDIT_FLUSH_MS, so an analyst query
 * does not wait for a commit of its own; a failed write is retried and the queue is written out
 * on shutdown. AUDIT_WRITE=sync writes each event before the answer leaves.
 */
@Injectable()
export class AuditService implements OnModuleDestroy {
  private pending: AuditRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private retryDelayMs = 0;

  constructor(
    private readonly repository: AuditRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async record(principal: Principal, entry: AuditEntry): Promise<void> {
    const row: AuditRow = {
      id: randomUUID(),
      at: new Date().toISOString(),
      actor: `api-key:${principal.keyId}`,
      role: principal.role,
      action: entry.action,
      target: entry.target,
      parameters: JSON.stringify(entry.parameters),
      resultCount: entry.resultCount,
    };
    if (this.config.AUDIT_WRITE === 'sync') {
      await this.write([row]);
      return;
    }
    if (this.pending.length >= MAX_PENDING) {
      throw new AppError('DATABASE_UNAVAILABLE', 'The audit trail cannot be written at the moment; the request was not answered so that it is not left unaudited');
    }
    this.pending.push(row);
    this.timer ??= setTimeout(() => void this.flush(), this.config.AUDIT_FLUSH_MS + this.retryDelayMs);
  }

  /** Writes every queued event; resolves when they are committed (or failed and re-queued). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, BATCH);
        try {
          await this.write(batch);
          this.pending.splice(0, batch.length);
          this.retryDelayMs = 0;
        } catch {
          // Kept for the next attempt, with a growing pause while Neo4j is away.
          this.retryDelayMs = Math.min(30_000, Math.max(1000, this.retryDelayMs * 2));
          this.timer ??= setTimeout(() => void this.flush(), this.retryDelayMs);
          return;
        }
      }
    });
    return this.flushing;
  }

  /** The trail, newest first; what is still queued is written first, so a reader sees every answered request. */
  async list(query: AuditQuery): Promise<AuditPageDto> {
    await this.flush();
    const offset = decodeCursor(query.cursor);
    const rows = await this.repository.list({
      action: query.action ?? null,
      actor: query.actor ?? null,
      target: query.target ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      skip: offset,
      limit: query.limit + 1,
    });
    return pageOf(
      rows.map((row) => ({ ...row, parameters: JSON.parse(row.parameters) as Record<string, unknown> })),
      offset,
      query.limit,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  private write(rows: AuditRow[]): Promise<void> {
    return this.repository.append(rows);
  }
}
