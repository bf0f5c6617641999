import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator';
import { ProblemDetails } from '../problem/problem-details';
import { AuditPageDto, AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

/** The audit trail, for admins. There is no route that changes it. */
@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated({ roles: ['admin'] })
  @ApiOperation({ summary: 'Who searched, viewed, screened or changed what, and when (newest first)' })
  @ApiBadRequestResponse({ type: ProblemDetails })
  list(@Query() query: AuditQuery): Promise<AuditPageDto> {
    return this.audit.list(query);
  }
}
