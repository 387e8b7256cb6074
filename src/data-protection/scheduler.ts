import { Logger } from '@nestjs/common';

/**
 * Runs a task again and again (ADR 0020). A small interface so that the retention sweep does
 * not depend on how it is scheduled: today a timer in each instance (`IntervalScheduler`);
 * once the job runner of issue 18 (pg-boss) is merged, an implementation that enqueues a
 * singleton job replaces it without touching the sweep. The sweep is idempotent and locks each
 * client, so two instances running it at once only repeat checks.
 */
export interface Scheduler {
  every(name: string, intervalMs: number, task: () => Promise<unknown>): void;
  stopAll(): void;
}

/** The Nest token of the scheduler. */
export const SCHEDULER = Symbol('Scheduler');

/** `setInterval` in this process, never overlapping runs, never keeping the process alive. */
export class IntervalScheduler implements Scheduler {
  private readonly logger = new Logger(IntervalScheduler.name);
  private readonly timers: NodeJS.Timeout[] = [];

  every(name: string, intervalMs: number, task: () => Promise<unknown>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      task()
        .catch((error: unknown) => this.logger.error(`${name} failed: ${String(error)}`))
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  stopAll(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }
}
