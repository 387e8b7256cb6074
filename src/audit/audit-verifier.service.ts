import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GENESIS, walkChain, type BrokenLink, type SealedEvent } from './audit-chain';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditEventRepository } from './audit-event.repository';
import { AuditSealer } from './audit-sealer.service';

const VERIFY_PAGE_SIZE = 5000;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type AuditChainVerification =
  | { ok: true; checked: number; headPosition: number; headHash: string }
  | { ok: false; checked: number; firstBroken: BrokenLink };

/** Recomputes the hash chain from the events and reports the first link that does not hold. */
@Injectable()
export class AuditVerifier {
  private readonly logger = new Logger(AuditVerifier.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
    private readonly chain: AuditChainRepository,
    private readonly events: AuditEventRepository,
  ) {}

  /**
   * Seals what is queued, then walks every seal up to the head in position order, page by
   * page, and finally looks for events outside the chain. Seals and events are immutable, so
   * the pages need no common snapshot; seals added after the head was read are left to the next
   * run. Never call it while holding a transaction (it uses connections of its own).
   */
  async verify(): Promise<AuditChainVerification> {
    try {
      await this.sealer.sealPending();
    } catch (error) {
      // A broken chain can make sealing fail (a head moved behind the seals, say); the walk
      // below then says why. If the database is down instead, the walk fails as well.
      this.logger.warn(`Sealing before verification failed: ${describe(error)}`);
    }
    const head = await this.chain.readHead();
    let end = GENESIS;
    let checked = 0;
    for (;;) {
      const seals = await this.chain.sealsAfter(end.position, head.position, VERIFY_PAGE_SIZE);
      const events = await this.events.readCanonical(
        this.dataSource.manager,
        seals.map((s) => s.eventId),
      );
      const byId = new Map(events.map((e) => [e.id, e]));
      const links: SealedEvent[] = seals.map((s) => ({ ...s, event: byId.get(s.eventId) ?? null }));
      const walked = walkChain(end, links);
      checked += walked.checked;
      end = walked.end;
      if (walked.broken) return this.broken(checked, walked.broken);
      if (seals.length < VERIFY_PAGE_SIZE) break;
    }
    if (end.position !== head.position) {
      // The last seals before the head are gone.
      return this.broken(checked, {
        position: end.position + 1,
        eventId: null,
        reason: 'position-gap',
      });
    }
    if (!end.hash.equals(head.hash) || head.lastSealPosition > head.position) {
      // The head was rewritten: it names another hash, or seals lie beyond it.
      return this.broken(checked, {
        position: head.position,
        eventId: null,
        reason: 'link-mismatch',
      });
    }
    const unsealed = await this.chain.firstUnsealedEventId();
    if (unsealed) {
      return this.broken(checked, { position: null, eventId: unsealed, reason: 'unsealed-event' });
    }
    const vanished = await this.chain.firstQueuedMissingEventId();
    if (vanished) {
      return this.broken(checked, { position: null, eventId: vanished, reason: 'missing-event' });
    }
    return { ok: true, checked, headPosition: head.position, headHash: head.hash.toString('hex') };
  }

  private broken(checked: number, firstBroken: BrokenLink): AuditChainVerification {
    this.logger.warn(
      `Audit trail verification failed: ${firstBroken.reason} at position ` +
        `${firstBroken.position ?? '-'}, event ${firstBroken.eventId ?? '-'}`,
    );
    return { ok: false, checked, firstBroken };
  }
}
