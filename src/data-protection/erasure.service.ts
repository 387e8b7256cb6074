import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { ResourceNotFound } from '../common/problem/domain-error';
import { OPEN_STATES } from '../common/referral-states';
import { CaseAccess } from '../confidentiality/case-access.service';
import { isDataProtectionOfficerOf } from '../confidentiality/restriction';
import { EventInstruction, EventType } from '../events/event-types';
import { Outbox } from '../events/outbox.service';
import { ErasureBlocked } from './data-protection-errors';
import { ErasureRepository } from './erasure.repository';
import { DEFAULT_RETENTION, type ErasureReason } from './retention';

/** An erasure as the route answers it: ids and the reason, nothing of the erased. */
export interface Erasure {
  clientId: string;
  reason: ErasureReason;
  erasedAt: Date;
}

/** How many clients one sweep erases at most; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

/** The `restriction_ground` that is a legal hold: the data is kept for legal claims. */
const LEGAL_HOLD = 'legal_claims';

/**
 * Erasure (Art. 17 GDPR, § 84 SGB X; ADR 0020): on request, decided by the owning jobcenter's
 * auditor (data protection officer) with the reason, and by the retention sweep for what is
 * past its period. Both erase the client from every table (`ErasureRepository`); the audit trail
 * keeps an event with ids, the reason and the tables touched, never personal data.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly erasure: ErasureRepository,
    private readonly audit: AuditService,
    private readonly caseAccess: CaseAccess,
    private readonly outbox: Outbox,
  ) {}

  eraseOnRequest(actor: Actor, clientId: string, reason: ErasureReason): Promise<Erasure> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.lock(manager, clientId);
      if (!client || !isDataProtectionOfficerOf(actor, client.jobcenterId)) {
        throw new ResourceNotFound('client');
      }
      await this.refuseWhileRequired(manager, clientId, client.restrictionGround);
      const rows = await this.eraseAndAnnounce(manager, clientId);
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.ClientErase,
        outcome: 'success',
        resourceType: 'client',
        resourceId: clientId,
        clientId,
        details: { trigger: 'request', reason, ...summary(rows) },
      });
      return { clientId, reason, erasedAt: new Date() };
    });
  }

  /**
   * Erases every client past its retention period at `now`: the last referral closed longer
   * ago than the jobcenter's `caseContentMonths`, or never referred and unchanged for
   * `unreferredClientMonths`; never one with an open referral or a legal hold. Each client in
   * a transaction of its own, checked again under lock. Answers how many it erased. `only`
   * limits it to one jobcenter (for tests, which share one database with a moved clock).
   */
  async sweep(now: Date = new Date(), only?: { jobcenterId: string }): Promise<number> {
    const due = await this.dataSource.query<{ id: string }[]>(
      `${DUE} AND ($5::uuid IS NULL OR c.jobcenter_id = $5) LIMIT ${SWEEP_BATCH}`,
      [
        now,
        DEFAULT_RETENTION.caseContentMonths,
        DEFAULT_RETENTION.unreferredClientMonths,
        OPEN_STATES,
        only?.jobcenterId ?? null,
      ],
    );
    let erased = 0;
    for (const { id } of due) {
      try {
        if (await this.eraseExpired(id, now)) erased++;
      } catch (error) {
        this.logger.error(`Erasing an expired client failed: ${String(error)}`);
      }
    }
    return erased;
  }

  private eraseExpired(clientId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.lock(manager, clientId);
      if (!client) return false;
      const [still] = await manager.query<unknown[]>(`${DUE} AND c.id = $5`, [
        now,
        DEFAULT_RETENTION.caseContentMonths,
        DEFAULT_RETENTION.unreferredClientMonths,
        OPEN_STATES,
        clientId,
      ]);
      if (!still) return false;
      const rows = await this.eraseAndAnnounce(manager, clientId);
      await this.audit.record(manager, {
        actorKind: 'system',
        actorId: null,
        organisationId: client.jobcenterId,
        action: AuditAction.ClientErase,
        outcome: 'success',
        resourceType: 'client',
        resourceId: clientId,
        clientId,
        details: { trigger: 'retention', reason: 'retention_period_expired', ...summary(rows) },
      });
      return true;
    });
  }

  /**
   * Erases the client and tells the parties to its cases (`client.erased`, `purge`, ids only)
   * so that connected systems purge their copies: the parties are read before the deletes, the
   * announcement written after them (the erasure forgets the client's earlier events).
   */
  private async eraseAndAnnounce(
    manager: EntityManager,
    clientId: string,
  ): Promise<Record<string, number>> {
    const parties = await this.caseAccess.clientParties(manager, clientId);
    const rows = await this.erasure.erase(manager, clientId);
    await this.outbox.enqueueAboutClient(manager, {
      type: EventType.ClientErased,
      clientId,
      parties,
      instruction: EventInstruction.Purge,
    });
    return rows;
  }

  private async lock(
    manager: EntityManager,
    clientId: string,
  ): Promise<{ jobcenterId: string; restrictionGround: string | null } | undefined> {
    const [client] = await manager.query<
      { jobcenterId: string; restrictionGround: string | null }[]
    >(
      `SELECT jobcenter_id AS "jobcenterId", restriction_ground::text AS "restrictionGround"
         FROM clients WHERE id = $1 FOR UPDATE`,
      [clientId],
    );
    return client;
  }

  /** Art. 17(3): not while an open referral or a legal hold still requires the data. */
  private async refuseWhileRequired(
    manager: EntityManager,
    clientId: string,
    restrictionGround: string | null,
  ): Promise<void> {
    if (restrictionGround === LEGAL_HOLD) throw new ErasureBlocked('legal_hold');
    const [open] = await manager.query<unknown[]>(
      `SELECT 1 FROM referrals WHERE client_id = $1 AND state = ANY($2::referral_state[]) LIMIT 1`,
      [clientId, OPEN_STATES],
    );
    if (open) throw new ErasureBlocked('open_referral');
  }
}

/** The audit event's facts about an erasure: which tables, how many rows; no content. */
function summary(rows: Record<string, number>): { tables: string[]; rows: number } {
  return {
    tables: Object.keys(rows).sort(),
    rows: Object.values(rows).reduce((a, b) => a + b, 0),
  };
}

/**
 * The clients past their retention period at `$1` (defaults `$2`, `$3` months where the
 * jobcenter has no schedule; `$4` the open states), without a legal hold or an open referral.
 */
const DUE = `
  SELECT c.id FROM clients c
    LEFT JOIN retention_policies p ON p.jobcenter_id = c.jobcenter_id
   WHERE c.restriction_ground IS DISTINCT FROM '${LEGAL_HOLD}'
     AND NOT EXISTS (SELECT 1 FROM referrals o
                      WHERE o.client_id = c.id AND o.state = ANY($4::referral_state[]))
     AND CASE WHEN EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = c.id)
           THEN (SELECT max(COALESCE(r.closed_at, r.updated_at)) FROM referrals r
                  WHERE r.client_id = c.id)
                < $1::timestamptz - make_interval(months => COALESCE(p.case_content_months, $2::int))
           ELSE c.updated_at
                < $1::timestamptz - make_interval(months => COALESCE(p.unreferred_client_months, $3::int))
         END`;
