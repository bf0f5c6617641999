import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { CurrentPrincipal } from '../common/auth/principal.decorator';
import { Principal } from '../common/auth/roles';
import { ProblemDetails } from '../common/problem/problem-details';
import { DEFAULT_RANDOM_PAIRS } from '../resolution';
import { JobDto } from '../jobs/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { MatchModelDto, TrainMatchModelDto } from './dto/match-model.dto';
import { MatchModelProvider } from './match-model.provider';
import { matchModelView, ModelTrainingService } from './model-training.service';
import { RebuildService } from './rebuild.service';

@ApiTags('admin')
@Controller('v1/admin')
export class AdminController {
  constructor(
    private readonly jobs: JobsService,
    private readonly rebuilds: RebuildService,
    private readonly training: ModelTrainingService,
    private readonly models: MatchModelProvider,
  ) {}

  /** The match model in force: every comparison level with its m, u and weight in bits. */
  @Get('resolution/model')
  @Authenticated({ roles: ['analyst'] })
  @ApiOperation({ summary: 'Read the match model in force' })
  @ApiOkResponse({ type: MatchModelDto })
  model(): MatchModelDto {
    return matchModelView(this.models.current());
  }

  /**
   * Estimates m and u from the stored records without labels (EM, a job) and puts the model in
   * force on every replica; pinned levels keep the settings values. Records already resolved
   * keep their decisions until `POST /v1/admin/resolution/rebuild`.
   */
  @Post('resolution/model/train')
  @HttpCode(202)
  @Authenticated({ roles: [] })
  @ApiOperation({ summary: 'Train the match model from the data (admin job)' })
  @ApiAcceptedResponse({ type: JobDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'fewer source records than MATCH_MODEL_MIN_RECORDS' })
  async train(@CurrentPrincipal() principal: Principal, @Body() body: TrainMatchModelDto): Promise<JobDto> {
    const by = `api-key:${principal.keyId}`;
    await this.training.assertEnoughRecords();
    const request = { seed: body?.seed ?? 1, randomPairs: body?.randomPairs ?? DEFAULT_RANDOM_PAIRS };
    return this.jobs.start('match-model-training', by, (progress) => this.training.train(by, request, progress));
  }

  /** Puts the settings file's weights back in force (the trained models stay stored, inactive). */
  @Delete('resolution/model')
  @Authenticated({ roles: [] })
  @ApiOperation({ summary: 'Go back to the settings weights' })
  @ApiOkResponse({ type: MatchModelDto })
  async useSettings(): Promise<MatchModelDto> {
    return matchModelView(await this.training.useSettings());
  }

  /**
   * Re-resolves every record from the source records (a job); ids are kept where the partition
   * allows. Each record is normalised again from what its source sent, and records stored under
   * other blocking keys than the current settings give (an older version) are re-linked to the
   * current ones first; the job's result counts them (recordsRenormalised, keysRefreshed).
   */
  @Post('resolution/rebuild')
  @HttpCode(202)
  @Authenticated({ roles: [] })
  @ApiOperation({
    summary: 'Rebuild the resolution (admin job)',
    description:
      'Normalises every record again from what its source sent, re-links records stored under other blocking keys than the current settings give, then re-resolves everything. ' +
      'Poll GET /v1/admin/jobs/{id}; the result counts records, customers, recordsMoved, customersCreated, customersRetired, keysRefreshed and recordsRenormalised.',
  })
  @ApiAcceptedResponse({ type: JobDto })
  rebuild(@CurrentPrincipal() principal: Principal): Promise<JobDto> {
    const by = `api-key:${principal.keyId}`;
    return this.jobs.start('resolution-rebuild', by, (progress) => this.rebuilds.rebuild(by, progress));
  }

  /** Progress and result of a job. */
  @Get('jobs/:id')
  @Authenticated({ roles: ['ingest', 'analyst'] })
  @ApiOperation({ summary: 'Read a job' })
  @ApiNotFoundResponse({ type: ProblemDetails })
  job(@Param('id') id: string): Promise<JobDto> {
    return this.jobs.get(id);
  }
}
