import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError } from '../common/problem/problem-details';
import { fieldErrorsFrom } from '../common/problem/validation';
import { SourceRecordDto } from './dto/source-record.dto';

export type RecordCheck = { ok: true; record: SourceRecordDto } | { ok: false; errors: FieldError[] };

/**
 * Validates one record on its own, so that a bad item of a batch is reported by index while
 * the others are processed. Unknown fields are refused, as everywhere.
 */
export function checkRecord(item: unknown): RecordCheck {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { ok: false, errors: [{ field: '', reason: 'must be a JSON object' }] };
  }
  const record = plainToInstance(SourceRecordDto, item);
  const errors = fieldErrorsFrom(validateSync(record, { whitelist: true, forbidNonWhitelisted: true }));
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
