import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Neo4jService } from '../neo4j/neo4j.service';
import { HealthReport } from './health.dto';

@Injectable()
export class HealthService {
  constructor(
    private readonly neo4j: Neo4jService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async report(): Promise<HealthReport> {
    const ping = await this.neo4j.ping();
    return {
      status: ping.up ? 'up' : 'down',
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round(process.uptime()),
      neo4j: {
        status: ping.up ? 'up' : 'down',
        mode: this.config.neo4jMode,
        latencyMs: ping.latencyMs,
        ...(ping.error ? { error: ping.error } : {}),
      },
    };
  }
}
