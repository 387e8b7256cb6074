import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { UserActor } from '../auth/actor';
import type { ApiKeyScope, Role } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import type { AppConfig } from '../config/app-config';
import { ApprovalKind, type ApprovalRequest } from './approval-request.entity';
import { ApprovalRequestRepository } from './approval-request.repository';

/**
 * A change that grants access: done at once (by the organisation's lead), or filed as a request
 * for someone else to approve (an operator admin's).
 */
export type Granted<T> =
  { outcome: 'done'; result: T } | { outcome: 'requested'; request: ApprovalRequest };

/** What an admin asks for, by kind. */
export type ApprovalAsk =
  | { kind: ApprovalKind.UserCreate; email: string; displayName: string; roles: Role[] }
  | { kind: ApprovalKind.UserUpdate; targetUserId: string; roles: Role[]; reactivate: boolean }
  | { kind: ApprovalKind.UserResetPassword; targetUserId: string }
  | { kind: ApprovalKind.IdentityLinkCreate; targetUserId: string; subject: string }
  | {
      kind: ApprovalKind.ApiKeyCreate;
      name: string;
      scopes: ApiKeyScope[];
      expiresAt: Date | null;
    };

/**
 * Files an operator admin's change that would grant access inside an organisation as a pending
 * approval request (ADR 0008), in the caller's transaction. Kept apart from the service that
 * decides requests, which carries them out through the users and API-key services that file
 * them.
 */
@Injectable()
export class ApprovalQueue {
  private readonly ttlMs: number;

  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('auth', { infer: true }).approvalRequestTtlHours * 3_600_000;
  }

  async file(
    manager: EntityManager,
    admin: UserActor,
    organisationId: string,
    ask: ApprovalAsk,
  ): Promise<ApprovalRequest> {
    const request = await this.requests.insert(manager, {
      organisationId,
      kind: ask.kind,
      requestedBy: admin.userId,
      expiresAt: new Date(Date.now() + this.ttlMs),
      targetUserId: 'targetUserId' in ask ? ask.targetUserId : null,
      email: ask.kind === ApprovalKind.UserCreate ? ask.email : null,
      displayName: ask.kind === ApprovalKind.UserCreate ? ask.displayName : null,
      roles: 'roles' in ask ? [...ask.roles].sort() : null,
      reactivate: ask.kind === ApprovalKind.UserUpdate ? ask.reactivate : null,
      apiKeyName: ask.kind === ApprovalKind.ApiKeyCreate ? ask.name : null,
      apiKeyScopes: ask.kind === ApprovalKind.ApiKeyCreate ? [...ask.scopes].sort() : null,
      apiKeyExpiresAt: ask.kind === ApprovalKind.ApiKeyCreate ? ask.expiresAt : null,
      subject: ask.kind === ApprovalKind.IdentityLinkCreate ? ask.subject : null,
    });
    await this.audit.recordBy(manager, admin, {
      action: AuditAction.ApprovalRequest,
      outcome: 'success',
      resourceType: 'approval_request',
      resourceId: request.id,
      details: {
        organisationId,
        kind: ask.kind,
        ...('targetUserId' in ask ? { targetUserId: ask.targetUserId } : {}),
        ...('roles' in ask ? { roles: [...ask.roles].sort() } : {}),
      },
    });
    return request;
  }
}
