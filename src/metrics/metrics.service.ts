import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds: from a cached read (a few ms) to the query timeout's order of magnitude. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ACQUIRE_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5];

/**
 * The app's Prometheus metrics, in a registry of its own per app instance (tests boot many
 * apps in one process). Names and alert rules: docs/operations/metrics.md. The audit trail
 * registers its own counters and gauges here (`AuditMetrics`).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'lotse_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'lotse_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by method and route template.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly poolAcquire = new Histogram({
    name: 'lotse_db_pool_acquire_seconds',
    help: 'Time spent waiting for a database connection from the pool.',
    buckets: ACQUIRE_BUCKETS,
    registers: [this.registry],
  });

  private defaultsCollected = false;

  /** Process metrics (CPU, memory, event loop lag, GC): only where the endpoint is served. */
  collectProcessMetrics(): void {
    if (this.defaultsCollected) return;
    this.defaultsCollected = true;
    collectDefaultMetrics({ register: this.registry, prefix: 'lotse_' });
  }

  /** A counter in this registry, for a module that counts its own events (the audit trail). */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge whose value is read when scraped. */
  gauge(
    name: string,
    help: string,
    labelNames: string[],
    read: (g: Gauge) => Promise<void> | void,
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await read(this);
      },
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpDuration.observe({ method, route }, seconds);
  }
}
