import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { map, Observable } from 'rxjs';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { LiveUpdates } from './live-updates.service';

@ApiTags('customers')
@Controller('v1/events')
export class LiveUpdatesController {
  constructor(private readonly live: LiveUpdates) {}

  /**
   * Server-Sent Events: `customer.created`, `customer.linked`, `customer.merged`,
   * `customer.split`, `customer.updated`, `customer.erased`, in the order they were committed.
   * Each message's `event` is the type, `id` the sequence number, `data` the change as JSON.
   */
  @Sse('stream')
  @Authenticated({ roles: ['analyst', 'ingest'] })
  @ApiOperation({ summary: 'Live changes to customers (Server-Sent Events)' })
  @ApiProduces('text/event-stream')
  stream(): Observable<MessageEvent> {
    return this.live.stream().pipe(map((change) => ({ id: String(change.sequence), type: change.type, data: change })));
  }
}
