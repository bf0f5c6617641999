import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../common/audit/audit.service';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { CurrentPrincipal } from '../common/auth/principal.decorator';
import { Principal } from '../common/auth/roles';
import { ProblemDetails } from '../common/problem/problem-details';
import {
  AlertsPageDto,
  AlertsQuery,
  BeneficialOwnersDto,
  BeneficialOwnersQuery,
  ExposureListDto,
  ExposureQuery,
  HitDecisionDto,
  HitDecisionResultDto,
  KycProfileDto,
  ScreeningRequestDto,
  ScreeningResultDto,
} from './dto/kyc.dto';
import { ExposureService } from './exposure/exposure.service';
import { OwnershipService } from './ownership/ownership.service';
import { RiskService } from './risk/risk.service';
import { ScreeningService } from './screening/screening.service';

/** Screening, KYC profiles, ownership, exposure and alerts; every analyst request is audited. */
@ApiTags('kyc')
@Controller('v1/kyc')
@ApiBadRequestResponse({ type: ProblemDetails })
export class KycController {
  constructor(
    private readonly screening: ScreeningService,
    private readonly risk: RiskService,
    private readonly ownership: OwnershipService,
    private readonly exposure: ExposureService,
    private readonly audit: AuditService,
  ) {}

  /** A name (with birth date, country and type when known) against the watchlists; each match explains its score. */
  @Post('screenings')
  @HttpCode(200)
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Screen a name against the watchlists' })
  async screen(@Body() body: ScreeningRequestDto, @CurrentPrincipal() principal: Principal): Promise<ScreeningResultDto> {
    const result = await this.screening.screen(body);
    // The screened name is personal data: the audit keeps which inputs were given, not their values.
    const given = (['birthDate', 'country', 'type', 'identifier'] as const).filter((field) => body[field] !== undefined);
    await this.audit.record(principal, { action: 'kyc.screening', target: null, parameters: { given, lists: body.lists ?? null, threshold: result.threshold }, resultCount: result.matches.length });
    return { screenedAt: new Date().toISOString(), threshold: result.threshold, candidates: result.candidates, matches: result.matches };
  }

  /** Verification completeness, watchlist hits, network exposure and the risk score with its factors (assessed now, and stored). */
  @Get('customers/:id')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: "A customer's KYC profile and explained risk score" })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async customer(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<KycProfileDto> {
    const profile = await this.risk.profile(id);
    await this.audit.record(principal, { action: 'kyc.customer.view', target: profile.customerId, parameters: {}, resultCount: 1 });
    return profile as KycProfileDto;
  }

  /** Owners of an organisation through ownership chains: percentages multiplied along a chain, parallel chains added. */
  @Get('organizations/:id/beneficial-owners')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Ultimate beneficial owners of an organisation' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async beneficialOwners(@Param('id') id: string, @Query() query: BeneficialOwnersQuery, @CurrentPrincipal() principal: Principal): Promise<BeneficialOwnersDto> {
    const answer = await this.ownership.beneficialOwners(id, query.threshold, query.maxDepth);
    await this.audit.record(principal, { action: 'kyc.beneficial-owners', target: answer.organizationId, parameters: { threshold: query.threshold, maxDepth: query.maxDepth }, resultCount: answer.owners.length });
    return answer;
  }

  /** Customers within k hops of a customer matching a sanctions or PEP entry, through relationships, ownership and shared identifiers, each with its path. */
  @Get('exposure')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Customers exposed to sanctioned or PEP-matched customers' })
  async exposed(@Query() query: ExposureQuery, @CurrentPrincipal() principal: Principal): Promise<ExposureListDto> {
    const result = await this.exposure.exposedCustomers(query.depth, query.limit);
    await this.audit.record(principal, { action: 'kyc.exposure', target: null, parameters: { depth: query.depth, limit: query.limit }, resultCount: result.items.length });
    return result;
  }

  /** Customers whose risk score crossed KYC_ALERT_THRESHOLD, newest first. */
  @Get('alerts')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'KYC alerts, newest first' })
  async alerts(@Query() query: AlertsQuery, @CurrentPrincipal() principal: Principal): Promise<AlertsPageDto> {
    const page = await this.risk.alerts(query.status, query.cursor, query.limit);
    await this.audit.record(principal, { action: 'kyc.alerts', target: null, parameters: { status: query.status, limit: query.limit }, resultCount: page.items.length });
    return page;
  }

  /** An analyst's decision on a hit: a false positive stops counting and alerting until the customer or the entry changes. */
  @Post('hits/:id/decision')
  @HttpCode(200)
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Decide on a watchlist hit (false positive, confirmed, open)' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  async decide(@Param('id') id: string, @Body() body: HitDecisionDto, @CurrentPrincipal() principal: Principal): Promise<HitDecisionResultDto> {
    const decided = await this.risk.decideHit(id, body.decision, `api-key:${principal.keyId}`, body.note ?? null);
    await this.audit.record(principal, { action: 'kyc.hit.decision', target: decided.customerId, parameters: { hit: id, decision: body.decision }, resultCount: 1 });
    return decided;
  }
}
