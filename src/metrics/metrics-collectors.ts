import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { Metrics } from './metrics.service';

type ConnectCallback = (err: Error | undefined, client: PoolClient, release: () => void) => void;

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
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
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
    // TypeORM asks the pool with a callback; time each request until a connection is lent.
    const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => Promise<PoolClient> | void;
    const acquire = this.metrics.poolAcquire;
    (pool as unknown as { connect: typeof connect }).connect = (cb?: ConnectCallback) => {
      const done = acquire.startTimer();
      if (!cb) return (connect() as Promise<PoolClient>).finally(done);
      return connect((err, client, release) => {
        done();
        cb(err, client, release);
      });
    };
  }
}
