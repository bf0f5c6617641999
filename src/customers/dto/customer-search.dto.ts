import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';

export class CustomerSearchQuery extends PageQuery {
  /** Name to search for, fuzzy (typos and token order tolerated). */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;

  /** Exact email (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  /** Exact phone number in any common format. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  /** Exact identifier value (national id, passport, …). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  identifier?: string;

  /** Birth date, YYYY-MM-DD. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  birthDate?: string;
}

export class CustomerSummary {
  id!: string;
  displayName!: string | null;
  birthDate!: string | null;
  /** Relevance of a name search; null for exact-filter searches. */
  score!: number | null;
}

export class CustomerSearchPage {
  items!: CustomerSummary[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
