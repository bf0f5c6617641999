import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';
import { NetworkEdgeDto } from '../../network/dto/network.dto';
import { IsPartialDate } from '../../ingest/dto/record-validators';

export class ScreeningRequestDto {
  /** The name to screen, in any order and spelling: "PETROV, Wiktor", "Viktor A. Petrov". */
  @IsString() @MinLength(1) @MaxLength(500) @Matches(/\p{L}/u, { message: 'must contain a letter' })
  name!: string;

  /** YYYY, YYYY-MM or YYYY-MM-DD: a matching date raises the score, a distant one lowers it. */
  @IsOptional() @IsPartialDate()
  birthDate?: string;

  /** ISO 3166 alpha-2: a country the entry also names raises the score. */
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166 alpha-2 country code such as GB' })
  country?: string;

  @IsOptional() @IsIn(['person', 'organization'])
  @ApiPropertyOptional({ enum: ['person', 'organization'] })
  type?: 'person' | 'organization';

  /** A document number (passport, national id, registration): one the entry also holds raises the score. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  identifier?: string;

  /** Only these lists (default: all). */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, { each: true, message: 'each must be a list name' })
  lists?: string[];

  /** Lowest score reported (default KYC_HIT_THRESHOLD); lower it to see near misses. */
  @IsOptional() @IsNumber() @Min(0.5) @Max(1)
  threshold?: number;

  @IsOptional() @IsInt() @Min(1) @Max(100)
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  limit?: number;
}

export class ScreeningFactorDto {
  /** name, birthDate, country or type. */
  factor!: string;
  /** What the factor adds to (or takes from) the score. */
  effect!: number;
  detail!: string;
}

export class ScreeningMatchDto {
  list!: string;
  entryId!: string;
  type!: string;
  topics!: string[];
  names!: string[];
  aliases!: string[];
  birthDates!: string[];
  countries!: string[];
  /** 0 to 1: the name score plus the other factors' effects. */
  score!: number;
  nameScore!: number;
  /** The entry's name or alias that matched best, as the list writes it. */
  matchedName!: string;
  subjectName!: string;
  @ApiProperty({ type: [ScreeningFactorDto] })
  factors!: ScreeningFactorDto[];
}

export class ScreeningResultDto {
  screenedAt!: string;
  threshold!: number;
  /** Entries scored (those sharing name keys with the subject). */
  candidates!: number;
  @ApiProperty({ type: [ScreeningMatchDto] })
  matches!: ScreeningMatchDto[];
}

export class HitDecisionDto {
  /** false_positive: the hit no longer counts or alerts until the customer or the entry changes; confirmed: counts fully; open: undecided again. */
  @IsIn(['false_positive', 'confirmed', 'open'])
  @ApiProperty({ enum: ['false_positive', 'confirmed', 'open'] })
  decision!: 'false_positive' | 'confirmed' | 'open';

  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class HitDecisionResultDto {
  id!: string;
  customerId!: string;
  status!: string;
  list!: string;
  entryId!: string;
  /** The customer's risk after the decision. */
  riskScore!: number;
}

export class BeneficialOwnersQuery {
  /** Smallest effective share listed, in percent (inclusive). */
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(100)
  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 25 })
  threshold: number = 25;

  /** Longest ownership chain followed, in hops. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20)
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 10 })
  maxDepth: number = 10;
}

export class OwnershipChainDto {
  /** Owner first, the organisation last. */
  customers!: string[];
  /** Per hop, the percent each holds of the next. */
  percentages!: number[];
  /** The product of the hops, in percent. */
  share!: number;
}

export class BeneficialOwnerDto {
  customerId!: string;
  displayName!: string | null;
  type!: string;
  /** Effective share in percent: the sum of the chains. */
  share!: number;
  direct!: boolean;
  @ApiProperty({ type: [OwnershipChainDto] })
  chains!: OwnershipChainDto[];
}

export class BeneficialOwnersDto {
  organizationId!: string;
  displayName!: string | null;
  threshold!: number;
  maxDepth!: number;
  @ApiProperty({ type: [BeneficialOwnerDto] })
  owners!: BeneficialOwnerDto[];
  /** Chains were cut at maxDepth or at the chain cap: shares may be understated. */
  truncated!: boolean;
}

export class AlertsQuery extends PageQuery {
  @IsOptional() @IsIn(['open', 'cleared', 'all'])
  @ApiPropertyOptional({ enum: ['open', 'cleared', 'all'], default: 'open' })
  status: 'open' | 'cleared' | 'all' = 'open';
}

export class RiskFactorDto {
  /** watchlist, exposure, jurisdiction, missing-identity, shared-identifiers or unusual-activity. */
  factor!: string;
  weight!: number;
  /** 0 to 1: how strongly the factor is present. */
  value!: number;
  /** weight × value. */
  contribution!: number;
  detail!: string;
}

export class AlertDto {
  id!: string;
  customerId!: string;
  displayName!: string | null;
  /** open, or cleared once the score fell below the threshold. */
  status!: string;
  score!: number;
  threshold!: number;
  @ApiProperty({ type: [RiskFactorDto] })
  factors!: RiskFactorDto[];
  raisedAt!: string;
  clearedAt!: string | null;
  updatedAt!: string;
}

export class AlertsPageDto {
  @ApiProperty({ type: [AlertDto] })
  items!: AlertDto[];
  nextCursor!: string | null;
}

export class ExposureQuery {
  /** Customer hops from a sanctioned or PEP-matched customer (up to KYC_EXPOSURE_DEPTH). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4)
  @ApiPropertyOptional({ minimum: 1, maximum: 4, default: 2 })
  depth: number = 2;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  limit: number = 100;
}

export class ExposurePathDto {
  /** The exposed customer first, the flagged one last. */
  customers!: string[];
  @ApiProperty({ type: [NetworkEdgeDto] })
  edges!: NetworkEdgeDto[];
}

export class FlaggedCustomerDto {
  customerId!: string;
  displayName!: string | null;
  hitId!: string;
  list!: string;
  entryId!: string;
  topics!: string[];
  score!: number;
}

export class ExposureDto {
  customerId!: string;
  hops!: number;
  flagged!: FlaggedCustomerDto;
  path!: ExposurePathDto;
}

export class ExposureListDto {
  /** Customers with a sanctions or PEP hit the search started from. */
  flagged!: number;
  @ApiProperty({ type: [ExposureDto] })
  items!: ExposureDto[];
  truncated!: boolean;
}

export class KycRiskDto {
  score!: number;
  level!: string;
  threshold!: number;
  version!: string;
  assessedAt!: string;
  @ApiProperty({ type: [RiskFactorDto] })
  factors!: RiskFactorDto[];
}

export class KycHitDto {
  id!: string;
  /** open, confirmed or false_positive. */
  status!: string;
  score!: number;
  nameScore!: number;
  matchedName!: string;
  subjectName!: string;
  @ApiProperty({ type: [ScreeningFactorDto] })
  factors!: ScreeningFactorDto[];
  list!: string;
  entryId!: string;
  entryType!: string;
  entryNames!: string[];
  topics!: string[];
  screenedAt!: string;
  decidedBy!: string | null;
  decidedAt!: string | null;
  note!: string | null;
}

export class AlertSummaryDto {
  id!: string;
  status!: string;
  score!: number;
  raisedAt!: string;
  clearedAt!: string | null;
}

export class IdentityCompletenessDto {
  birthDate!: boolean;
  identifiers!: number;
  addresses!: number;
}

export class KycProfileDto {
  customerId!: string;
  displayName!: string | null;
  type!: string;
  risk!: KycRiskDto;
  /** The customer's latest alert, open or cleared. */
  @ApiProperty({ type: AlertSummaryDto, nullable: true })
  alert!: AlertSummaryDto | null;
  /** Verification completeness: which identity data the golden record has. */
  identity!: IdentityCompletenessDto;
  @ApiProperty({ type: [KycHitDto] })
  hits!: KycHitDto[];
  @ApiProperty({ type: ExposureDto, nullable: true })
  exposure!: ExposureDto | null;
  screenedAt!: string | null;
}

export class WatchlistLoadQuery {
  /** partial (default): the entries sent are added or updated; full: the list is replaced, entries not sent are withdrawn. */
  @IsOptional() @IsIn(['partial', 'full'])
  @ApiPropertyOptional({ enum: ['partial', 'full'], default: 'partial' })
  mode: 'partial' | 'full' = 'partial';
}

export class WatchlistIdentifierDto {
  /** passport, national_id, registration, tax_id, … */
  type!: string;
  value!: string;
  /** ISO 3166 alpha-2. */
  country?: string;
}

export class WatchlistEntryDto {
  entryId!: string;
  @ApiProperty({ enum: ['person', 'organization'] })
  type!: string;
  names!: string[];
  aliases?: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDates?: string[];
  /** ISO 3166 alpha-2. */
  countries?: string[];
  @ApiPropertyOptional({ type: [WatchlistIdentifierDto] })
  identifiers?: WatchlistIdentifierDto[];
  @ApiPropertyOptional({ type: [String], enum: ['sanctions', 'pep', 'crime', 'debarment', 'adverse-media'] })
  topics?: string[];
  /** true withdraws the entry. */
  removed?: boolean;
}

export class ItemErrorDto {
  /** Position of the refused entry in the request's array. */
  index!: number;
  field!: string;
  reason!: string;
}

export class WatchlistLoadResultDto {
  list!: string;
  mode!: string;
  received!: number;
  created!: number;
  updated!: number;
  unchanged!: number;
  withdrawn!: number;
  withdrawalSkipped!: string | null;
  @ApiProperty({ type: [ItemErrorDto] })
  errors!: ItemErrorDto[];
  /** Follow it at GET /v1/admin/jobs/{id}: customers screened against what changed. */
  screeningJobId!: string | null;
}
