import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldError } from '../../common/problem/problem-details';

export class IngestResultDto {
  /** Position of the record in the request (0 for a single record). */
  index!: number;
  /** `system:sourceId`. */
  recordKey!: string;
  /** The golden customer the record resolved to. */
  customerId!: string;
  @ApiProperty({ enum: ['created', 'linked', 'merged', 'review', 'unchanged'] })
  outcome!: 'created' | 'linked' | 'merged' | 'review' | 'unchanged';
  /** Match probability behind the decision; null for a new customer with no candidate. */
  score!: number | null;
  /** The customer the record is on, then any customers merged into it. */
  customerIds!: string[];
  /** The review task opened for a possible match. */
  @ApiPropertyOptional()
  reviewTaskId?: string;
}

export class RejectedRecordDto {
  /** Position of the refused record in the request. */
  index!: number;
  @ApiPropertyOptional()
  sourceId?: string;
  errors!: FieldError[];
}

export class IngestBatchResultDto {
  /** One entry per accepted record, in request order. */
  results!: IngestResultDto[];
  /** Refused records; the others were processed. */
  errors!: RejectedRecordDto[];
}
