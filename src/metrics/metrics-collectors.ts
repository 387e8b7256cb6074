import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { postgresPoolOf, timePoolConnects } from '../common/database/typeorm-seam';
import { Metrics } from './metrics.service';

/**
 * Feeds the metrics: every HTTP response (by route template, so that ids do not become label
 * values) and the database pool (connections in use, idle, waiting callers, time to acquire),
 * read when scraped. The audit module reports its sealer's queue itself (`AuditMetrics`).
 */
@Injectable()
export class MetricsCollectors implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly adapterHost: HttpAdapterHost,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.observeHttp();
    this.observePool();
  }

  private observeHttp(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.metrics.observeRequest(
        request.method,
        route,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  private observePool(): void {
    const pool = postgresPoolOf(this.dataSource);
    if (!pool) return;
    const max = (pool.options as { max?: number }).max ?? 10;
    this.metrics.gauge(
      'lotse_db_pool_connections',
      'Connections of the database pool, by state (active: lent out; idle: open, unused).',
      ['state'],
      (g) => {
        g.set({ state: 'active' }, pool.totalCount - pool.idleCount);
        g.set({ state: 'idle' }, pool.idleCount);
      },
    );
    this.metrics.gauge('lotse_db_pool_max', 'The pool size limit (DB_POOL_MAX).', [], (g) =>
      g.set(max),
    );
    this.metrics.gauge(
      'lotse_db_pool_waiting',
      'Callers waiting for a connection because every one is in use.',
      [],
      (g) => g.set(pool.waitingCount),
    );
    // Time each request for a connection until one is lent.
    const acquire = this.metrics.poolAcquire;
    timePoolConnects(pool, () => acquire.startTimer());
  }
}
