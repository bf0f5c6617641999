import { HttpStatus } from '@nestjs/common';

/** Every problem the API can answer, with its HTTP status and title: the one place codes meet HTTP. */
export const ErrorCodes = {
  VALIDATION_FAILED: { status: HttpStatus.BAD_REQUEST, title: 'The request is not valid' },
  MALFORMED_BODY: { status: HttpStatus.BAD_REQUEST, title: 'The request body could not be parsed' },
  UNAUTHENTICATED: { status: HttpStatus.UNAUTHORIZED, title: 'An API key is required' },
  FORBIDDEN: { status: HttpStatus.FORBIDDEN, title: 'The API key does not allow this' },
  NOT_FOUND: { status: HttpStatus.NOT_FOUND, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: HttpStatus.METHOD_NOT_ALLOWED, title: 'Method not allowed' },
  CONFLICT: { status: HttpStatus.CONFLICT, title: 'The request conflicts with the current state' },
  PAYLOAD_TOO_LARGE: { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, title: 'Unsupported content type' },
  TOO_MANY_REQUESTS: { status: HttpStatus.TOO_MANY_REQUESTS, title: 'Too many requests' },
  DATABASE_UNAVAILABLE: { status: HttpStatus.SERVICE_UNAVAILABLE, title: 'The database is unavailable' },
  INTERNAL: { status: HttpStatus.INTERNAL_SERVER_ERROR, title: 'Internal error' },
} as const satisfies Record<string, { status: HttpStatus; title: string }>;

export type ErrorCode = keyof typeof ErrorCodes;

/** `VALIDATION_FAILED` → `/problems/validation-failed`. */
export function problemTypeFor(code: ErrorCode): string {
  return `/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}
