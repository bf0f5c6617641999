import { Module } from '@nestjs/common';
import { IngestController } from './ingest.controller';
import { IngestRepository } from './ingest.repository';
import { IngestService } from './ingest.service';
import { MatchModelProvider } from './match-model.provider';
import { ResolutionPipeline } from './resolution-pipeline.service';

@Module({
  controllers: [IngestController],
  providers: [IngestService, IngestRepository, ResolutionPipeline, MatchModelProvider],
  exports: [IngestService, ResolutionPipeline, MatchModelProvider],
})
export class IngestModule {}
