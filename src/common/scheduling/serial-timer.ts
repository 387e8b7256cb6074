import { Logger } from '@nestjs/common';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Background work of one instance (ADR 0019): runs queued one after another in this process,
 * on demand (`run`) and every `intervalMs` (0: only on demand). The timer never keeps the
 * process alive; `stop` waits for the run in progress.
 */
export class SerialTimer {
  private timer: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly logger: Logger,
    private readonly name: string,
  ) {}

  /** Calls `tick` every `intervalMs`; `tick` queues its work with `run`. */
  start(intervalMs: number, tick: () => Promise<unknown>): void {
    if (intervalMs === 0) return;
    this.timer = setInterval(() => {
      void tick().catch((error: unknown) =>
        this.logger.warn(`${this.name} failed: ${describe(error)}`),
      );
    }, intervalMs);
    this.timer.unref();
  }

  /** Queues `work` behind the runs before it. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.tail.catch(() => undefined);
  }
}
