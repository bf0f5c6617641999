import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';
import { RecordReferenceDto } from './source-record.dto';

export class ComparisonDto {
  name!: string;
  level!: string;
  /** Match weight in bits (log2 of m/u); positive is evidence for a match. */
  weight!: number;
}

export class DecisionDto {
  /** Match probability when the record was placed. */
  score!: number | null;
  /**
   * `created`, `linked`, `merged`, `review`; `reresolved` when a later record's resolution moved it
   * to another customer; `rebuild` when the rebuild moved it; or the analyst action.
   */
  rule!: string | null;
  decidedAt!: string | null;
  decidedBy!: string | null;
  /** The record it matched best and the per-comparison weights. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  explanation!: Record<string, unknown> | null;
}

export class SourceRecordViewDto {
  recordKey!: string;
  system!: string;
  sourceId!: string;
  /** The record as received. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  record!: Record<string, unknown>;
  /** What the matching engine compared. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  normalised!: Record<string, unknown>;
  observedAt!: string | null;
  ingestedAt!: string | null;
  customerId!: string | null;
  decision!: DecisionDto;
}

export class CrosswalkQuery {
  /** Only records of this source system. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'must be a source system name' })
  system?: string;
}

export class ExplainTargetDto {
  @IsOptional() @ValidateNested() @Type(() => RecordReferenceDto)
  record?: RecordReferenceDto;
  /** Compare with every record of this customer (entity-centric). */
  @IsOptional() @IsString() @MaxLength(100)
  customerId?: string;
}

export class ExplainRequestDto {
  @ValidateNested() @Type(() => RecordReferenceDto)
  left!: RecordReferenceDto;
  @ValidateNested() @Type(() => ExplainTargetDto)
  right!: ExplainTargetDto;
}

export class PairExplanationDto {
  leftRecordKey!: string;
  rightRecordKey!: string;
  probability!: number;
  matchWeight!: number;
  @ApiProperty({ enum: ['link', 'review', 'new'] })
  decision!: 'link' | 'review' | 'new';
  comparisons!: ComparisonDto[];
}

export class ExplainResponseDto {
  /** The best pair (what resolution acts on). */
  best!: PairExplanationDto;
  /** Every pair compared, strongest first. */
  pairs!: PairExplanationDto[];
}

export class ReviewQuery extends PageQuery {
  @IsOptional()
  @IsIn(['open', 'closed'])
  @ApiPropertyOptional({ enum: ['open', 'closed'], default: 'open' })
  status: 'open' | 'closed' = 'open';
}

export class ReviewTaskDto {
  id!: string;
  status!: string;
  score!: number;
  createdAt!: string;
  recordKey!: string;
  customerId!: string | null;
  candidateRecordKey!: string;
  candidateCustomerId!: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  explanation!: Record<string, unknown> | null;
  decision!: string | null;
  decidedBy!: string | null;
  decidedAt!: string | null;
}

export class ReviewPageDto {
  items!: ReviewTaskDto[];
  nextCursor!: string | null;
}

export class ReviewDecisionDto {
  /** `match` merges the two customers and keeps them together; `no_match` keeps them apart for good. */
  @IsIn(['match', 'no_match'])
  @ApiProperty({ enum: ['match', 'no_match'] })
  decision!: 'match' | 'no_match';
  @IsOptional() @IsString() @MaxLength(1000)
  note?: string;
}

export class SplitRequestDto {
  /** Record keys (`system:sourceId`) to move to a new customer. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsString({ each: true })
  recordKeys!: string[];
}

export class MergeRequestDto {
  /** The customer to merge with this one (the older keeps its id). */
  @IsString() @MaxLength(100)
  customerId!: string;
}

export class OverrideCustomerDto {
  customerId!: string;
  recordKeys!: string[];
}

export class OverrideResultDto {
  /** Customers after the change, each with its records. */
  customers!: OverrideCustomerDto[];
  /** Customers that became redirects or were emptied. */
  retired!: string[];
}

export class RecordDecisionDto extends DecisionDto {
  recordKey!: string;
}

export class CustomerExplanationDto {
  customerId!: string;
  status!: string;
  mergedInto!: string | null;
  decisions!: RecordDecisionDto[];
}
