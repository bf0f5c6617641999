import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { Neo4jService } from '../neo4j/neo4j.service';

/** Prometheus registry of this process: runtime metrics plus request durations by route pattern. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor(neo4j: Neo4jService) {
    collectDefaultMetrics({ register: this.registry });
    new Counter({
      name: 'neo4j_write_transient_failures_total',
      help: 'Write transaction attempts that failed with a transient Neo4j error (deadlock, lock timeout, lost connection) and were retried, by error code',
      labelNames: ['code'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [code, count] of neo4j.transientWriteFailures) this.inc({ code }, count);
      },
    });
  }

  /** Route patterns, never raw paths: ids in paths would explode cardinality and leak data. */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route: route ?? 'unmatched', status: String(status) }, seconds);
  }
}
