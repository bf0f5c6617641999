import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class ProfileQuery {
  /** The moment the 90-day windows end (ISO 8601); default now. Lets an analyst see the profile as it stood. */
  @IsOptional() @IsISO8601({ strict: true })
  asOf?: string;
}

export class ProfileRecordDto {
  recordKey!: string;
  system!: string;
  sourceId!: string;
  observedAt!: string | null;
}

export class MergedCustomerDto {
  id!: string;
  @ApiProperty({ enum: ['MERGED'] })
  status!: 'MERGED';
  /** The customer that holds this one's records now; also in the Location header. */
  mergedInto!: string;
}

export class CustomerProfileDto {
  id!: string;
  status!: string;
  displayName!: string | null;
  createdAt!: string | null;
  updatedAt!: string | null;
  /**
   * Golden attributes (survivorship), each value with the system, source record and time it
   * came from and the rule that chose it: name, birthDate, gender, organizationName, emails,
   * phones, addresses, identifiers.
   */
  @ApiProperty({ type: 'object', additionalProperties: true })
  attributes!: Record<string, unknown>;
  records!: ProfileRecordDto[];
  /**
   * One summary per dimension: demography, geography, products, transactions, value, campaigns,
   * loyalty, social, network, risk, interactions, incidents. Event dimensions give count,
   * firstSeen, lastSeen, last90Days, previous90Days and trend; derived scores (value, risk)
   * give their method and inputs.
   */
  @ApiProperty({ type: 'object', additionalProperties: true })
  dimensions!: Record<string, unknown>;
  /** End of the 90-day windows. */
  asOf!: string;
  /** Events read for the summaries (the newest PROFILE_MAX_EVENTS at most). */
  eventsRead!: number;
}

export class ErasureCountsDto {
  sourceRecords!: number;
  events!: number;
  reviewTasks!: number;
  /** Identifier nodes and blocking keys no other record held. */
  identifiers!: number;
  /** Older ids that had been merged into the customer. */
  mergedIds!: number;
}

export class ErasureResultDto {
  customerId!: string;
  erased!: ErasureCountsDto;
}
