import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { updateAtVersion } from '../common/concurrency/update-at-version';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import type { Role } from '../auth/role';
import { User } from './user.entity';

/** What a login needs: the hash, and whether the account and its organisation are active. */
export interface LoginCandidate {
  id: string;
  organisationId: string;
  /** Null until the user chose a password with their activation code. */
  passwordHash: string | null;
  active: boolean;
  organisationActive: boolean;
}

export interface UserFilter {
  organisationId?: string;
  active?: boolean;
}

/** Whose users a reader may see: every organisation's (an admin), or one organisation's. */
export type UserScope = { kind: 'all' } | { kind: 'organisation'; id: string };

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findLoginCandidate(email: string): Promise<LoginCandidate | undefined> {
    return this.dataSource
      .query<LoginCandidate[]>(
        `SELECT u.id, u.organisation_id AS "organisationId", u.password_hash AS "passwordHash",
                u.active, o.active AS "organisationActive"
           FROM users u JOIN organisations o ON o.id = u.organisation_id
          WHERE u.email = $1`,
        [email],
      )
      .then((rows) => rows[0]);
  }

  /** An active user of an active organisation holding any of `roles`. */
  async findActiveMember(
    manager: EntityManager,
    organisationId: string,
    userId: string,
    roles: readonly Role[],
  ): Promise<{ id: string; displayName: string } | undefined> {
    const rows = await manager.query<{ id: string; displayName: string }[]>(
      `SELECT u.id, u.display_name AS "displayName"
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1 AND u.organisation_id = $2 AND u.active AND o.active
          AND u.roles && $3::user_role[]`,
      [userId, organisationId, roles],
    );
    return rows[0];
  }

  /** Active leads (`leadRole`) of an active organisation, `except` one user. */
  async activeLeadIds(
    manager: EntityManager,
    organisationId: string,
    leadRole: Role,
    except: string | null,
  ): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.organisation_id = $1 AND u.active AND o.active AND $2::user_role = ANY(u.roles)
          AND u.id IS DISTINCT FROM $3::uuid`,
      [organisationId, leadRole, except],
    );
    return rows.map((r) => r.id);
  }

  /** The user with their organisation, or null. Unscoped: for the user themselves and the system. */
  findWithOrganisation(id: string, manager?: EntityManager): Promise<User | null> {
    return (manager ?? this.dataSource.manager).findOne(User, {
      where: { id },
      relations: { organisation: true },
    });
  }

  /** The user with their organisation if it is in `scope`, or null. */
  findInScope(id: string, scope: UserScope, manager?: EntityManager): Promise<User | null> {
    return (manager ?? this.dataSource.manager).findOne(User, {
      where: { id, ...(scope.kind === 'organisation' ? { organisationId: scope.id } : {}) },
      relations: { organisation: true },
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.manager.findOne(User, {
      where: { email },
      relations: { organisation: true },
    });
  }

  emailExists(email: string, manager: EntityManager): Promise<boolean> {
    return manager.exists(User, { where: { email } });
  }

  insert(manager: EntityManager, user: Partial<User>): Promise<User> {
    return manager.save(User, manager.create(User, user));
  }

  /** Applies `patch` if the row is still at `version`; returns whether it was. */
  async updateAtVersion(
    manager: EntityManager,
    id: string,
    version: number,
    patch: Partial<
      Pick<User, 'displayName' | 'roles' | 'active' | 'passwordHash' | 'passwordChangedAt'>
    >,
  ): Promise<boolean> {
    return updateAtVersion(manager, User, id, version, patch);
  }

  /**
   * Sets a new password hash, or none (a reset: the old password stops working), regardless
   * of version (passwords are not edits of the profile).
   */
  async setPassword(
    manager: EntityManager,
    id: string,
    passwordHash: string | null,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash, passwordChangedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Users in `scope` matching `filter`, by email. */
  list(
    scope: UserScope,
    filter: UserFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<User>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .innerJoinAndSelect('u.organisation', 'o');
    if (scope.kind === 'organisation') {
      qb.andWhere('u.organisation_id = :scopeId', { scopeId: scope.id });
    }
    if (filter.organisationId) {
      qb.andWhere('u.organisation_id = :organisationId', { organisationId: filter.organisationId });
    }
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    return fetchKeysetPage(
      qb,
      {
        list: 'users-by-email',
        keys: [
          { column: 'u.email', value: (u) => u.email },
          { column: 'u.id', value: (u) => u.id },
        ],
        direction: 'ASC',
      },
      page,
    );
  }
}
