import { HttpException, HttpStatus } from '@nestjs/common';
import { appErrorFromNeo4j } from '../../neo4j/neo4j-errors';
import { AppError } from './app-error';
import { ErrorCode, ErrorCodes, problemTypeFor } from './error-codes';
import { ProblemDetails } from './problem-details';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'DATABASE_UNAVAILABLE',
};

/** Fastify's own errors (body parsing and limits) arrive before any Nest code runs. */
const CODE_BY_FASTIFY_CODE: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_BODY',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
};

export interface ProblemResult {
  problem: ProblemDetails;
  retryAfterSeconds?: number;
  /** True when the error is not one the API expected: it is logged as an error. */
  unexpected: boolean;
}

/** Turns any thrown value into RFC 9457 problem details; the only place errors meet HTTP. */
export function toProblem(error: unknown, instance?: string, requestId?: string): ProblemResult {
  const appError = asAppError(error);
  const code = appError?.code ?? 'INTERNAL';
  const { status, title } = ErrorCodes[code];
  const problem: ProblemDetails = {
    type: problemTypeFor(code),
    title,
    status,
    detail: appError?.detail ?? (code === 'INTERNAL' ? 'An unexpected error occurred; it has been logged with the request id' : undefined),
    instance,
    code,
    requestId,
  };
  if (appError?.extras.errors) problem.errors = appError.extras.errors;
  return { problem, retryAfterSeconds: appError?.extras.retryAfterSeconds, unexpected: appError === undefined };
}

function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fromNeo4j = appErrorFromNeo4j(error);
  if (fromNeo4j) return fromNeo4j;
  // Nest wraps Fastify's own errors (body parsing) in an HttpException; the cause keeps the code.
  const cause = (error as { cause?: unknown })?.cause;
  if (error instanceof HttpException && cause && typeof cause === 'object') {
    const fromCause = asAppError(cause);
    if (fromCause && fromCause.code !== 'VALIDATION_FAILED') return fromCause;
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status];
    if (!code) return status < 500 ? new AppError('VALIDATION_FAILED', error.message) : undefined;
    return new AppError(code, detailOf(error));
  }
  if (typeof error === 'object' && error !== null) {
    const { code, statusCode, message } = error as { code?: string; statusCode?: number; message?: string };
    if (code && CODE_BY_FASTIFY_CODE[code]) return new AppError(CODE_BY_FASTIFY_CODE[code], message);
    if (error instanceof SyntaxError && statusCode === HttpStatus.BAD_REQUEST) return new AppError('MALFORMED_BODY', message);
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return new AppError(CODE_BY_STATUS[statusCode] ?? 'VALIDATION_FAILED', message);
    }
  }
  return undefined;
}

function detailOf(error: HttpException): string | undefined {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}
