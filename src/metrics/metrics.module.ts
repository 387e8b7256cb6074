import { Global, Module } from '@nestjs/common';
import { MetricsCollectors } from './metrics-collectors';
import { MetricsServer } from './metrics-server';
import { Metrics } from './metrics.service';

/** Prometheus metrics (docs/operations/metrics.md). Global: any module may count into them. */
@Global()
@Module({
  providers: [Metrics, MetricsCollectors, MetricsServer],
  exports: [Metrics, MetricsServer],
})
export class MetricsModule {}
