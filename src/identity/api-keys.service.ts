import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role, type ApiKeyScope } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound, RequestValidationError } from '../common/problem/domain-error';
import { ApiKey } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import type { CreateApiKeyDto } from './dto/api-key.dto';
import { ApiKeysForProvidersOnly, OrganisationInactive } from './identity-errors';
import { OrganisationKind } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/** `lotse_<10 base32 chars>_<43 base64url chars>`: a findable prefix and 256 secret bits. */
const KEY_FORMAT = /^(lotse_[a-z2-7]{10})_[A-Za-z0-9_-]{43}$/;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function newKey(): { key: string; prefix: string } {
  const prefix = `lotse_${[...randomBytes(10)].map((b) => BASE32[b % 32]).join('')}`;
  return { key: `${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

/** Keys carry 256 random bits, so a fast hash is enough: nothing to guess offline. */
function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export interface AuthenticatedKey {
  id: string;
  organisationId: string;
  scopes: ApiKeyScope[];
}

/**
 * API keys of provider systems. An admin manages the keys of any provider; a provider lead
 * only their own organisation's, and another organisation's keys do not exist for them (404).
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  /** The key behind an `Authorization: ApiKey …` header, if it is valid and usable now. */
  async authenticate(presented: string): Promise<AuthenticatedKey | undefined> {
    const match = KEY_FORMAT.exec(presented);
    if (!match) return undefined;
    const key = await this.keys.findUsable(match[1]);
    if (!key || !timingSafeEqual(hashKey(presented), key.secretHash)) return undefined;
    await this.keys.recordUse(key);
    return { id: key.id, organisationId: key.organisationId, scopes: key.scopes };
  }

  async create(
    actor: Actor,
    organisationId: string,
    dto: CreateApiKeyDto,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    this.assertInScope(actor, organisationId);
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new RequestValidationError([
        { field: 'expiresAt', messages: ['expiresAt must be in the future'] },
      ]);
    }
    const { key, prefix } = newKey();
    const apiKey = await this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.findById(organisationId, manager);
      if (!organisation) throw new ResourceNotFound('organisation');
      if (organisation.kind !== OrganisationKind.Provider) throw new ApiKeysForProvidersOnly();
      if (!organisation.active) throw new OrganisationInactive();
      const created = await this.keys.insert(manager, {
        organisationId,
        name: dto.name,
        prefix,
        secretHash: hashKey(key),
        scopes: dto.scopes,
        expiresAt,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      });
      await this.audit.recordBy(manager, actor, {
        action: 'api_key.create',
        outcome: 'success',
        resourceType: 'api_key',
        resourceId: created.id,
        details: { organisationId, scopes: [...dto.scopes].sort() },
      });
      return created;
    });
    return { apiKey, key };
  }

  list(
    actor: Actor,
    organisationId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ApiKey>> {
    this.assertInScope(actor, organisationId);
    return this.keys.listForOrganisation(organisationId, page);
  }

  async get(actor: Actor, id: string): Promise<ApiKey> {
    const key = await this.keys.findInScope(id, this.scopeOf(actor));
    if (!key) throw new ResourceNotFound('API key');
    return key;
  }

  /** The calling key itself, for a provider system to check its scopes and expiry. */
  async current(apiKeyId: string): Promise<ApiKey> {
    const key = await this.keys.findInScope(apiKeyId, null);
    if (!key) throw new ResourceNotFound('API key');
    return key;
  }

  /** Revokes a key at once; revoking a revoked key changes nothing. */
  async revoke(actor: Actor, id: string): Promise<ApiKey> {
    return this.dataSource.transaction(async (manager) => {
      const key = await this.keys.findInScope(id, this.scopeOf(actor), manager);
      if (!key) throw new ResourceNotFound('API key');
      if (!key.revokedAt) {
        await this.keys.revoke(manager, id);
        await this.audit.recordBy(manager, actor, {
          action: 'api_key.revoke',
          outcome: 'success',
          resourceType: 'api_key',
          resourceId: id,
          details: { organisationId: key.organisationId },
        });
      }
      return (await this.keys.findInScope(id, null, manager))!;
    });
  }

  /** null: every organisation (an admin); else the caller's own organisation only. */
  private scopeOf(actor: Actor): string | null {
    return actor.kind === 'user' && actor.roles.includes(Role.Admin) ? null : actor.organisationId;
  }

  private assertInScope(actor: Actor, organisationId: string): void {
    const scope = this.scopeOf(actor);
    if (scope !== null && scope !== organisationId) throw new ResourceNotFound('organisation');
  }
}
