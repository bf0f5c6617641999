import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class JobDto {
  id!: string;
  kind!: string;
  @ApiProperty({ enum: ['RUNNING', 'SUCCEEDED', 'FAILED'] })
  status!: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  /** What the job is doing now. */
  phase!: string;
  done!: number;
  total!: number;
  startedAt!: string;
  finishedAt!: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  result!: Record<string, unknown> | null;
  error!: string | null;
}
