import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MetricsCollectors } from './metrics-collectors';
import { MetricsServer } from './metrics-server';
import { Metrics } from './metrics.service';

/** Prometheus metrics (docs/operations/metrics.md). Global: any module may count into them. */
@Global()
@Module({
  imports: [AuditModule],
  providers: [Metrics, MetricsCollectors, MetricsServer],
  exports: [Metrics, MetricsServer],
})
export class MetricsModule {}
