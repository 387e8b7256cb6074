import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { auditActorOf, type Actor, type UserActor } from '../auth/actor';
import { Role, ROLE_ORGANISATION_KINDS } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound } from '../common/problem/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import type {
  ChangePasswordDto,
  CreateUserDto,
  ResetPasswordDto,
  UpdateUserDto,
} from './dto/create-user.dto';
import {
  CannotLockYourselfOut,
  EmailTaken,
  OrganisationInactive,
  RoleNotAllowed,
  WrongCurrentPassword,
} from './identity-errors';
import { fieldsSent } from './dto/normalise';
import { OrganisationKind } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';
import { PasswordHasher } from './password/password-hasher';
import { SessionEndReason } from './session.entity';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';
import { UserRepository, type UserFilter } from './user.repository';

/** Why a login failed, for the audit trail only; the caller always hears the same answer. */
export type LoginFailure = 'unknown_account' | 'wrong_password' | 'account_disabled';

export type CredentialCheck =
  | { ok: true; userId: string; organisationId: string }
  | { ok: false; reason: LoginFailure; userId: string | null; organisationId: string | null };

function rolesMisfit(roles: readonly Role[], kind: OrganisationKind): Role[] {
  return roles.filter((role) => !ROLE_ORGANISATION_KINDS[role].includes(kind));
}

/** People who sign in to Lotse; managed by the admin, each in one organisation. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks an email and password. Always runs one argon2 verification (against a dummy hash
   * for an unknown account), so that the time taken does not tell whether the account exists.
   */
  async checkCredentials(email: string, password: string): Promise<CredentialCheck> {
    const candidate = await this.users.findLoginCandidate(email.trim().toLowerCase());
    const matches = await this.hasher.verify(candidate?.passwordHash, password);
    if (!candidate) {
      return { ok: false, reason: 'unknown_account', userId: null, organisationId: null };
    }
    const who = { userId: candidate.id, organisationId: candidate.organisationId };
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

  async get(id: string): Promise<User> {
    const user = await this.users.findWithOrganisation(id);
    if (!user) throw new ResourceNotFound('user');
    return user;
  }

  list(filter: UserFilter, page: { limit: number; cursor?: string }): Promise<Page<User>> {
    return this.users.list(filter, page);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<User> {
    const passwordHash = await this.hasher.hash(dto.initialPassword);
    const id = await this.dataSource
      .transaction(async (manager) => {
        const organisation = await this.organisations.findById(dto.organisationId, manager);
        if (!organisation) throw new ResourceNotFound('organisation');
        if (!organisation.active) throw new OrganisationInactive();
        this.assertRolesFit(dto.roles, organisation.kind);
        if (await this.users.emailExists(dto.email, manager)) throw new EmailTaken();
        const user = await this.users.insert(manager, {
          organisationId: organisation.id,
          email: dto.email,
          displayName: dto.displayName,
          roles: dto.roles,
          passwordHash,
          passwordChangedAt: new Date(),
        });
        await this.recordAdminAction(manager, actor, 'user.create', user.id, {
          roles: [...dto.roles].sort(),
          organisationId: organisation.id,
        });
        return user.id;
      })
      .catch((error: unknown) => {
        // Two admins creating the same address at once: the unique index decides.
        throw isUniqueViolation(error, 'users_email_key') ? new EmailTaken() : error;
      });
    return this.get(id);
  }

  /**
   * Creates a user unless the email address is taken, as the system (demo data, set-up
   * scripts); returns whether it did.
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
        action: 'user.create',
        outcome: 'success',
        resourceType: 'user',
        resourceId: user.id,
        details: { roles: [...input.roles].sort(), organisationId: organisation.id },
      });
      return true;
    });
  }

  async update(actor: Actor, id: string, version: number, dto: UpdateUserDto): Promise<User> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.users.findWithOrganisation(id, manager);
      if (!current?.organisation) throw new ResourceNotFound('user');
      if (current.version !== version) throw new PreconditionFailed();
      if (dto.roles) this.assertRolesFit(dto.roles, current.organisation.kind);
      const demotesSelf = dto.active === false || (dto.roles && !dto.roles.includes(Role.Admin));
      if (actor.kind === 'user' && actor.userId === id && demotesSelf) {
        throw new CannotLockYourselfOut();
      }
      if (!(await this.users.updateAtVersion(manager, id, version, dto))) {
        throw new PreconditionFailed();
      }
      if (dto.active === false) {
        await this.sessions.endAllOfUser(manager, id, SessionEndReason.UserDisabled);
      }
      await this.recordAdminAction(manager, actor, 'user.update', id, {
        fields: fieldsSent(dto),
        ...(dto.roles ? { roles: [...dto.roles].sort() } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      });
    });
    return this.get(id);
  }

  /** An admin sets a new password; every session of the user ends. */
  async resetPassword(actor: Actor, id: string, dto: ResetPasswordDto): Promise<void> {
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.users.findWithOrganisation(id, manager);
      if (!current) throw new ResourceNotFound('user');
      await this.users.setPassword(manager, id, passwordHash);
      await this.sessions.endAllOfUser(manager, id, SessionEndReason.PasswordReset);
      await this.recordAdminAction(manager, actor, 'user.reset_password', id, {});
    });
  }

  /** A user changes their own password; their other sessions end, this one goes on. */
  async changeOwnPassword(actor: UserActor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.get(actor.userId);
    if (!(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      await this.audit.recordAlone({
        ...auditActorOf(actor),
        action: 'user.change_password',
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
      await this.recordAdminAction(manager, actor, 'user.change_password', actor.userId, {});
    });
  }

  private assertRolesFit(roles: readonly Role[], kind: OrganisationKind): void {
    const misfits = rolesMisfit(roles, kind);
    if (misfits.length > 0) throw new RoleNotAllowed(misfits, kind);
  }

  private recordAdminAction(
    manager: EntityManager,
    actor: Actor,
    action: string,
    userId: string,
    details: Record<string, string | boolean | string[]>,
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
