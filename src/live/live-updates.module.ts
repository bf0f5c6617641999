import { Global, Module } from '@nestjs/common';
import { LiveUpdatesController } from './live-updates.controller';
import { LiveUpdates } from './live-updates.service';

/** Global: the resolution pipeline, the overrides and erasure all publish to the one stream. */
@Global()
@Module({
  controllers: [LiveUpdatesController],
  providers: [LiveUpdates],
  exports: [LiveUpdates],
})
export class LiveUpdatesModule {}
