import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ApiKeyGuard } from './common/auth/api-key.guard';
import { ApiKeyRegistry } from './common/auth/api-keys';
import { ProblemFilter } from './common/problem/problem.filter';
import { ApiKeyThrottlerGuard } from './common/throttling/api-key-throttler.guard';
import { AppConfig } from './config/app-config';
import { CustomersModule } from './customers/customers.module';
import { IngestModule } from './ingest/ingest.module';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { LiveUpdatesModule } from './live/live-updates.module';
import { Neo4jModule } from './neo4j/neo4j.module';
import { NetworkModule } from './network/network.module';
import { KycModule } from './kyc/kyc.module';

@Global()
@Module({})
class ConfigModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: ApiKeyRegistry, useValue: new ApiKeyRegistry(config.API_KEYS) },
      ],
      exports: [AppConfig, ApiKeyRegistry],
    };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        ThrottlerModule.forRoot([{ ttl: config.THROTTLE_TTL_MS, limit: config.THROTTLE_LIMIT }]),
        Neo4jModule,
        LiveUpdatesModule,
        CustomersModule,
        IngestModule,
        NetworkModule,
        KycModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        HealthService,
        MetricsService,
        // Guards run in this order: rate limit first (also for bad keys), then the key and its role.
        { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
