import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppError } from '../common/problem/app-error';
import { AppConfig } from '../config/app-config';
import { Neo4jService } from '../neo4j/neo4j.service';
import { EventBatchResultDto, EventResultDto, RejectedEventDto, SourceEventDto } from './dto/source-event.dto';
import { checkEvent } from './event-validation';
import { batchTooLarge } from './record-validation';
import { IngestRepository, StoredEvent } from './ingest.repository';
import { IngestService } from './ingest.service';

/** The scalars kept as properties for aggregation; the whole event is kept as JSON beside them. */
const SCALARS = ['amount', 'currency', 'channel', 'direction', 'product', 'action', 'accountId', 'satisfaction', 'category', 'severity', 'resolved', 'campaign', 'response', 'points', 'platform', 'sentiment', 'mentions'] as const;

/** Intake of events about source records: validated one by one, stored idempotently by event id. */
@Injectable()
export class EventsService {
  constructor(
    private readonly neo4j: Neo4jService,
    private readonly repository: IngestRepository,
    private readonly records: IngestService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async ingestOne(system: string, body: unknown): Promise<EventResultDto> {
    this.records.checkSystem(system);
    const check = checkEvent(body);
    if (!check.ok) throw AppError.validation(check.errors, 'The event is not valid; nothing was stored');
    const [result] = await this.store(system, [{ index: 0, event: check.event }]);
    return result;
  }

  async ingestMany(system: string, items: unknown[]): Promise<EventBatchResultDto> {
    this.records.checkSystem(system);
    if (items.length > this.config.INGEST_MAX_BATCH) throw batchTooLarge(items.length, this.config.INGEST_MAX_BATCH, 'events');
    const valid: Array<{ index: number; event: SourceEventDto }> = [];
    const errors: RejectedEventDto[] = [];
    items.forEach((item, index) => {
      const check = checkEvent(item);
      if (check.ok) valid.push({ index, event: check.event });
      else {
        const eventId = typeof (item as { eventId?: unknown })?.eventId === 'string' ? (item as { eventId: string }).eventId : undefined;
        errors.push({ index, ...(eventId ? { eventId } : {}), errors: check.errors });
      }
    });
    const results: EventResultDto[] = [];
    for (let start = 0; start < valid.length; start += this.config.INGEST_CHUNK_SIZE) {
      results.push(...(await this.store(system, valid.slice(start, start + this.config.INGEST_CHUNK_SIZE))));
    }
    return { results, errors };
  }

  private async store(system: string, events: Array<{ index: number; event: SourceEventDto }>): Promise<EventResultDto[]> {
    const now = new Date().toISOString();
    const stored: StoredEvent[] = events.map(({ index, event }) => {
      const { attributes, ...rest } = event;
      const canonical = JSON.stringify(Object.fromEntries(Object.entries({ ...rest, attributes }).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b))));
      return {
        index,
        key: `${system}:${event.eventId}`,
        recordKey: `${system}:${event.sourceId}`,
        system,
        eventId: event.eventId,
        sourceId: event.sourceId,
        kind: event.kind,
        occurredAt: new Date(event.occurredAt).toISOString(),
        contentHash: createHash('sha256').update(canonical).digest('base64url'),
        details: canonical,
        ...Object.fromEntries(SCALARS.map((field) => [field, event[field] ?? null])),
      };
    });
    const rows = await this.neo4j.write((tx) => this.repository.upsertEvents(tx, stored, now));
    return rows.sort((a, b) => a.index - b.index);
  }
}
