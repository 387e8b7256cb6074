import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { Metrics } from '../metrics/metrics.service';
import { AuditAction } from './audit-actions';
import { AuditSealer } from './audit-sealer.service';

/** What the audit trail tells the metrics about an event it wrote. */
export interface AuditEventFacts {
  action: AuditAction;
  outcome: string;
  categories?: readonly string[];
  details?: unknown;
}

/**
 * The audit trail's metrics (docs/operations/metrics.md): events written, failed logins and
 * disclosures by category, counted when written; the sealer's queue, read when scraped. The
 * audit module registers them in the app's registry, so that the metrics module does not
 * depend on the audit trail. Without the metrics module (none registered) it counts nothing.
 */
@Injectable()
export class AuditMetrics implements OnModuleInit {
  private readonly counters?: {
    events: Counter<'action' | 'outcome'>;
    loginFailures: Counter<'reason'>;
    disclosures: Counter<'category'>;
  };

  constructor(
    private readonly sealer: AuditSealer,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.counters = metrics && {
      events: metrics.counter(
        'lotse_audit_events_total',
        'Audit events written, by action and outcome (counted when written, before commit).',
        ['action', 'outcome'],
      ),
      loginFailures: metrics.counter(
        'lotse_login_failures_total',
        'Failed logins, by reason (unknown account, wrong password, disabled, ...).',
        ['reason'],
      ),
      disclosures: metrics.counter(
        'lotse_disclosure_events_total',
        'Audit events that disclosed client data, by data category.',
        ['category'],
      ),
    };
  }

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

  /** Counts an event the trail wrote. */
  observe(event: AuditEventFacts): void {
    if (!this.counters) return;
    this.counters.events.inc({ action: event.action, outcome: event.outcome });
    if (event.action === AuditAction.AuthLogin && event.outcome === 'failure') {
      const reason = (event.details as { reason?: unknown } | undefined)?.reason;
      this.counters.loginFailures.inc({ reason: typeof reason === 'string' ? reason : 'unknown' });
    }
    if (event.outcome === 'success') {
      for (const category of new Set(event.categories ?? [])) {
        this.counters.disclosures.inc({ category });
      }
    }
  }
}
