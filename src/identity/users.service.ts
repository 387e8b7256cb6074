import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { auditActorOf, type Actor, type UserActor } from '../auth/actor';
import { Role, ROLE_ORGANISATION_KINDS } from '../auth/role';
import type { AuditDetails } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound } from '../common/problem/domain-error';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { ActivationPurpose } from './activation-code.entity';
import { ActivationCodesService, type IssuedActivationCode } from './activation-codes.service';
import { ApprovalQueue, type Granted } from './approval-queue.service';
import { ApprovalKind } from './approval-request.entity';
import type { ChangePasswordDto, CreateUserDto, UpdateUserDto } from './dto/create-user.dto';
import { fieldsSent } from '../common/validation/normalise';
import { grantPathOf, managingRoleOf, memberScopeOf } from './dual-control';
import {
  CannotLockYourselfOut,
  EmailTaken,
  OrganisationInactive,
  RoleNotAllowed,
  WrongCurrentPassword,
} from './identity-errors';
import type { Organisation } from './organisation.entity';
import type { OrganisationKind } from '../common/organisation-kind';
import { OrganisationRepository } from './organisation.repository';
import { PasswordHasher } from './password/password-hasher';
import { SessionEndReason } from './session.entity';
import { SessionsService } from './sessions.service';
import type { User } from './user.entity';
import { UserRepository, type UserFilter } from './user.repository';

/** Why a login failed, for the audit trail only; the caller always hears the same answer. */
export type LoginFailure =
  'unknown_account' | 'wrong_password' | 'no_password' | 'account_disabled';

export type CredentialCheck =
  | { ok: true; userId: string; organisationId: string }
  | { ok: false; reason: LoginFailure; userId: string | null; organisationId: string | null };

/** A new member and the one-time code with which they choose their password. */
export interface NewMember {
  user: User;
  activation: IssuedActivationCode;
}

/** What a new member is: address, name and roles (which must fit the organisation). */
export interface MemberInput {
  email: string;
  displayName: string;
  roles: Role[];
}

function rolesMisfit(roles: readonly Role[], kind: OrganisationKind): Role[] {
  return roles.filter((role) => !ROLE_ORGANISATION_KINDS[role].includes(kind));
}

/**
 * People who sign in to Lotse, each in one organisation. A lead manages their own
 * organisation's members; an operator admin may do what reduces access alone, and asks for what
 * grants it (ADR 0008). Nobody but the user ever chooses their password.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: SessionsService,
    private readonly codes: ActivationCodesService,
    private readonly approvals: ApprovalQueue,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks an email and password. Always runs one argon2 verification (against a dummy hash
   * for an unknown account or one without a password), so that the time taken does not tell
   * whether the account exists.
   */
  async checkCredentials(email: string, password: string): Promise<CredentialCheck> {
    const candidate = await this.users.findLoginCandidate(email.trim().toLowerCase());
    const matches = await this.hasher.verify(candidate?.passwordHash ?? undefined, password);
    if (!candidate) {
      return { ok: false, reason: 'unknown_account', userId: null, organisationId: null };
    }
    const who = { userId: candidate.id, organisationId: candidate.organisationId };
    if (candidate.passwordHash === null) return { ok: false, reason: 'no_password', ...who };
    if (!matches) return { ok: false, reason: 'wrong_password', ...who };
    if (!candidate.active || !candidate.organisationActive) {
      return { ok: false, reason: 'account_disabled', ...who };
    }
    return { ok: true, ...who };
  }

  /** An active member of the organisation with one of `roles` (e.g. to assign a case to). */
  findActiveMember(
    manager: EntityManager,
    organisationId: string,
    userId: string,
    roles: readonly Role[],
  ): Promise<{ id: string; displayName: string } | undefined> {
    return this.users.findActiveMember(manager, organisationId, userId, roles);
  }

  /** The user with this email address (any case), with their organisation, or null. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email.trim().toLowerCase());
  }

  /** The user, unscoped: for the signed-in user themselves and the system. */
  async get(id: string): Promise<User> {
    const user = await this.users.findWithOrganisation(id);
    if (!user) throw new ResourceNotFound('user');
    return user;
  }

  /** The user if the actor manages their organisation (an admin: any), else 404. */
  async getVisible(actor: Actor, id: string): Promise<User> {
    const user = await this.users.findInScope(id, memberScopeOf(actor));
    if (!user) throw new ResourceNotFound('user');
    return user;
  }

  list(
    actor: Actor,
    filter: UserFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<User>> {
    return this.users.list(memberScopeOf(actor), filter, page);
  }

  /**
   * A new member without a password. A lead's takes effect at once and returns the member's
   * activation code, for the lead to hand over; an admin's becomes an approval request.
   */
  async create(actor: UserActor, dto: CreateUserDto): Promise<Granted<NewMember>> {
    const outcome = await this.dataSource
      .transaction(async (manager) => {
        const organisation = await this.organisations.findById(dto.organisationId, manager);
        const path = organisation && grantPathOf(actor, organisation);
        if (!organisation || !path) throw new ResourceNotFound('organisation');
        if (!organisation.active) throw new OrganisationInactive();
        this.assertRolesFit(dto.roles, organisation.kind);
        if (await this.users.emailExists(dto.email, manager)) throw new EmailTaken();
        if (path === 'approval') {
          const request = await this.approvals.file(manager, actor, organisation.id, {
            kind: ApprovalKind.UserCreate,
            email: dto.email,
            displayName: dto.displayName,
            roles: dto.roles,
          });
          return { outcome: 'requested' as const, request };
        }
        const activation = await this.addMember(manager, actor, organisation, dto, {});
        return { outcome: 'done' as const, activation };
      })
      .catch((error: unknown) => {
        // Two creations of the same address at once: the unique index decides.
        throw isUniqueViolation(error, 'users_email_key') ? new EmailTaken() : error;
      });
    if (outcome.outcome === 'requested') return outcome;
    const user = await this.get(outcome.activation.userId);
    return { outcome: 'done', result: { user, activation: outcome.activation } };
  }

  /**
   * Inserts a member without a password and issues their activation code to `issuer` (a lead,
   * the approver of an admin's request, or the admin onboarding a new organisation's first
   * lead), in the caller's transaction. The caller checked the organisation and the address.
   */
  async addMember(
    manager: EntityManager,
    issuer: UserActor,
    organisation: Organisation,
    input: MemberInput,
    details: AuditDetails,
  ): Promise<IssuedActivationCode> {
    this.assertRolesFit(input.roles, organisation.kind);
    const user = await this.users.insert(manager, {
      organisationId: organisation.id,
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      passwordHash: null,
      passwordChangedAt: new Date(),
    });
    const activation = await this.codes.issue(
      manager,
      user.id,
      ActivationPurpose.Activation,
      issuer.userId,
    );
    await this.record(manager, issuer, AuditAction.UserCreate, user.id, {
      organisationId: organisation.id,
      roles: [...input.roles].sort(),
      ...details,
    });
    return activation;
  }

  /**
   * Creates a user with a password unless the email address is taken, as the system (demo data,
   * `npm run create-admin`: shell access to the server, outside the API); returns whether it did.
   */
  async ensure(input: {
    organisationId: string;
    email: string;
    displayName: string;
    roles: Role[];
    password: string;
  }): Promise<boolean> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (await this.users.emailExists(email, manager)) return false;
      const organisation = await this.organisations.findById(input.organisationId, manager);
      if (!organisation) throw new ResourceNotFound('organisation');
      this.assertRolesFit(input.roles, organisation.kind);
      const user = await this.users.insert(manager, {
        organisationId: organisation.id,
        email,
        displayName: input.displayName,
        roles: input.roles,
        passwordHash,
        passwordChangedAt: new Date(),
      });
      await this.audit.record(manager, {
        actorKind: 'system',
        actorId: null,
        organisationId: null,
        action: AuditAction.UserCreate,
        outcome: 'success',
        resourceType: 'user',
        resourceId: user.id,
        details: { roles: [...input.roles].sort(), organisationId: organisation.id },
      });
      return true;
    });
  }

  /**
   * Changes the display name or roles, or disables or re-enables. What takes access away
   * (removing roles, disabling) and renaming take effect at once for the admin too; what grants
   * access (added roles, re-enabling) an admin can only ask for: that part becomes an approval
   * request, and the answer is the request.
   */
  async update(
    actor: UserActor,
    id: string,
    version: number,
    dto: UpdateUserDto,
  ): Promise<Granted<User>> {
    const request = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.findInScope(id, memberScopeOf(actor), manager);
      const path = current?.organisation && grantPathOf(actor, current.organisation);
      if (!current?.organisation || !path) throw new ResourceNotFound('user');
      if (current.version !== version) throw new PreconditionFailed();
      if (dto.roles) this.assertRolesFit(dto.roles, current.organisation.kind);
      const managing = managingRoleOf(actor.roles);
      const dropsManaging = managing !== undefined && dto.roles && !dto.roles.includes(managing);
      if (actor.userId === id && (dto.active === false || dropsManaging)) {
        throw new CannotLockYourselfOut();
      }

      const added = (dto.roles ?? []).filter((role) => !current.roles.includes(role));
      const reactivate = dto.active === true && !current.active;
      if (path === 'direct' || (added.length === 0 && !reactivate)) {
        await this.apply(manager, actor, current, version, dto);
        return undefined;
      }
      // An admin's grant waits for approval; what renames or takes away applies now.
      const kept = dto.roles && current.roles.filter((role) => dto.roles!.includes(role));
      const now: UpdateUserDto = {
        displayName: dto.displayName,
        roles: kept && kept.length < current.roles.length ? kept : undefined,
        active: dto.active === false ? false : undefined,
      };
      if (fieldsSent(now).length > 0) await this.apply(manager, actor, current, version, now);
      return this.approvals.file(manager, actor, current.organisationId, {
        kind: ApprovalKind.UserUpdate,
        targetUserId: id,
        roles: added,
        reactivate,
      });
    });
    if (request) return { outcome: 'requested', request };
    return { outcome: 'done', result: await this.get(id) };
  }

  /**
   * Carries out an approved `user.update`: adds the roles (to whatever the user holds by now)
   * and re-enables, as the approver.
   */
  async grant(
    manager: EntityManager,
    approver: UserActor,
    user: User,
    change: { roles: Role[]; reactivate: boolean },
    details: AuditDetails,
  ): Promise<void> {
    const roles = [...new Set([...user.roles, ...change.roles])];
    this.assertRolesFit(roles, user.organisation!.kind);
    const patch = {
      ...(change.roles.length > 0 ? { roles } : {}),
      ...(change.reactivate ? { active: true } : {}),
    };
    if (!(await this.users.updateAtVersion(manager, user.id, user.version, patch))) {
      throw new PreconditionFailed();
    }
    await this.record(manager, approver, AuditAction.UserUpdate, user.id, {
      organisationId: user.organisationId,
      fields: fieldsSent(patch),
      ...(patch.roles ? { roles: [...patch.roles].sort() } : {}),
      ...(patch.active ? { active: true } : {}),
      ...details,
    });
  }

  /**
   * A password reset: never a password, but a one-time code with which the user chooses one.
   * A lead's takes effect at once (the old password stops working, every session ends) and
   * returns the code; an admin's becomes an approval request.
   */
  async resetPassword(actor: UserActor, id: string): Promise<Granted<IssuedActivationCode>> {
    return this.dataSource.transaction(async (manager): Promise<Granted<IssuedActivationCode>> => {
      const user = await this.users.findInScope(id, memberScopeOf(actor), manager);
      const path = user?.organisation && grantPathOf(actor, user.organisation);
      if (!user || !path) throw new ResourceNotFound('user');
      if (path === 'approval') {
        const request = await this.approvals.file(manager, actor, user.organisationId, {
          kind: ApprovalKind.UserResetPassword,
          targetUserId: id,
        });
        return { outcome: 'requested', request };
      }
      return { outcome: 'done', result: await this.resetNow(manager, actor, user, {}) };
    });
  }

  /**
   * Takes the user's password away, ends their sessions and issues them a reset code, shown to
   * `issuer` (the lead, or the approver of an admin's request), in the caller's transaction.
   */
  async resetNow(
    manager: EntityManager,
    issuer: UserActor,
    user: User,
    details: AuditDetails,
  ): Promise<IssuedActivationCode> {
    await this.users.setPassword(manager, user.id, null);
    await this.sessions.endAllOfUser(manager, user.id, SessionEndReason.PasswordReset);
    const activation = await this.codes.issue(
      manager,
      user.id,
      ActivationPurpose.PasswordReset,
      issuer.userId,
    );
    await this.record(manager, issuer, AuditAction.UserResetPassword, user.id, {
      organisationId: user.organisationId,
      ...details,
    });
    return activation;
  }

  /** A user changes their own password; their other sessions end, this one goes on. */
  async changeOwnPassword(actor: UserActor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.get(actor.userId);
    const matches = await this.hasher.verify(user.passwordHash ?? undefined, dto.currentPassword);
    if (!matches || user.passwordHash === null) {
      await this.audit.recordAlone({
        ...auditActorOf(actor),
        action: AuditAction.UserChangePassword,
        outcome: 'failure',
        resourceType: 'user',
        resourceId: actor.userId,
        requestId: actor.requestId,
      });
      throw new WrongCurrentPassword();
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(manager, actor.userId, passwordHash);
      await this.sessions.endAllOfUser(
        manager,
        actor.userId,
        SessionEndReason.PasswordChanged,
        actor.sessionId,
      );
      await this.record(manager, actor, AuditAction.UserChangePassword, actor.userId, {
        organisationId: actor.organisationId,
      });
    });
  }

  /** Applies a patch at `version`; disabling ends the user's sessions and voids their codes. */
  private async apply(
    manager: EntityManager,
    actor: UserActor,
    current: User,
    version: number,
    dto: UpdateUserDto,
  ): Promise<void> {
    const patch = Object.fromEntries(
      Object.entries(dto).filter(([, value]) => value !== undefined),
    ) as UpdateUserDto;
    if (!(await this.users.updateAtVersion(manager, current.id, version, patch))) {
      throw new PreconditionFailed();
    }
    if (patch.active === false) {
      await this.sessions.endAllOfUser(manager, current.id, SessionEndReason.UserDisabled);
      await this.codes.voidAllOfUser(manager, current.id);
    }
    await this.record(manager, actor, AuditAction.UserUpdate, current.id, {
      organisationId: current.organisationId,
      fields: fieldsSent(patch),
      ...(patch.roles ? { roles: [...patch.roles].sort() } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
  }

  private assertRolesFit(roles: readonly Role[], kind: OrganisationKind): void {
    const misfits = rolesMisfit(roles, kind);
    if (misfits.length > 0) throw new RoleNotAllowed(misfits, kind);
  }

  /** Every identity event names the organisation it concerns (`details.organisationId`). */
  private record(
    manager: EntityManager,
    actor: UserActor,
    action: AuditAction,
    userId: string,
    details: AuditDetails & { organisationId: string },
  ): Promise<void> {
    return this.audit.recordBy(manager, actor, {
      action,
      outcome: 'success',
      resourceType: 'user',
      resourceId: userId,
      details,
    });
  }
}
