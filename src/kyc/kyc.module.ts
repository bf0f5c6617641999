import { Module } from '@nestjs/common';
import { AuditModule } from '../common/audit/audit.module';
import { IngestModule } from '../ingest/ingest.module';
import { NetworkModule } from '../network/network.module';
import { ExposureService } from './exposure/exposure.service';
import { KycController } from './kyc.controller';
import { KycRepository } from './kyc.repository';
import { OwnershipService } from './ownership/ownership.service';
import { RiskService } from './risk/risk.service';
import { AutoScreening } from './screening/auto-screening.service';
import { ScreeningService } from './screening/screening.service';
import { WatchlistsController } from './watchlists/watchlists.controller';
import { WatchlistsService } from './watchlists/watchlists.service';

@Module({
  imports: [AuditModule, IngestModule, NetworkModule],
  controllers: [KycController, WatchlistsController],
  providers: [KycRepository, ScreeningService, RiskService, ExposureService, OwnershipService, WatchlistsService, AutoScreening],
  exports: [WatchlistsService, ScreeningService, AutoScreening],
})
export class KycModule {}
