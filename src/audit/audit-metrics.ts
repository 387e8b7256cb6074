import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { Metrics } from '../metrics/metrics.service';
import { AuditSealer } from './audit-sealer.service';

/**
 * The sealer's queue as gauges, read when scraped (docs/operations/metrics.md). Registered by
 * the audit module, so that the metrics module does not depend on the audit trail.
 */
@Injectable()
export class AuditMetrics implements OnModuleInit {
  constructor(
    private readonly sealer: AuditSealer,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onModuleInit(): void {
    if (!this.metrics) return;
    this.metrics.gauge(
      'lotse_audit_sealing_queue',
      'Audit events written but not sealed into the hash chain yet.',
      [],
      async (g) => g.set((await this.sealer.lag()).queued),
    );
    this.metrics.gauge(
      'lotse_audit_sealing_lag_seconds',
      'Age of the oldest audit event waiting to be sealed (0 when none waits).',
      [],
      async (g) => g.set((await this.sealer.lag()).lagSeconds),
    );
  }
}
