import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../pagination/pagination';

export class AuditQuery extends PageQuery {
  /** `network.neighbourhood`, `customer.view`, `customer.search`, `customer.erase`, … */
  @IsOptional() @Matches(/^[a-z][a-z.-]{1,60}$/, { message: 'must be an action such as customer.view' })
  action?: string;
  /** `api-key:<key id>`. */
  @IsOptional() @IsString() @MaxLength(100)
  actor?: string;
  /** A customer id (or `from->to` for paths). */
  @IsOptional() @IsString() @MaxLength(300)
  target?: string;
  /** From this instant (inclusive), ISO 8601. */
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;
  /** Until this instant (exclusive), ISO 8601. */
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventDto {
  id!: string;
  at!: string;
  actor!: string;
  role!: string;
  action!: string;
  target!: string | null;
  /** The options of the request, never personal values. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  parameters!: Record<string, unknown>;
  resultCount!: number;
}

export class AuditPageDto {
  items!: AuditEventDto[];
  nextCursor!: string | null;
}
