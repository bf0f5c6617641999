import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { CurrentPrincipal } from '../common/auth/principal.decorator';
import { Principal } from '../common/auth/roles';
import { ProblemDetails } from '../common/problem/problem-details';
import { JobDto } from '../jobs/job.dto';
import { JobsService } from '../jobs/jobs.service';
import { RebuildService } from './rebuild.service';

@ApiTags('admin')
@Controller('v1/admin')
export class AdminController {
  constructor(
    private readonly jobs: JobsService,
    private readonly rebuilds: RebuildService,
  ) {}

  /** Re-resolves every record from the source records (a job); ids are kept where the partition allows. */
  @Post('resolution/rebuild')
  @HttpCode(202)
  @Authenticated({ roles: [] })
  @ApiOperation({ summary: 'Rebuild the resolution (admin job)' })
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
