import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiKeyScope } from '../auth/role';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { ApiKey } from './api-key.entity';

/** A usable key found by its prefix: not revoked, not expired, its organisation active. */
export interface UsableApiKey {
  id: string;
  organisationId: string;
  secretHash: Buffer;
  scopes: ApiKeyScope[];
  lastUsedAt: Date | null;
}

/** How often `last_used_at` is written at most: a key in steady use costs no write per call. */
const LAST_USE_RESOLUTION_SECONDS = 60;

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findUsable(prefix: string): Promise<UsableApiKey | undefined> {
    const rows = await this.dataSource.query<UsableApiKey[]>(
      `SELECT k.id, k.organisation_id AS "organisationId", k.secret_hash AS "secretHash",
              k.scopes::text[] AS scopes, k.last_used_at AS "lastUsedAt"
         FROM api_keys k JOIN organisations o ON o.id = k.organisation_id
        WHERE k.prefix = $1 AND k.revoked_at IS NULL
          AND (k.expires_at IS NULL OR k.expires_at > now())
          AND o.active AND o.kind = 'provider'`,
      [prefix],
    );
    return rows[0];
  }

  async recordUse(key: UsableApiKey): Promise<void> {
    const stale =
      !key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USE_RESOLUTION_SECONDS * 1000;
    if (!stale) return;
    await this.dataSource.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [key.id]);
  }

  insert(manager: EntityManager, key: Partial<ApiKey>): Promise<ApiKey> {
    return manager.save(ApiKey, manager.create(ApiKey, key));
  }

  /** The key if it exists and, unless `organisationId` is null (an admin), belongs to it. */
  findInScope(
    id: string,
    organisationId: string | null,
    manager?: EntityManager,
  ): Promise<ApiKey | null> {
    return (manager ?? this.dataSource.manager).findOneBy(ApiKey, {
      id,
      ...(organisationId ? { organisationId } : {}),
    });
  }

  async revoke(manager: EntityManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ApiKey)
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
  }

  /** Newest first. */
  listForOrganisation(
    organisationId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ApiKey>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ApiKey, 'k')
      .where('k.organisation_id = :organisationId', { organisationId });
    return fetchKeysetPage(
      qb,
      {
        list: 'api-keys-by-creation',
        keys: [
          { column: 'k.created_at', value: (k) => k.createdAt.toISOString() },
          { column: 'k.id', value: (k) => k.id },
        ],
        direction: 'DESC',
      },
      page,
    );
  }
}
