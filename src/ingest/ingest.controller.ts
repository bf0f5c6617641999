import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { CurrentPrincipal } from '../common/auth/principal.decorator';
import { Principal } from '../common/auth/roles';
import { ProblemDetails } from '../common/problem/problem-details';
import { AppConfig } from '../config/app-config';
import { IngestBatchResultDto, IngestResultDto } from './dto/ingest-result.dto';
import { SourceRecordDto } from './dto/source-record.dto';
import { IngestService } from './ingest.service';
import { ndjsonIntake } from './ndjson-intake';

export const NDJSON = 'application/x-ndjson';

@ApiTags('ingest')
@ApiExtraModels(SourceRecordDto, IngestResultDto, IngestBatchResultDto)
@Controller('v1/sources/:system/records')
export class IngestController {
  constructor(
    private readonly ingest: IngestService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * Ingest and resolve one record (an object), a batch (an array, up to INGEST_MAX_BATCH), or an
   * NDJSON stream (`Content-Type: application/x-ndjson`, answered as NDJSON, one line per input
   * line, then a summary line). Each record is validated on its own: refused items are reported
   * by index with the field and the reason, the others are processed.
   */
  @Post()
  @HttpCode(200)
  @Authenticated({ roles: ['ingest'] })
  @ApiOperation({ summary: 'Ingest source records (one, an array, or NDJSON)' })
  @ApiConsumes('application/json', NDJSON)
  @ApiBody({
    schema: { oneOf: [{ $ref: getSchemaPath(SourceRecordDto) }, { type: 'array', items: { $ref: getSchemaPath(SourceRecordDto) } }] },
  })
  @ApiOkResponse({
    description: 'A single record answers its result; an array answers {results, errors}',
    schema: { oneOf: [{ $ref: getSchemaPath(IngestResultDto) }, { $ref: getSchemaPath(IngestBatchResultDto) }] },
  })
  @ApiBadRequestResponse({ type: ProblemDetails, description: 'A single record that is not valid, or a bad system name' })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails })
  @ApiServiceUnavailableResponse({ type: ProblemDetails, description: 'Neo4j unreachable: nothing was applied, re-send' })
  async ingestRecords(
    @Param('system') system: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngestResultDto | IngestBatchResultDto | unknown> {
    const decidedBy = `api-key:${principal.keyId}`;
    if (contentType?.startsWith(NDJSON)) {
      this.ingest.checkSystem(system);
      reply.type(NDJSON);
      return ndjsonIntake(this.ingest, system, request.raw, decidedBy, this.config.INGEST_CHUNK_SIZE);
    }
    if (Array.isArray(body)) return this.ingest.ingestMany(system, body, decidedBy);
    return this.ingest.ingestOne(system, body, decidedBy);
  }
}
