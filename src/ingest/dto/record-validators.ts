import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar, from 1850 to today. */
export function isRealPartialDate(value: unknown, today = new Date()): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined];
  if (year < 1850) return false;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined) {
    const date = new Date(Date.UTC(year, month! - 1, day));
    if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return false;
  }
  const earliest = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  return earliest.getTime() <= today.getTime();
}

export function IsPartialDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPartialDate',
      target: object.constructor,
      propertyName,
      options: { message: 'must be a real date as YYYY-MM-DD, YYYY-MM or YYYY, not in the future', ...options },
      validator: { validate: (value: unknown) => isRealPartialDate(value) },
    });
}

/** A name object must carry at least one non-blank part. */
export function NameIsPresent(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'nameIsPresent',
      target: object.constructor,
      propertyName,
      options: { message: 'must have a non-empty full, given or family name', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null) return true; // type errors are reported elsewhere
          return ['full', 'given', 'family', 'middle'].some((part) => {
            const text = (value as Record<string, unknown>)[part];
            return typeof text === 'string' && /[\p{L}\p{N}]/u.test(text);
          });
        },
      },
    });
}

export function HasScalarValues(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'hasScalarValues',
      target: object.constructor,
      propertyName,
      options: { message: 'must map names to strings, numbers or booleans (at most 50 entries)', ...options },
      validator: {
        validate: (value: unknown, _args: ValidationArguments) =>
          typeof value === 'object' &&
          value !== null &&
          Object.keys(value).length <= 50 &&
          Object.values(value).every((inner) => ['string', 'number', 'boolean'].includes(typeof inner) && String(inner).length <= 1000),
      },
    });
}
