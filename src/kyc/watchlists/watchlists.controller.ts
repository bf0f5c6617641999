import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { AuditService } from '../../common/audit/audit.service';
import { Authenticated } from '../../common/auth/authenticated.decorator';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import { Principal } from '../../common/auth/roles';
import { ProblemDetails } from '../../common/problem/problem-details';
import { WatchlistEntryDto, WatchlistLoadQuery, WatchlistLoadResultDto } from '../dto/kyc.dto';
import { WatchlistsService } from './watchlists.service';

@ApiTags('kyc')
@ApiExtraModels(WatchlistEntryDto)
@Controller('v1/watchlists')
export class WatchlistsController {
  constructor(
    private readonly watchlists: WatchlistsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Loads or updates entries of a list (one or an array, up to WATCHLIST_MAX_BATCH; larger files
   * through `npm run watchlist:import`). An entry sent with `removed: true`, or absent from a
   * `mode=full` reload, is withdrawn. Bad entries are reported by index, the others loaded.
   * Customers are screened against new and changed entries in a job (`screeningJobId`).
   */
  @Post(':list/entries')
  @HttpCode(200)
  @Authenticated({ roles: ['ingest'] })
  @ApiOperation({ summary: 'Load or update watchlist entries' })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(WatchlistEntryDto) }, { type: 'array', items: { $ref: getSchemaPath(WatchlistEntryDto) } }] } })
  @ApiOkResponse({ type: WatchlistLoadResultDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails })
  async load(@Param('list') list: string, @Query() query: WatchlistLoadQuery, @Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<WatchlistLoadResultDto> {
    const result = await this.watchlists.load(list, body, query.mode, `api-key:${principal.keyId}`);
    await this.audit.record(principal, {
      action: 'watchlist.load',
      target: list,
      parameters: { mode: result.mode, created: result.created, updated: result.updated, withdrawn: result.withdrawn, errors: result.errors.length },
      resultCount: result.received,
    });
    return result;
  }
}
