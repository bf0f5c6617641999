import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsPartialDate, HasScalarValues, NameIsPresent } from './record-validators';

const SOURCE_ID = /^[^\u0000-\u001f]{1,200}$/;
const SYSTEM = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export class PersonNameDto {
  /** The name as one string, when the source has no parts. */
  @IsOptional() @IsString() @MaxLength(300)
  full?: string;
  @IsOptional() @IsString() @MaxLength(200)
  given?: string;
  @IsOptional() @IsString() @MaxLength(200)
  middle?: string;
  @IsOptional() @IsString() @MaxLength(200)
  family?: string;
}

export class OrganizationDto {
  @IsString() @MinLength(1) @MaxLength(300)
  name!: string;
  @IsOptional() @IsString() @MaxLength(100)
  registrationNumber?: string;
  /** ISO 3166-1 alpha-2. */
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code' })
  country?: string;
}

export class AddressDto {
  @IsOptional() @IsString() @MaxLength(300)
  line1?: string;
  @IsOptional() @IsString() @MaxLength(300)
  line2?: string;
  @IsOptional() @IsString() @MaxLength(200)
  locality?: string;
  @IsOptional() @IsString() @MaxLength(200)
  region?: string;
  @IsOptional() @IsString() @MaxLength(20)
  postcode?: string;
  /** ISO 3166-1 alpha-2. */
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code' })
  country?: string;
}

export class IdentifierDto {
  /** Kind of identifier: national_id, passport, tax_id, driving_licence, company_number, … */
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'must be a lower-case kind such as national_id or passport' })
  type!: string;
  @IsString() @MinLength(1) @MaxLength(100)
  value!: string;
  @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code' })
  country?: string;
}

export class RecordReferenceDto {
  @Matches(SYSTEM, { message: 'must be a source system name (lower-case letters, digits, _ . -)' })
  system!: string;
  @Matches(SOURCE_ID, { message: 'must be 1–200 characters without control characters' })
  sourceId!: string;
}

export class RelationshipDto {
  /** SPOUSE, PARENT, CHILD, SIBLING, PARTNER, BUSINESS_PARTNER, EMPLOYEE_OF, DIRECTOR_OF, OWNS, … */
  @Matches(/^[A-Z][A-Z_]{1,39}$/, { message: 'must be an upper-case relationship type such as SPOUSE' })
  type!: string;
  @ValidateNested() @Type(() => RecordReferenceDto)
  target!: RecordReferenceDto;
  /** Share owned, for OWNS. */
  @IsOptional() @IsNumber() @Min(0) @Max(100)
  ownershipPct?: number;
  @IsOptional() @IsPartialDate()
  since?: string;
}

/** A customer record as a source system holds it (DESIGN §5). */
export class SourceRecordDto {
  /** The record's id in its source system. */
  @Matches(SOURCE_ID, { message: 'must be 1–200 characters without control characters' })
  sourceId!: string;

  @IsOptional() @IsIn(['person', 'organization'])
  @ApiPropertyOptional({ enum: ['person', 'organization'], default: 'person' })
  type?: 'person' | 'organization';

  @IsOptional() @ValidateNested() @Type(() => PersonNameDto) @NameIsPresent()
  name?: PersonNameDto;

  /** Full (YYYY-MM-DD) or partial (YYYY-MM, YYYY) date of birth; must be a real date, not in the future. */
  @IsOptional() @IsPartialDate()
  birthDate?: string;

  @IsOptional() @IsString() @MaxLength(20)
  gender?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(320, { each: true })
  emails?: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(40, { each: true })
  phones?: string[];

  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AddressDto)
  addresses?: AddressDto[];

  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => IdentifierDto)
  identifiers?: IdentifierDto[];

  /** Device fingerprints or ids the customer used (app installs, browsers); shared devices connect customers. */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MinLength(1, { each: true }) @MaxLength(200, { each: true })
  devices?: string[];

  @IsOptional() @ValidateNested() @Type(() => OrganizationDto)
  organization?: OrganizationDto | null;

  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => RelationshipDto)
  relationships?: RelationshipDto[];

  @IsOptional() @ValidateNested() @Type(() => RecordReferenceDto)
  referredBy?: RecordReferenceDto;

  /** Free attributes of the source (segment, branch, …): strings, numbers or booleans. */
  @IsOptional() @IsObject() @HasScalarValues()
  attributes?: Record<string, string | number | boolean>;

  /** When the source system last saw this record to be true (ISO 8601); defaults to the time of receipt. */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true })
  observedAt?: string;
}

export const SOURCE_SYSTEM_PATTERN = SYSTEM;
