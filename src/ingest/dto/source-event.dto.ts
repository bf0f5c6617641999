import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { FieldError } from '../../common/problem/problem-details';
import { HasScalarValues } from './record-validators';

export const EVENT_KINDS = ['transaction', 'product', 'interaction', 'incident', 'campaign', 'loyalty', 'social'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const TEXT = { max: 200 };

/**
 * Something that happened to a customer in a source system, tied to one of its records by
 * `sourceId`. Fields beyond the common four depend on the kind; unknown fields are refused
 * (use `attributes` for the rest).
 */
export class SourceEventDto {
  /** Id of the event in its system; sending the same id again updates it, never doubles it. */
  @Matches(/^[^\u0000-\u001f]{1,200}$/, { message: 'must be 1–200 characters without control characters' })
  eventId!: string;

  /** The source record (same system) the event is about. */
  @Matches(/^[^\u0000-\u001f]{1,200}$/, { message: 'must be 1–200 characters without control characters' })
  sourceId!: string;

  @IsIn(EVENT_KINDS)
  @ApiProperty({ enum: EVENT_KINDS })
  kind!: EventKind;

  /** When it happened (ISO 8601 with time). */
  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt!: string;

  /** transaction: signed or unsigned amount, see `direction`. */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1e12) @Max(1e12)
  amount?: number;
  /** ISO 4217. */
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code such as EUR' })
  currency?: string;
  /** transaction: card, transfer, cash, online, …; interaction: web, branch, phone, app, … */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT.max)
  channel?: string;
  @IsOptional() @IsIn(['debit', 'credit'])
  @ApiPropertyOptional({ enum: ['debit', 'credit'] })
  direction?: 'debit' | 'credit';
  @IsOptional() @IsString() @MaxLength(TEXT.max)
  merchantCategory?: string;

  /** product: the product held (current_account, mortgage, …). */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT.max)
  product?: string;
  /** product: opened, closed, upgraded, downgraded; loyalty: earned, redeemed, expired. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(40)
  action?: string;
  @IsOptional() @IsString() @MaxLength(TEXT.max)
  accountId?: string;

  /** interaction: what it was about. */
  @IsOptional() @IsString() @MaxLength(TEXT.max)
  topic?: string;
  /** interaction: survey score, 1 (bad) to 5 (good). */
  @IsOptional() @IsInt() @Min(1) @Max(5)
  satisfaction?: number;

  /** incident: complaint, refund, fraud_report, outage, … */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT.max)
  category?: string;
  @IsOptional() @IsIn(['low', 'medium', 'high', 'critical'])
  @ApiPropertyOptional({ enum: ['low', 'medium', 'high', 'critical'] })
  severity?: string;
  @IsOptional() @IsBoolean()
  resolved?: boolean;

  /** campaign: its name or id. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT.max)
  campaign?: string;
  @IsOptional() @IsIn(['sent', 'opened', 'clicked', 'converted', 'unsubscribed'])
  @ApiPropertyOptional({ enum: ['sent', 'opened', 'clicked', 'converted', 'unsubscribed'] })
  response?: string;

  /** loyalty: points moved by the event (positive). */
  @IsOptional() @IsInt() @Min(0) @Max(1e9)
  points?: number;

  /** social: where. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(TEXT.max)
  platform?: string;
  /** social: -1 (negative) to 1 (positive). */
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1) @Max(1)
  sentiment?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1e9)
  mentions?: number;

  /** Anything else the source knows, as scalars. */
  @IsOptional() @IsObject() @HasScalarValues()
  attributes?: Record<string, string | number | boolean>;
}

/** Fields each kind cannot do without. */
export const REQUIRED_BY_KIND: Record<EventKind, Array<keyof SourceEventDto>> = {
  transaction: ['amount'],
  product: ['product', 'action'],
  interaction: ['channel'],
  incident: ['category'],
  campaign: ['campaign', 'response'],
  loyalty: ['points', 'action'],
  social: ['platform'],
};

export class EventResultDto {
  index!: number;
  /** `system:eventId`. */
  eventKey!: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] })
  outcome!: 'created' | 'updated' | 'unchanged';
  /** The customer the event's record is on now; null while the record has not arrived. */
  customerId!: string | null;
}

export class RejectedEventDto {
  index!: number;
  @ApiPropertyOptional()
  eventId?: string;
  errors!: FieldError[];
}

export class EventBatchResultDto {
  results!: EventResultDto[];
  errors!: RejectedEventDto[];
}
