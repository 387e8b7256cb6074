import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { ResourceNotFound } from '../common/problem/domain-error';
import { CaseAccess } from '../confidentiality/case-access.service';
import { isDataProtectionOfficerOf } from '../confidentiality/restriction';
import { EventInstruction, EventType } from '../events/event-types';
import { Outbox } from '../events/outbox.service';
import { Client, type RestrictionGround } from './client.entity';
import { ClientRepository } from './client.repository';
import { AlreadyRestricted, NotRestricted } from './clients-errors';

/** A restriction as the routes answer it. */
export interface ClientRestriction {
  clientId: string;
  ground: RestrictionGround;
  restrictedAt: Date;
}

/**
 * Restriction of processing (Art. 18 GDPR, ADR 0020): the owning jobcenter's auditor (its data
 * protection officer) imposes and lifts it, each audited with the ground, never personal data.
 * While it stands, the client's loaders refuse everybody else (src/confidentiality/restriction.ts).
 */
@Injectable()
export class ClientRestrictionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientRepository,
    private readonly audit: AuditService,
    private readonly caseAccess: CaseAccess,
    private readonly outbox: Outbox,
  ) {}

  restrict(actor: Actor, clientId: string, ground: RestrictionGround): Promise<ClientRestriction> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.ownedOrFail(manager, actor, clientId);
      if (client.restrictedAt) throw new AlreadyRestricted();
      // An UPDATE answers [rows, affected count] through TypeORM's driver.
      const [[row]] = await manager.query<[{ restrictedAt: Date }[], number]>(
        `UPDATE clients SET restricted_at = now(), restriction_ground = $2
          WHERE id = $1 AND restricted_at IS NULL
          RETURNING restricted_at AS "restrictedAt"`,
        [clientId, ground],
      );
      if (!row) throw new AlreadyRestricted();
      await this.record(manager, actor, AuditAction.ClientRestrict, clientId, { ground });
      await this.announce(manager, EventType.ClientRestricted, clientId, EventInstruction.Purge);
      return { clientId, ground, restrictedAt: row.restrictedAt };
    });
  }

  lift(actor: Actor, clientId: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.ownedOrFail(manager, actor, clientId);
      if (!client.restrictedAt || !client.restrictionGround) throw new NotRestricted();
      const [, lifted] = await manager.query<[unknown[], number]>(
        `UPDATE clients SET restricted_at = NULL, restriction_ground = NULL
          WHERE id = $1 AND restricted_at IS NOT NULL RETURNING id`,
        [clientId],
      );
      if (lifted === 0) throw new NotRestricted();
      await this.record(manager, actor, AuditAction.ClientRestrictionLift, clientId, {
        ground: client.restrictionGround,
      });
      await this.announce(
        manager,
        EventType.ClientRestrictionLifted,
        clientId,
        EventInstruction.Fetch,
      );
    });
  }

  /** Tells the parties to the client's cases, ids only, in the transaction (ADR 0020). */
  private async announce(
    manager: EntityManager,
    type: EventType.ClientRestricted | EventType.ClientRestrictionLifted,
    clientId: string,
    instruction: EventInstruction,
  ): Promise<void> {
    const parties = await this.caseAccess.clientParties(manager, clientId);
    await this.outbox.enqueueAboutClient(manager, { type, clientId, parties, instruction });
  }

  /** The client of the actor's jobcenter, for its auditor; anybody else gets a 404. */
  private async ownedOrFail(manager: EntityManager, actor: Actor, clientId: string) {
    const client: Client | null = isDataProtectionOfficerOf(actor, actor.organisationId)
      ? await this.clients.findOwnedEvenIfRestricted(actor.organisationId, clientId, manager)
      : null;
    if (!client) throw new ResourceNotFound('client');
    return client;
  }

  private record(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction.ClientRestrict | AuditAction.ClientRestrictionLift,
    clientId: string,
    details: { ground: RestrictionGround },
  ): Promise<void> {
    return this.audit.recordBy(manager, actor, {
      action,
      outcome: 'success',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details,
    });
  }
}
