import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsPartialDate } from '../../ingest/dto/record-validators';
import { PageQuery } from '../../common/pagination/pagination';

const TYPES_PATTERN = /^[A-Za-z_]{2,40}(,[A-Za-z_]{2,40}){0,30}$/;
const TYPES_MESSAGE = 'must be a comma-separated list such as SPOUSE,REFERRAL,PHONE (relationship types, RELATIONSHIP, REFERRAL, EMAIL, PHONE, ADDRESS, IDENTIFIER, DEVICE)';

export class NeighbourhoodQuery {
  /** Customer hops from the customer (1 to NETWORK_MAX_DEPTH). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  @ApiPropertyOptional({ minimum: 1, default: 2 })
  depth: number = 2;

  /** Edge kinds to follow: relationship types (SPOUSE, OWNS, …), RELATIONSHIP (all of them), REFERRAL, EMAIL, PHONE, ADDRESS, IDENTIFIER, DEVICE. Default: all. */
  @IsOptional() @Matches(TYPES_PATTERN, { message: TYPES_MESSAGE })
  types?: string;

  /** Most nodes in the answer (up to NETWORK_MAX_NODES); beyond it the answer is `truncated`. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  @ApiPropertyOptional({ minimum: 1, default: 100 })
  limit: number = 100;
}

export class PathQuery {
  /** Customer id to start from. */
  @IsString() @MinLength(1) @MaxLength(100)
  from!: string;

  /** Customer id to reach. */
  @IsString() @MinLength(1) @MaxLength(100)
  to!: string;

  /** Longest path looked for, in customer hops (up to NETWORK_MAX_PATH_DEPTH). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  @ApiPropertyOptional({ minimum: 1, default: 4 })
  maxDepth: number = 4;

  /** Edge kinds to follow, as for the neighbourhood. */
  @IsOptional() @Matches(TYPES_PATTERN, { message: TYPES_MESSAGE })
  types?: string;
}

export class ReferralQuery {
  /** up: who referred the customer, and who referred them; down: whom the customer referred, and so on. */
  @IsOptional() @IsIn(['up', 'down'])
  @ApiPropertyOptional({ enum: ['up', 'down'], default: 'down' })
  direction: 'up' | 'down' = 'down';

  /** Referral hops (up to NETWORK_MAX_REFERRAL_DEPTH). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  @ApiPropertyOptional({ minimum: 1, default: 3 })
  depth: number = 3;
}

export class TopReferrersQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  limit: number = 20;
}

export const SHARED_IDENTIFIER_TYPES = ['email', 'phone', 'address', 'identifier', 'device'] as const;

export class SharedIdentifiersQuery extends PageQuery {
  /** Kind of identifier; default all. */
  @IsOptional() @IsIn(SHARED_IDENTIFIER_TYPES)
  @ApiPropertyOptional({ enum: SHARED_IDENTIFIER_TYPES })
  type?: (typeof SHARED_IDENTIFIER_TYPES)[number];

  /** Smallest ring listed: customers sharing the value. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(2) @Max(1000000)
  @ApiPropertyOptional({ minimum: 2, default: 2 })
  minCustomers: number = 2;
}

export class NetworkNodeDto {
  /** A customer id, or `<kind>:<value>` for an identifier node (`phone:+442079460958`). */
  id!: string;
  @ApiProperty({ enum: ['Customer', 'Email', 'Phone', 'Address', 'Identifier', 'Device'] })
  label!: string;
  displayName!: string | null;
  /** Customer hops from where the query started; identifier nodes take the depth of the customer that reached them. */
  depth!: number;
  /** For identifier nodes: how many source records hold the value. */
  @ApiPropertyOptional()
  records?: number;
}

export class NetworkEdgeDto {
  from!: string;
  to!: string;
  /** A relationship type (SPOUSE, OWNS, …), REFERRED (referrer → referred), or HAS_EMAIL, HAS_PHONE, … (customer → identifier). */
  type!: string;
  /** origin (record or api), source system or asserting party, ownershipPct, since, at, assertedBy. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  properties!: Record<string, unknown>;
}

export class NetworkGraphDto {
  /** The customer the query started from (a merged id is answered for its survivor). */
  customerId!: string;
  nodes!: NetworkNodeDto[];
  edges!: NetworkEdgeDto[];
  /** True when the answer stopped at the node limit or a hub had more members than shown. */
  truncated!: boolean;
}

export class NetworkPathDto {
  /** Customer hops. */
  hops!: number;
  /** Customer ids from `from` to `to`. */
  customers!: string[];
  /** Every edge on the way, in order (a shared identifier contributes its two edges). */
  edges!: NetworkEdgeDto[];
}

export class PathResultDto {
  from!: string;
  to!: string;
  found!: boolean;
  /** Length of the shortest paths, null when none within maxDepth. */
  hops!: number | null;
  paths!: NetworkPathDto[];
  nodes!: NetworkNodeDto[];
  edges!: NetworkEdgeDto[];
  /** True when the search stopped early on its frontier cap, so a longer search might still find a path. */
  truncated!: boolean;
}

export class ReferrerDto {
  id!: string;
  displayName!: string | null;
  /** Customers this customer referred. */
  referrals!: number;
}

export class TopReferrersDto {
  items!: ReferrerDto[];
}

export class HouseholdAddressDto {
  postcode!: string;
  number!: string;
  street!: string;
  locality!: string;
  country!: string;
}

export class HouseholdMemberDto {
  id!: string;
  displayName!: string | null;
  /** surname, phone or email: what the member shares with another member. */
  reasons!: string[];
}

export class HouseholdDto {
  /** Stable for the address and its first member. */
  id!: string;
  address!: HouseholdAddressDto;
  members!: HouseholdMemberDto[];
}

export class HouseholdResultDto {
  customerId!: string;
  /** Null when the customer shares its current address with nobody by surname or contact. */
  household!: HouseholdDto | null;
}

export class SharedIdentifierMemberDto {
  id!: string;
  displayName!: string | null;
}

export class SharedIdentifierDto {
  @ApiProperty({ enum: SHARED_IDENTIFIER_TYPES })
  type!: string;
  value!: string;
  /** Active customers holding it. */
  customers!: number;
  /** Up to 50 of them. */
  members!: SharedIdentifierMemberDto[];
}

export class SharedIdentifiersPageDto {
  items!: SharedIdentifierDto[];
  nextCursor!: string | null;
}

/** One end of an edge: a customer, or a source record. */
export class EdgeEndDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  customerId?: string;
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'must be a source system name (lower-case letters, digits, _ . -)' })
  system?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  sourceId?: string;
}

export class AddRelationshipDto {
  @ValidateNested() @Type(() => EdgeEndDto)
  from!: EdgeEndDto;
  @ValidateNested() @Type(() => EdgeEndDto)
  to!: EdgeEndDto;
  /** SPOUSE, PARENT, CHILD, SIBLING, PARTNER, BUSINESS_PARTNER, EMPLOYEE_OF, DIRECTOR_OF, OWNS, … or REFERRED_BY. */
  @Matches(/^[A-Z][A-Z_]{1,39}$/, { message: 'must be an upper-case relationship type such as SPOUSE' })
  type!: string;
  @IsOptional() @IsNumber() @Min(0) @Max(100)
  ownershipPct?: number;
  @IsOptional() @IsPartialDate()
  since?: string;
  /** Where the fact comes from (a system, a document, a case number). */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  source?: string;
}

export class EdgeEndResultDto {
  recordKey!: string;
  customerId!: string;
}

export class RelationshipResultDto {
  from!: EdgeEndResultDto;
  to!: EdgeEndResultDto;
  type!: string;
  origin!: string;
  source!: string;
  assertedBy!: string;
  at!: string;
}
