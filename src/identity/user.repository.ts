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
  passwordHash: string;
  active: boolean;
  organisationActive: boolean;
}

export interface UserFilter {
  organisationId?: string;
  active?: boolean;
}

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

  /** The user with their organisation, or null. */
  findWithOrganisation(id: string, manager?: EntityManager): Promise<User | null> {
    return (manager ?? this.dataSource.manager).findOne(User, {
      where: { id },
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

  /** Sets a new password hash regardless of version (resets are not edits of the profile). */
  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash, passwordChangedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  list(filter: UserFilter, page: { limit: number; cursor?: string }): Promise<Page<User>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .innerJoinAndSelect('u.organisation', 'o');
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
