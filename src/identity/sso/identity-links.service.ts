import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../../auth/actor';
import { Role } from '../../auth/role';
import type { AuditDetails } from '../../audit/audit-event.entity';
import { AuditService } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-actions';
import type { Page } from '../../common/pagination/page';
import { ResourceNotFound } from '../../common/problem/domain-error';
import { isUniqueViolation } from '../../common/database/postgres-errors';
import { ApprovalQueue, type Granted } from '../approval-queue.service';
import { ApprovalKind } from '../approval-request.entity';
import { grantPathOf, isLeadOf } from '../dual-control';
import { OrganisationInactive } from '../identity-errors';
import type { Organisation } from '../organisation.entity';
import { OrganisationRepository } from '../organisation.repository';
import { SessionEndReason } from '../session.entity';
import { User } from '../user.entity';
import { UserRepository } from '../user.repository';
import type { CreateIdentityLinkDto } from './dto/identity-link.dto';
import type { IdentityLink } from './identity-link.entity';
import { IdentityLinkRepository } from './identity-link.repository';
import { IdentityProviderRepository } from './identity-provider.repository';
import type { SignInProvider } from './identity-providers.service';
import { OidcSessionRepository } from './oidc-session.repository';
import { rolesOfSignIn } from './role-mapping';
import { IdentityLinkTaken } from './sso-errors';

/** Whether a verified subject may sign in, and as whom with which roles. */
export type SubjectCheck =
  | { ok: true; userId: string; roles: Role[] }
  | {
      ok: false;
      reason: 'unlinked_subject' | 'account_disabled' | 'no_role' | 'role_not_allowed';
      userId: string | null;
      roles?: Role[];
    };

/** A Lotse session begun by single sign-on, to be recorded in the session's transaction. */
export interface SignedInSubject {
  provider: SignInProvider;
  subject: string;
  idpSessionId: string | null;
  userId: string;
  roles: Role[];
}

/**
 * Links between an identity provider's subjects and Lotse users (ADR 0018). A first sign-in of
 * an unknown subject is refused, never matched by email. The organisation's lead links at
 * once; an operator admin's link is an approval request for the lead (ADR 0008). Removing a
 * link reduces access: the lead or an admin alone, and the subject's sessions end with it.
 */
@Injectable()
export class IdentityLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: IdentityLinkRepository,
    private readonly providers: IdentityProviderRepository,
    private readonly organisations: OrganisationRepository,
    private readonly users: UserRepository,
    private readonly oidcSessions: OidcSessionRepository,
    private readonly approvals: ApprovalQueue,
    private readonly audit: AuditService,
  ) {}

  async list(
    actor: Actor,
    organisationId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<IdentityLink & { organisationId: string }>> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation || !managesLinksOf(actor, organisation)) {
      throw new ResourceNotFound('organisation');
    }
    const provider = await this.providers.findByOrganisation(organisationId);
    if (!provider) throw new ResourceNotFound('identity provider');
    const links = await this.links.listOfProvider(provider.id, page);
    return {
      items: links.items.map((l) => Object.assign(l, { organisationId })),
      nextCursor: links.nextCursor,
    };
  }

  async create(
    actor: UserActor,
    organisationId: string,
    dto: CreateIdentityLinkDto,
  ): Promise<Granted<IdentityLink & { organisationId: string }>> {
    return this.dataSource
      .transaction(async (manager) => {
        const organisation = await this.organisations.findById(organisationId, manager);
        const path = organisation && grantPathOf(actor, organisation);
        if (!organisation || !path) throw new ResourceNotFound('organisation');
        if (!organisation.active) throw new OrganisationInactive();
        const provider = await this.providers.findByOrganisation(organisationId, manager);
        if (!provider) throw new ResourceNotFound('identity provider');
        const user = await this.users.findInScope(
          dto.userId,
          { kind: 'organisation', id: organisationId },
          manager,
        );
        if (!user) throw new ResourceNotFound('user');
        if (await this.links.taken(manager, provider.id, dto.subject, user.id)) {
          throw new IdentityLinkTaken();
        }
        if (path === 'approval') {
          const request = await this.approvals.file(manager, actor, organisationId, {
            kind: ApprovalKind.IdentityLinkCreate,
            targetUserId: user.id,
            subject: dto.subject,
          });
          return { outcome: 'requested' as const, request };
        }
        const link = await this.linkNow(manager, actor, organisation, user.id, dto.subject, {});
        return { outcome: 'done' as const, result: link };
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'identity_links_provider_id_subject_key') ||
          isUniqueViolation(error, 'identity_links_provider_id_user_id_key')
          ? new IdentityLinkTaken()
          : error;
      });
  }

  /**
   * Links the subject to the user, as `issuer` (the lead, or the approver of an admin's
   * request), in the caller's transaction.
   */
  async linkNow(
    manager: EntityManager,
    issuer: UserActor,
    organisation: Organisation,
    userId: string,
    subject: string,
    details: AuditDetails,
  ): Promise<IdentityLink & { organisationId: string }> {
    const provider = await this.providers.findByOrganisation(organisation.id, manager);
    if (!provider) throw new ResourceNotFound('identity provider');
    if (await this.links.taken(manager, provider.id, subject, userId)) {
      throw new IdentityLinkTaken();
    }
    const link = await this.links.insert(manager, {
      providerId: provider.id,
      subject,
      userId,
      createdBy: issuer.userId,
    });
    await this.audit.recordBy(manager, issuer, {
      action: AuditAction.IdentityLinkCreate,
      outcome: 'success',
      resourceType: 'identity_link',
      resourceId: link.id,
      details: { organisationId: organisation.id, userId, subject, ...details },
    });
    return Object.assign(link, { organisationId: organisation.id });
  }

  /** Removes a link; the subject's sessions end on their next request. */
  async remove(actor: UserActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.links.findWithOrganisation(manager, id);
      const organisation =
        found && (await this.organisations.findById(found.organisationId, manager));
      if (!found || !organisation || !managesLinksOf(actor, organisation)) {
        throw new ResourceNotFound('identity link');
      }
      await this.links.delete(manager, id);
      const sessionsEnded = await this.oidcSessions.end(
        manager,
        found.link.providerId,
        { subject: found.link.subject },
        SessionEndReason.IdentityUnlinked,
      );
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.IdentityLinkDelete,
        outcome: 'success',
        resourceType: 'identity_link',
        resourceId: id,
        details: {
          organisationId: found.organisationId,
          userId: found.link.userId,
          subject: found.link.subject,
          sessionsEnded,
        },
      });
    });
  }

  /** Whether the verified subject may sign in now, as whom and with which roles. */
  async check(
    provider: SignInProvider,
    subject: string,
    claims: Record<string, unknown>,
  ): Promise<SubjectCheck> {
    const link = await this.links.findByProviderAndSubject(provider.id, subject);
    const user = link && (await this.users.findWithOrganisation(link.userId));
    if (!link || !user || user.organisationId !== provider.organisationId) {
      return { ok: false, reason: 'unlinked_subject', userId: null };
    }
    if (!user.active) return { ok: false, reason: 'account_disabled', userId: user.id };
    const roles = rolesOfSignIn(
      claims,
      provider.rolesClaim,
      provider.roleMapping,
      provider.organisationKind,
    );
    if (!roles.ok) {
      return {
        ok: false,
        reason: roles.reason,
        userId: user.id,
        ...(roles.reason === 'role_not_allowed' ? { roles: roles.roles } : {}),
      };
    }
    return { ok: true, userId: user.id, roles: roles.roles };
  }

  /**
   * Records a session begun by single sign-on, in the session's transaction: the user's roles
   * become those the identity provider's groups give (audited when they change), and the
   * session is remembered for a back-channel logout.
   */
  async recordSignIn(
    manager: EntityManager,
    sessionId: string,
    who: SignedInSubject,
  ): Promise<void> {
    const user = await manager.findOneByOrFail(User, { id: who.userId });
    const before = [...user.roles].sort();
    if (before.join(',') !== who.roles.join(',')) {
      await manager
        .createQueryBuilder()
        .update(User)
        .set({ roles: who.roles, version: () => 'version + 1' })
        .where('id = :id', { id: who.userId })
        .execute();
      await this.audit.record(manager, {
        actorKind: 'system',
        actorId: null,
        organisationId: who.provider.organisationId,
        action: AuditAction.UserUpdate,
        outcome: 'success',
        resourceType: 'user',
        resourceId: who.userId,
        details: {
          organisationId: who.provider.organisationId,
          via: 'sso',
          fields: ['roles'],
          rolesBefore: before,
          roles: who.roles,
        },
      });
    }
    await this.oidcSessions.insert(manager, {
      sessionId,
      providerId: who.provider.id,
      subject: who.subject,
      idpSessionId: who.idpSessionId,
    });
  }

  /** Ends the sessions a back-channel logout names: one IdP session, or all of a subject's. */
  endByLogout(
    manager: EntityManager,
    providerId: string,
    match: { subject?: string; idpSessionId?: string },
  ): Promise<number> {
    return this.oidcSessions.end(manager, providerId, match, SessionEndReason.IdpLogout);
  }
}

/** Links are the admin's (any organisation) or the organisation's lead's. */
function managesLinksOf(actor: Actor, organisation: Organisation): boolean {
  return (
    (actor.kind === 'user' && actor.roles.includes(Role.Admin)) || isLeadOf(actor, organisation)
  );
}
