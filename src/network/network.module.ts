import { Module } from '@nestjs/common';
import { AuditModule } from '../common/audit/audit.module';
import { NetworkController } from './network.controller';
import { NetworkRepository } from './network.repository';
import { NetworkService } from './network.service';

@Module({
  imports: [AuditModule],
  controllers: [NetworkController],
  providers: [NetworkService, NetworkRepository],
  exports: [NetworkService, NetworkRepository],
})
export class NetworkModule {}
