import { FieldError } from '../common/problem/problem-details';
import { REQUIRED_BY_KIND, SourceEventDto } from './dto/source-event.dto';
import { validateItem } from './record-validation';

export type EventCheck = { ok: true; event: SourceEventDto } | { ok: false; errors: FieldError[] };

/** Validates one event on its own, as records are: a bad item of a batch does not stop the others. */
export function checkEvent(item: unknown): EventCheck {
  const { value: event, errors } = validateItem(SourceEventDto, item);
  if (!event) return { ok: false, errors };
  if (errors.length === 0) {
    for (const field of REQUIRED_BY_KIND[event.kind]) {
      if (event[field] === undefined) errors.push({ field, reason: `is required for a ${event.kind} event` });
    }
    if (new Date(event.occurredAt).getTime() > Date.now() + 24 * 3600 * 1000) errors.push({ field: 'occurredAt', reason: 'must not be in the future' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, event };
}
