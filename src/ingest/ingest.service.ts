import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/problem/app-error';
import { AppConfig } from '../config/app-config';
import { IngestBatchResultDto, IngestResultDto, RejectedRecordDto } from './dto/ingest-result.dto';
import { SOURCE_SYSTEM_PATTERN } from './dto/source-record.dto';
import { MatchModelProvider } from './match-model.provider';
import { PreparedRecord, prepareRecord } from './prepared-record';
import { batchTooLarge, checkRecord } from './record-validation';
import { ResolutionPipeline } from './resolution-pipeline.service';

/** Intake of source records: validation item by item, then resolution in batches. */
@Injectable()
export class IngestService {
  constructor(
    private readonly pipeline: ResolutionPipeline,
    private readonly models: MatchModelProvider,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  checkSystem(system: string): void {
    if (!SOURCE_SYSTEM_PATTERN.test(system)) {
      throw AppError.validation([{ field: 'system', reason: 'must be a source system name: lower-case letters, digits, _ . - (at most 64)' }]);
    }
  }

  async ingestOne(system: string, body: unknown, decidedBy: string): Promise<IngestResultDto> {
    this.checkSystem(system);
    const check = checkRecord(body);
    if (!check.ok) throw AppError.validation(check.errors, 'The record is not valid; nothing was stored');
    const prepared = prepareRecord(system, check.record, 0, this.models.current(), this.models.trustOf(system), new Date().toISOString());
    const [result] = await this.pipeline.resolve([prepared], decidedBy);
    return result;
  }

  async ingestMany(system: string, items: unknown[], decidedBy: string): Promise<IngestBatchResultDto> {
    this.checkSystem(system);
    if (items.length > this.config.INGEST_MAX_BATCH) throw batchTooLarge(items.length, this.config.INGEST_MAX_BATCH, 'records');
    const { prepared, errors } = this.prepareAll(system, items, 0);
    const results: IngestResultDto[] = [];
    for (let start = 0; start < prepared.length; start += this.config.INGEST_CHUNK_SIZE) {
      results.push(...(await this.pipeline.resolve(prepared.slice(start, start + this.config.INGEST_CHUNK_SIZE), decidedBy)));
    }
    return { results, errors };
  }

  /** Validates and prepares items; `offset` numbers them within a longer stream. */
  prepareAll(system: string, items: unknown[], offset: number): { prepared: PreparedRecord[]; errors: RejectedRecordDto[] } {
    const model = this.models.current();
    const trust = this.models.trustOf(system);
    const receivedAt = new Date().toISOString();
    const prepared: PreparedRecord[] = [];
    const errors: RejectedRecordDto[] = [];
    items.forEach((item, position) => {
      const index = offset + position;
      const check = checkRecord(item);
      if (check.ok) prepared.push(prepareRecord(system, check.record, index, model, trust, receivedAt));
      else {
        const sourceId = typeof (item as { sourceId?: unknown })?.sourceId === 'string' ? (item as { sourceId: string }).sourceId : undefined;
        errors.push({ index, ...(sourceId ? { sourceId } : {}), errors: check.errors });
      }
    });
    return { prepared, errors };
  }

  resolvePrepared(prepared: PreparedRecord[], decidedBy: string) {
    return this.pipeline.resolve(prepared, decidedBy);
  }
}
