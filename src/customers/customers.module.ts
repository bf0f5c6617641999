import { Module } from '@nestjs/common';
import { AuditModule } from '../common/audit/audit.module';
import { IngestModule } from '../ingest/ingest.module';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

@Module({
  imports: [IngestModule, AuditModule],
  controllers: [CustomersController],
  providers: [CustomersService, CustomersRepository],
})
export class CustomersModule {}
