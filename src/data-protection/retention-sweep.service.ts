import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ErasureService } from './erasure.service';
import { SCHEDULER, type Scheduler } from './scheduler';

/** How often the retention sweep runs: four times a day (periods are months long). */
export const RETENTION_SWEEP_INTERVAL_MS = 6 * 3_600_000;

/** Schedules the erasure of what is past its retention period (ADR 0020). */
@Injectable()
export class RetentionSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly erasure: ErasureService,
    @Inject(SCHEDULER) private readonly scheduler: Scheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.every('retention sweep', RETENTION_SWEEP_INTERVAL_MS, () =>
      this.erasure.sweep(),
    );
  }

  onApplicationShutdown(): void {
    this.scheduler.stopAll();
  }
}
