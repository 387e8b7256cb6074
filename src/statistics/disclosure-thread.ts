import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { STATISTICS_AUDIT_BUDGET, type AuditBudget, type StepOutcome } from './disclosure-audit';
import type { StepReply, StepRequest } from './disclosure-worker';
import type { DisclosureProblem } from './suppression';

/**
 * The young generation of the thread's heap: 1 MB semi-spaces instead of the process's 8 MB
 * (ADR 0012, "The audit's thread"). A worker's `resourceLimits` cannot set it: V8's flags win
 * over them. So the flag itself is set before the thread starts: V8 reads it when it configures
 * a new heap, and the main thread's heap was configured at start. It holds for every thread
 * the process starts afterwards; this is the only one.
 */
const THREAD_SEMI_SPACE = '--max-semi-space-size=1';

/** How a disclosure thread runs its steps. */
export interface DisclosureThreadOptions {
  /** The audit's budget of one step (default: `STATISTICS_AUDIT_BUDGET`). */
  budget?: Readonly<AuditBudget>;
  /** After this long a step is stopped and fails closed (default: the budget's time + 10 s). */
  stopAfterMilliseconds?: number;
  /** The thread ends after this long without a step, and gives its memory back (10 s). */
  idleMilliseconds?: number;
}

/**
 * Runs disclosure-control steps on a worker thread (docs/architecture/0012, "The audit's
 * thread"), one at a time. A jobcenter's step spends up to its budget's 5 s of CPU in integer
 * programs; on the main thread that stopped every other request of the process for as long.
 * Here the event loop goes on, and the audit's tableaux live in the thread's own heap, which
 * goes when the thread ends after a while without work. Its old-space limit is the process's
 * (V8's flags override a worker's own `resourceLimits`); its young generation is set through
 * the flag itself (`THREAD_SEMI_SPACE`).
 *
 * Fails closed: a thread that dies (out of memory, stopped) or outlasts its budget by far is
 * stopped, and its step hides every cell, as a spent budget does. An error the step itself
 * raises (figures that break a relation) is an error, as on the main thread.
 */
export class DisclosureThread {
  private readonly log = new Logger(DisclosureThread.name);
  private readonly budget: Readonly<AuditBudget>;
  private readonly stopAfter: number;
  private readonly idleMilliseconds: number;
  private worker: Worker | undefined;
  private idle: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: DisclosureThreadOptions = {}) {
    this.budget = options.budget ?? STATISTICS_AUDIT_BUDGET;
    this.stopAfter = options.stopAfterMilliseconds ?? this.budget.milliseconds + 10_000;
    this.idleMilliseconds = options.idleMilliseconds ?? 10_000;
  }

  /** Whether a worker thread is running now (it starts with a step and ends when idle). */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** Runs the step of `problem` on the thread, after the steps asked for before it. */
  run(problem: DisclosureProblem): Promise<StepOutcome> {
    const result = this.queue.then(() => this.runNow(problem));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Ends the thread (the application shuts down). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private runNow(problem: DisclosureProblem): Promise<StepOutcome> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.start());
    return new Promise<StepOutcome>((resolve, reject) => {
      const settle = (finish: () => void) => {
        clearTimeout(watchdog);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        this.endWhenIdle();
        finish();
      };
      const failClosed = () =>
        resolve({ hidden: problem.values.map(() => true), failedClosed: true });
      const onMessage = (reply: StepReply) =>
        settle(() => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply)));
      const onExit = (code: number) => {
        this.log.error(
          `the disclosure audit's thread ended during a step (exit code ${code}); the step hides every cell`,
        );
        settle(failClosed);
      };
      const watchdog = setTimeout(() => {
        this.log.error(
          `the disclosure audit's thread took more than ${this.stopAfter} ms; stopped, the step hides every cell`,
        );
        worker.off('exit', onExit);
        this.forget(worker);
        void worker.terminate();
        settle(failClosed);
      }, this.stopAfter);
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ problem, budget: { ...this.budget } } satisfies StepRequest);
    });
  }

  /** A new thread: the compiled worker, or under ts-node/jest the TypeScript one. */
  private start(): Worker {
    const compiled = __filename.endsWith('.js');
    setFlagsFromString(THREAD_SEMI_SPACE);
    const worker = new Worker(join(__dirname, `disclosure-worker.${compiled ? 'js' : 'ts'}`), {
      execArgv: compiled ? [] : ['--require', 'ts-node/register/transpile-only'],
    });
    // The thread never keeps the process alive; its errors end it (and fail its step closed).
    worker.unref();
    worker.on('error', (error) =>
      this.log.error(`the disclosure audit's thread failed: ${error.message}`),
    );
    worker.on('exit', () => this.forget(worker));
    return worker;
  }

  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
  }

  private endWhenIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), this.idleMilliseconds);
    this.idle.unref();
  }
}
