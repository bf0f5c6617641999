import { ErrorCode } from './error-codes';
import { FieldError } from './problem-details';

/** The one exception type services throw; the problem filter turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extras: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }

  static validation(errors: FieldError[], detail = 'One or more fields are invalid'): AppError {
    return new AppError('VALIDATION_FAILED', detail, { errors });
  }

  static notFound(detail: string): AppError {
    return new AppError('NOT_FOUND', detail);
  }
}
