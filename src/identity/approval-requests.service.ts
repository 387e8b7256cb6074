import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { Role } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound } from '../common/problem/domain-error';
import { isUniqueViolation } from '../common/database/postgres-errors';
import type { IssuedActivationCode } from './activation-codes.service';
import { ApiKeysService, type NewApiKey } from './api-keys.service';
import {
  ApprovalKind,
  ApprovalRequest,
  ApprovalState,
  ApprovalStatus,
} from './approval-request.entity';
import {
  ApprovalRequestRepository,
  type ApprovalFilter,
  type ApprovalScope,
} from './approval-request.repository';
import { approverVerdict, LEAD_ROLE } from './dual-control';
import {
  ApprovalRequestClosed,
  CannotDecideOwnRequest,
  EmailTaken,
  NotAnApprover,
  NotYourRequest,
  OrganisationInactive,
} from './identity-errors';
import type { Organisation } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';
import { IdentityLinksService } from './sso/identity-links.service';
import type { User } from './user.entity';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';

/** The status a reader sees: a pending request past its expiry is `expired`. */
export function stateOf(request: ApprovalRequest, now = Date.now()): ApprovalState {
  return request.status === ApprovalStatus.Pending && request.expiresAt.getTime() <= now
    ? ApprovalState.Expired
    : (request.status as string as ApprovalState);
}

/** What an approval made, for the approver's eyes only: the credential exists nowhere else. */
export interface ApprovalOutcome {
  request: ApprovalRequest;
  /** `user.create`, `user.update`: the user as they are now. */
  user: User | null;
  /** `user.create`, `user.reset_password`: the one-time code for the user. */
  activation: IssuedActivationCode | null;
  /** `api_key.create`: the new key and its secret. */
  apiKey: NewApiKey | null;
}

/**
 * Decides operator admins' approval requests (ADR 0008): the organisation's lead approves or
 * rejects (or, where it has no active lead, any admin but the one who asked), the asker may
 * withdraw. Approving carries the change out as the approver, in the same transaction, and
 * hands whatever grants access (an activation code, an API key) to the approver alone.
 */
@Injectable()
export class ApprovalRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: ApprovalRequestRepository,
    private readonly organisations: OrganisationRepository,
    private readonly userRows: UserRepository,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    private readonly identityLinks: IdentityLinksService,
    private readonly audit: AuditService,
  ) {}

  list(
    actor: Actor,
    filter: ApprovalFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ApprovalRequest>> {
    return this.requests.list(this.scopeOf(actor), filter, page);
  }

  async get(actor: Actor, id: string): Promise<ApprovalRequest> {
    const request = await this.requests.findInScope(id, this.scopeOf(actor));
    if (!request) throw new ResourceNotFound('approval request');
    return request;
  }

  async approve(actor: UserActor, id: string): Promise<ApprovalOutcome> {
    const outcome = await this.dataSource
      .transaction(async (manager) => {
        const { request, organisation } = await this.pendingForDecision(manager, actor, id);
        const made = await this.carryOut(manager, actor, request, organisation);
        const closed = await this.requests.close(manager, id, {
          status: ApprovalStatus.Approved,
          decidedBy: actor.userId,
          resultId: made.resultId,
        });
        await this.record(manager, actor, AuditAction.ApprovalApprove, closed, {
          ...(made.resultId ? { resultId: made.resultId } : {}),
        });
        return { closed, made };
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'users_email_key') ? new EmailTaken() : error;
      });
    const userId = outcome.made.userId;
    return {
      request: outcome.closed,
      user: userId ? await this.users.get(userId) : null,
      activation: outcome.made.activation,
      apiKey: outcome.made.apiKey,
    };
  }

  reject(actor: UserActor, id: string): Promise<ApprovalRequest> {
    return this.dataSource.transaction(async (manager) => {
      await this.pendingForDecision(manager, actor, id);
      const closed = await this.requests.close(manager, id, {
        status: ApprovalStatus.Rejected,
        decidedBy: actor.userId,
      });
      await this.record(manager, actor, AuditAction.ApprovalReject, closed, {});
      return closed;
    });
  }

  withdraw(actor: UserActor, id: string): Promise<ApprovalRequest> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.pending(manager, actor, id);
      if (request.requestedBy !== actor.userId) throw new NotYourRequest();
      const closed = await this.requests.close(manager, id, {
        status: ApprovalStatus.Withdrawn,
        decidedBy: actor.userId,
      });
      await this.record(manager, actor, AuditAction.ApprovalWithdraw, closed, {});
      return closed;
    });
  }

  /** The request, locked, if the actor sees it and it is still pending. */
  private async pending(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<ApprovalRequest> {
    const request = await this.requests.findInScope(id, this.scopeOf(actor), manager);
    if (!request) throw new ResourceNotFound('approval request');
    const state = stateOf(request);
    if (state !== ApprovalState.Pending) throw new ApprovalRequestClosed(state);
    return request;
  }

  /** The pending request and its organisation, if the actor may decide it. */
  private async pendingForDecision(
    manager: EntityManager,
    actor: UserActor,
    id: string,
  ): Promise<{ request: ApprovalRequest; organisation: Organisation }> {
    const request = await this.pending(manager, actor, id);
    const organisation = await this.organisations.findById(request.organisationId, manager);
    if (!organisation) throw new ResourceNotFound('approval request');
    const leadRole = LEAD_ROLE[organisation.kind];
    const eligibleLeadIds = leadRole
      ? await this.userRows.activeLeadIds(manager, organisation.id, leadRole, request.targetUserId)
      : [];
    const verdict = approverVerdict({
      actor,
      requestedBy: request.requestedBy,
      organisation,
      eligibleLeadIds,
    });
    if (verdict === 'own-request') throw new CannotDecideOwnRequest();
    if (verdict === 'not-approver') throw new NotAnApprover();
    return { request, organisation };
  }

  /** Makes the change the request asks for, as the approver. */
  private async carryOut(
    manager: EntityManager,
    approver: UserActor,
    request: ApprovalRequest,
    organisation: Organisation,
  ): Promise<{
    resultId: string | null;
    userId: string | null;
    activation: IssuedActivationCode | null;
    apiKey: NewApiKey | null;
  }> {
    const details = { approvalRequestId: request.id, requestedBy: request.requestedBy };
    switch (request.kind) {
      case ApprovalKind.UserCreate: {
        if (!organisation.active) throw new OrganisationInactive();
        if (await this.userRows.emailExists(request.email!, manager)) throw new EmailTaken();
        const activation = await this.users.addMember(
          manager,
          approver,
          organisation,
          { email: request.email!, displayName: request.displayName!, roles: request.roles! },
          details,
        );
        return { resultId: activation.userId, userId: activation.userId, activation, apiKey: null };
      }
      case ApprovalKind.UserUpdate: {
        const user = await this.targetOf(manager, request);
        await this.users.grant(
          manager,
          approver,
          user,
          { roles: request.roles ?? [], reactivate: request.reactivate === true },
          details,
        );
        return { resultId: user.id, userId: user.id, activation: null, apiKey: null };
      }
      case ApprovalKind.UserResetPassword: {
        const user = await this.targetOf(manager, request);
        const activation = await this.users.resetNow(manager, approver, user, details);
        return { resultId: user.id, userId: null, activation, apiKey: null };
      }
      case ApprovalKind.ApiKeyCreate: {
        const apiKey = await this.apiKeys.issue(
          manager,
          approver,
          organisation,
          {
            name: request.apiKeyName!,
            scopes: request.apiKeyScopes!,
            expiresAt: request.apiKeyExpiresAt,
          },
          details,
        );
        return { resultId: apiKey.apiKey.id, userId: null, activation: null, apiKey };
      }
      case ApprovalKind.IdentityLinkCreate: {
        if (!organisation.active) throw new OrganisationInactive();
        const user = await this.targetOf(manager, request);
        const link = await this.identityLinks.linkNow(
          manager,
          approver,
          organisation,
          user.id,
          request.subject!,
          details,
        );
        return { resultId: link.id, userId: user.id, activation: null, apiKey: null };
      }
    }
  }

  private async targetOf(manager: EntityManager, request: ApprovalRequest): Promise<User> {
    const user = await this.userRows.findInScope(
      request.targetUserId!,
      { kind: 'organisation', id: request.organisationId },
      manager,
    );
    if (!user) throw new ResourceNotFound('user');
    return user;
  }

  /** An admin sees every request; a lead their own organisation's; nobody else any. */
  private scopeOf(actor: Actor): ApprovalScope {
    if (actor.kind === 'user' && actor.roles.includes(Role.Admin)) return { kind: 'all' };
    return { kind: 'organisation', id: actor.organisationId };
  }

  private record(
    manager: EntityManager,
    actor: UserActor,
    action: AuditAction,
    request: ApprovalRequest,
    details: Record<string, string>,
  ): Promise<void> {
    return this.audit.recordBy(manager, actor, {
      action,
      outcome: 'success',
      resourceType: 'approval_request',
      resourceId: request.id,
      details: { organisationId: request.organisationId, kind: request.kind, ...details },
    });
  }
}
