import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { IngestController } from './ingest.controller';
import { AdminController } from './admin.controller';
import { RebuildService } from './rebuild.service';
import { JobsService } from '../jobs/jobs.service';
import { IngestRepository } from './ingest.repository';
import { IngestService } from './ingest.service';
import { MatchModelProvider } from './match-model.provider';
import { ModelTrainingService } from './model-training.service';
import { ResolutionPipeline } from './resolution-pipeline.service';
import { ResolutionOverridesService } from './resolution-overrides.service';
import { ResolutionQueriesService } from './resolution-queries.service';
import { CustomerResolutionController, ResolutionController, ReviewsController, SourceRecordController } from './resolution.controller';

@Module({
  controllers: [IngestController, EventsController, AdminController, SourceRecordController, ResolutionController, ReviewsController, CustomerResolutionController],
  providers: [IngestService, EventsService, IngestRepository, ResolutionPipeline, MatchModelProvider, ResolutionOverridesService, ResolutionQueriesService, RebuildService, ModelTrainingService, JobsService],
  exports: [IngestService, ResolutionPipeline, MatchModelProvider, JobsService],
})
export class IngestModule {}
