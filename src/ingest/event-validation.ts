import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError } from '../common/problem/problem-details';
import { fieldErrorsFrom } from '../common/problem/validation';
import { REQUIRED_BY_KIND, SourceEventDto } from './dto/source-event.dto';

export type EventCheck = { ok: true; event: SourceEventDto } | { ok: false; errors: FieldError[] };

/** Validates one event on its own, as records are: a bad item of a batch does not stop the others. */
export function checkEvent(item: unknown): EventCheck {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { ok: false, errors: [{ field: '', reason: 'must be a JSON object' }] };
  }
  const event = plainToInstance(SourceEventDto, item);
  const errors = fieldErrorsFrom(validateSync(event, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length === 0) {
    for (const field of REQUIRED_BY_KIND[event.kind]) {
      if (event[field] === undefined) errors.push({ field, reason: `is required for a ${event.kind} event` });
    }
    if (new Date(event.occurredAt).getTime() > Date.now() + 24 * 3600 * 1000) errors.push({ field: 'occurredAt', reason: 'must not be in the future' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, event };
}
