import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { ProblemDetails } from '../common/problem/problem-details';
import { EventBatchResultDto, EventResultDto, SourceEventDto } from './dto/source-event.dto';
import { EventsService } from './events.service';

@ApiTags('ingest')
@ApiExtraModels(SourceEventDto, EventResultDto, EventBatchResultDto)
@Controller('v1/sources/:system/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /**
   * Transactions, product changes, interactions, incidents, campaign responses, loyalty points and
   * social signals about a source record: one event or an array (up to INGEST_MAX_BATCH). Idempotent
   * by `eventId`; refused items are reported by index; an event about a record not sent yet waits
   * for it. Events follow their record through merges and splits.
   */
  @Post()
  @HttpCode(200)
  @Authenticated({ roles: ['ingest'] })
  @ApiOperation({ summary: 'Ingest events about source records (one or an array)' })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(SourceEventDto) }, { type: 'array', items: { $ref: getSchemaPath(SourceEventDto) } }] } })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(EventResultDto) }, { $ref: getSchemaPath(EventBatchResultDto) }] } })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiPayloadTooLargeResponse({ type: ProblemDetails })
  ingest(@Param('system') system: string, @Body() body: unknown): Promise<EventResultDto | EventBatchResultDto> {
    return Array.isArray(body) ? this.events.ingestMany(system, body) : this.events.ingestOne(system, body);
  }
}
