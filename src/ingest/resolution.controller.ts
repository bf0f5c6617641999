import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { CurrentPrincipal } from '../common/auth/principal.decorator';
import { Principal } from '../common/auth/roles';
import { ProblemDetails } from '../common/problem/problem-details';
import {
  CrosswalkQuery,
  CustomerExplanationDto,
  ExplainRequestDto,
  ExplainResponseDto,
  MergeRequestDto,
  OverrideResultDto,
  ReviewDecisionDto,
  ReviewPageDto,
  ReviewQuery,
  SourceRecordViewDto,
  SplitRequestDto,
} from './dto/resolution.dto';
import { NDJSON } from './ingest.controller';
import { ResolutionOverridesService } from './resolution-overrides.service';
import { ResolutionQueriesService } from './resolution-queries.service';

const actor = (principal: Principal) => `api-key:${principal.keyId}`;

@ApiTags('ingest')
@Controller('v1/sources/:system/records/:sourceId')
export class SourceRecordController {
  constructor(
    private readonly queries: ResolutionQueriesService,
    private readonly overrides: ResolutionOverridesService,
  ) {}

  /** The record as received, its normalised form, the customer it resolved to and why. */
  @Get()
  @Authenticated({ roles: ['analyst', 'ingest'] })
  @ApiOperation({ summary: 'Read a source record and its resolution' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  getRecord(@Param('system') system: string, @Param('sourceId') sourceId: string): Promise<SourceRecordViewDto> {
    return this.queries.getRecord(system, sourceId);
  }

  /** Retracts the record; the customer it leaves is re-resolved (it may split). */
  @Delete()
  @Authenticated({ roles: ['ingest'] })
  @ApiOperation({ summary: 'Retract a source record' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  retract(@Param('system') system: string, @Param('sourceId') sourceId: string, @CurrentPrincipal() principal: Principal): Promise<OverrideResultDto> {
    return this.overrides.retractRecord(`${system}:${sourceId}`, actor(principal));
  }
}

@ApiTags('resolution')
@Controller('v1/resolution')
export class ResolutionController {
  constructor(private readonly queries: ResolutionQueriesService) {}

  /** NDJSON, one line `{system, sourceId, customerId}` per record. */
  @Get('crosswalk')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Crosswalk of source records to customers (NDJSON)' })
  @ApiProduces(NDJSON)
  crosswalk(@Query() query: CrosswalkQuery, @Res({ passthrough: true }) reply: FastifyReply): Readable {
    reply.type(NDJSON);
    return Readable.from(this.queries.crosswalk(query.system));
  }

  /** Compares a record with another record, or with every record of a customer: levels and weights per comparison. */
  @Post('explain')
  @HttpCode(200)
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Explain a match score' })
  @ApiOkResponse({ type: ExplainResponseDto })
  explain(@Body() request: ExplainRequestDto): Promise<ExplainResponseDto> {
    return this.queries.explain(request);
  }
}

@ApiTags('reviews')
@Controller('v1/reviews')
export class ReviewsController {
  constructor(
    private readonly queries: ResolutionQueriesService,
    private readonly overrides: ResolutionOverridesService,
  ) {}

  /** Possible matches waiting for (or decided by) an analyst, newest first. */
  @Get()
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'List review tasks' })
  list(@Query() query: ReviewQuery): Promise<ReviewPageDto> {
    return this.queries.listReviews(query);
  }

  /** `match` merges the two customers (kept together from now on); `no_match` keeps the records apart for good. */
  @Post(':id/decision')
  @HttpCode(200)
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Decide a review task' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  decide(@Param('id') id: string, @Body() body: ReviewDecisionDto, @CurrentPrincipal() principal: Principal): Promise<OverrideResultDto> {
    return this.overrides.decideReview(id, body.decision, body.note, actor(principal));
  }
}

@ApiTags('customers')
@Controller('v1/customers/:id')
export class CustomerResolutionController {
  constructor(
    private readonly queries: ResolutionQueriesService,
    private readonly overrides: ResolutionOverridesService,
  ) {}

  /** Why each record belongs to this customer: the stored decision and its per-comparison weights. */
  @Get('explain')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Explain a customer' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  explain(@Param('id') id: string): Promise<CustomerExplanationDto> {
    return this.queries.explainCustomer(id);
  }

  /** Moves records to a new customer; the parts are kept apart from now on (also when records are re-sent). */
  @Post('split')
  @HttpCode(200)
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Split a customer (analyst override)' })
  split(@Param('id') id: string, @Body() body: SplitRequestDto, @CurrentPrincipal() principal: Principal): Promise<OverrideResultDto> {
    return this.overrides.splitCustomer(id, body.recordKeys, actor(principal));
  }

  /** Merges another customer into this one (the older id survives); they are kept together from now on. */
  @Post('merge')
  @HttpCode(200)
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Merge two customers (analyst override)' })
  merge(@Param('id') id: string, @Body() body: MergeRequestDto, @CurrentPrincipal() principal: Principal): Promise<OverrideResultDto> {
    return this.overrides.mergeCustomers(id, body.customerId, actor(principal));
  }
}
