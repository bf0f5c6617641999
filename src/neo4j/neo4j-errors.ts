import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../common/problem/app-error';

/** Error codes (never message text) that mean "the database cannot serve this right now". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

export function isNeo4jError(error: unknown): error is Neo4jError {
  return error instanceof Neo4jError || (typeof error === 'object' && error !== null && (error as { name?: string }).name === 'Neo4jError');
}

/** Maps a driver error to the AppError a client should see, or undefined for a genuine bug. */
export function appErrorFromNeo4j(error: unknown): AppError | undefined {
  if (!isNeo4jError(error)) return undefined;
  const code = error.code ?? '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new AppError('CONFLICT', 'The change conflicts with existing data (a uniqueness rule was violated)');
  }
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.') || error.retriable) {
    return new AppError('DATABASE_UNAVAILABLE', 'The graph database cannot be reached; the request was not applied and can be re-sent', {
      retryAfterSeconds: 5,
    });
  }
  return undefined;
}
