import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';
import { FieldError } from './problem-details';

/** Flattens class-validator's tree into `field` paths such as `addresses[0].postcode`. */
export function fieldErrorsFrom(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = joinPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason: reasonWithoutPath(reason, error.property) }));
    return own.concat(fieldErrorsFrom(error.children ?? [], field));
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator prefixes reasons with the property name; the field is already named. */
function reasonWithoutPath(reason: string, property: string): string {
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}

/** The global pipe: no mass assignment (unknown fields refused), types transformed, 400 problem with every field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppError.validation(fieldErrorsFrom(errors)),
  });
}
