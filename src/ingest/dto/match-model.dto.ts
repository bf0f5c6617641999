import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class TrainMatchModelDto {
  /** Seed of the random-pair sample: the same records and seed give the same model. */
  @IsOptional() @IsInt() @Min(0) @Max(2147483647)
  seed?: number;
  /**
   * Random record pairs drawn to estimate u, how often non-matching records agree by chance
   * (default 1,000,000): a level never met among them counts as at most 1 in this many.
   */
  @IsOptional() @IsInt() @Min(1000) @Max(10000000)
  randomPairs?: number;
}

export class MatchLevelDto {
  level!: string;
  /** Probability of this level among true matches. */
  m!: number;
  /** Probability of this level among non-matches. */
  u!: number;
  /** log2(m/u) in bits: what reaching the level adds to the match weight. */
  weight!: number;
  /** Kept from the settings file whatever training finds. */
  pinned!: boolean;
}

export class MatchComparisonDto {
  name!: string;
  /** An exact match weighs by how rare the value is (common names count less). */
  termFrequency!: boolean;
  levels!: MatchLevelDto[];
}

export class MatchModelDto {
  version!: string;
  @ApiProperty({ enum: ['trained', 'settings'] })
  source!: 'trained' | 'settings';
  trainedAt!: string | null;
  /** Probability from which a record links to a customer: the settings' trainedLinkThreshold for a trained model, their linkThreshold otherwise. */
  linkThreshold!: number;
  /** Probability from which a pair below the link band opens a review task. */
  reviewThreshold!: number;
  comparisons!: MatchComparisonDto[];
}
