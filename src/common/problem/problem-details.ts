import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field-level reason inside a validation problem. */
export class FieldError {
  /** Path of the offending field, e.g. `name.family` or `[3].birthDate`. */
  field!: string;
  /** Why the value was refused. */
  reason!: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class ProblemDetails {
  /** A URI reference naming the kind of problem (see README: problem types). */
  @ApiProperty({ example: '/problems/validation-failed' })
  type!: string;
  /** Short, human-readable summary of the kind of problem. */
  title!: string;
  /** The HTTP status code. */
  status!: number;
  /** Explanation specific to this occurrence. */
  @ApiPropertyOptional()
  detail?: string;
  /** The request path that produced the problem. */
  @ApiPropertyOptional()
  instance?: string;
  /** Stable machine-readable code of the problem. */
  code!: string;
  /** Request id, also sent as the `x-request-id` header and written in the logs. */
  @ApiPropertyOptional()
  requestId?: string;
  /** Field-level reasons (validation problems). */
  @ApiPropertyOptional({ type: [FieldError] })
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
