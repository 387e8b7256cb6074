import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sealEvents } from './audit-chain';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditEventRepository } from './audit-event.repository';

const SEAL_BATCH_SIZE = 1000;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Seals queued events into the hash chain, in short transactions of its own. The lock on the
 * chain head row serialises sealers across instances (advisory locks would not: the embedded
 * PGlite ignores them), and business transactions never take it.
 *
 * Runs as the job `audit-seal` of the job runner (ADR 0019: every minute, once across instances
 * on pg-boss; each `JOBS_INTERVAL_MS` in every instance on the timer fallback), once more at
 * shutdown in each instance, and before every verification. It has no timer of its own.
 */
@Injectable()
export class AuditSealer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  /** The last queued run; each run starts after the previous one, so runs never overlap. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly chain: AuditChainRepository,
    private readonly events: AuditEventRepository,
  ) {}

  // Before, not on, shutdown: TypeORM closes its pool in its own onApplicationShutdown.
  async beforeApplicationShutdown(): Promise<void> {
    try {
      await this.sealPending();
    } catch (error) {
      this.logger.warn(`Sealing the audit trail at shutdown failed: ${describe(error)}`);
    }
  }

  /**
   * Seals every event queued so far; resolves to how many it sealed. Waits for a run already
   * in progress in this instance and then runs again, so that nothing queued before the call
   * is left out. Never call it while holding a transaction: it uses connections of its own,
   * which on the embedded database would wait for that transaction forever.
   */
  sealPending(): Promise<number> {
    const run = this.tail.then(() => this.drain());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** For operators (readiness, metrics): the queue's length and its oldest event's age. */
  lag(): Promise<{ queued: number; lagSeconds: number }> {
    return this.chain.sealingLag();
  }

  private async drain(): Promise<number> {
    // Looked at first without a lock, so that an idle instance does not lock the head each tick.
    if (!(await this.chain.hasPending())) return 0;
    let total = 0;
    for (;;) {
      const sealed = await this.sealBatch();
      total += sealed;
      // A short batch means the queue was empty; what arrives now waits for the next run.
      if (sealed < SEAL_BATCH_SIZE) return total;
    }
  }

  // READ COMMITTED explicitly: after waiting for the head lock, each following statement must
  // see what the previous sealer committed (a stricter default level would fail instead).
  private sealBatch(): Promise<number> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const head = await this.chain.lockHead(manager);
      const ids = await this.chain.pendingEventIds(manager, SEAL_BATCH_SIZE);
      const events = await this.events.readCanonical(manager, ids);
      const { seals, end } = sealEvents(head, events);
      await this.chain.append(manager, seals, end);
      return ids.length;
    });
  }
}
