import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics.service';
import { DeliveryStatus } from './event-types';

/**
 * The outbox's metrics (docs/operations/metrics.md, ADR 0019), read when scraped: events not
 * dispatched yet, and webhook deliveries by status (`pending` is the queue, `failed` the dead
 * letters). Without the metrics module it registers nothing.
 */
@Injectable()
export class EventsMetrics implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onModuleInit(): void {
    if (!this.metrics) return;
    this.metrics.gauge(
      'lotse_events_undispatched',
      'Events committed but not given a feed position and deliveries yet.',
      [],
      async (g) => {
        const [row] = await this.dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM events WHERE position IS NULL',
        );
        g.set(row.n);
      },
    );
    this.metrics.gauge(
      'lotse_webhook_deliveries',
      'Webhook deliveries by status: pending (the queue), delivered, failed (gave up).',
      ['status'],
      async (g) => {
        const rows = await this.dataSource.query<{ status: DeliveryStatus; n: number }[]>(
          'SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status',
        );
        for (const status of Object.values(DeliveryStatus)) {
          g.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
        }
      },
    );
  }
}
