import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError } from '../common/problem/app-error';
import { certainlyValid } from '../common/validation/compiled-class-rules';
import { FieldError } from '../common/problem/problem-details';
import { fieldErrorsFrom } from '../common/problem/validation';
import { SourceRecordDto } from './dto/source-record.dto';

export type RecordCheck = { ok: true; record: SourceRecordDto } | { ok: false; errors: FieldError[] };

/**
 * One item of a batch against its DTO, on its own: not an object, wrong types and unknown
 * fields become field errors, so the item is reported by index while the others go on. An item
 * the DTO's compiled rules pass is taken as it is (a copy: callers fill in defaults); any other
 * goes through class-validator, which names each field and reason.
 */
export function validateItem<T extends object>(dto: ClassConstructor<T>, item: unknown): { value: T; errors: FieldError[] } | { value: undefined; errors: FieldError[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { value: undefined, errors: [{ field: '', reason: 'must be a JSON object' }] };
  }
  if (certainlyValid(dto, item)) return { value: { ...item } as T, errors: [] };
  const value = plainToInstance(dto, item);
  return { value, errors: fieldErrorsFrom(validateSync(value, { whitelist: true, forbidNonWhitelisted: true })) };
}

/** The 413 of a batch over INGEST_MAX_BATCH, for records and events alike. */
export function batchTooLarge(count: number, max: number, noun: string): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `At most ${max} ${noun} per request (got ${count}); split the batch${noun === 'records' ? ' or use NDJSON' : ''}`, {
    errors: [{ field: '(body)', reason: `must hold at most ${max} ${noun}` }],
  });
}

/**
 * Validates one record on its own, so that a bad item of a batch is reported by index while
 * the others are processed. Unknown fields are refused, as everywhere.
 */
export function checkRecord(item: unknown): RecordCheck {
  const { value: record, errors } = validateItem(SourceRecordDto, item);
  if (!record) return { ok: false, errors };
  const type = record.type ?? 'person';
  if (type === 'person' && record.name === undefined) {
    errors.push({ field: 'name', reason: 'is required for a person' });
  }
  if (type === 'organization' && !record.organization?.name && !record.name?.full) {
    errors.push({ field: 'organization.name', reason: 'is required for an organization (or give name.full)' });
  }
  if (errors.length > 0) return { ok: false, errors };
  record.type = type;
  return { ok: true, record };
}
