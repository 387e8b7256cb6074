import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiKeyScope } from '../auth/role';
import { fetchKeysetPage } from '../common/pagination/keyset';
import type { Page } from '../common/pagination/page';
import { namedStatement } from '../common/database/statement-names';
import { ApiKey } from './api-key.entity';
import {
  API_KEY_LAST_USE_RESOLUTION_SECONDS,
  recordApiKeyUseSql,
  usableApiKeySql,
} from './principals.sql';

/** A usable key found by its prefix: not revoked, not expired, its organisation active. */
export interface UsableApiKey {
  id: string;
  organisationId: string;
  secretHash: Buffer;
  scopes: ApiKeyScope[];
  lastUsedAt: Date | null;
}

const USABLE_KEY = namedStatement('identity_usable_api_key', usableApiKeySql('$1'));
const RECORD_USE = recordApiKeyUseSql('$1');

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findUsable(prefix: string): Promise<UsableApiKey | undefined> {
    const rows = await this.dataSource.query<UsableApiKey[]>(USABLE_KEY, [prefix]);
    return rows[0];
  }

  async recordUse(key: UsableApiKey): Promise<void> {
    const stale =
      !key.lastUsedAt ||
      Date.now() - key.lastUsedAt.getTime() > API_KEY_LAST_USE_RESOLUTION_SECONDS * 1000;
    if (!stale) return;
    await this.dataSource.query(RECORD_USE, [key.id]);
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
