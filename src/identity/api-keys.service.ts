import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { Role, type ApiKeyScope } from '../auth/role';
import type { AuditDetails } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound, RequestValidationError } from '../common/problem/domain-error';
import { ApiKey } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import { ApprovalQueue, type Granted } from './approval-queue.service';
import { ApprovalKind } from './approval-request.entity';
import type { CreateApiKeyDto } from './dto/api-key.dto';
import { grantPathOf } from './dual-control';
import { ApiKeysForProvidersOnly, OrganisationInactive } from './identity-errors';
import { type Organisation } from './organisation.entity';
import { OrganisationKind } from '../common/organisation-kind';
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

/** A key's expiry must lie ahead, at creation and again when an approval makes it. */
function assertInFuture(expiresAt: Date | null): void {
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new RequestValidationError([
      { field: 'expiresAt', messages: ['expiresAt must be in the future'] },
    ]);
  }
}

/** An `Authorization: ApiKey …` credential of the right form: its visible prefix and its hash. */
export interface PresentedApiKey {
  prefix: string;
  secretHash: Buffer;
}

/** The prefix and hash of a presented key, if it has the form of a key at all. */
export function presentedApiKey(presented: string): PresentedApiKey | undefined {
  const match = KEY_FORMAT.exec(presented);
  return match ? { prefix: match[1], secretHash: hashKey(presented) } : undefined;
}

/** Whether a presented key is the stored one: its hash compared in constant time. */
export function isSecretOf(presented: PresentedApiKey, storedHash: Buffer): boolean {
  return (
    presented.secretHash.length === storedHash.length &&
    timingSafeEqual(presented.secretHash, storedHash)
  );
}

export interface AuthenticatedKey {
  id: string;
  organisationId: string;
  scopes: ApiKeyScope[];
}

/** A new key and its secret, which exists outside a hash only in this one answer. */
export interface NewApiKey {
  apiKey: ApiKey;
  key: string;
}

/** What a key is to be: its name, scopes and optional expiry. */
export interface ApiKeySpec {
  name: string;
  scopes: ApiKeyScope[];
  expiresAt: Date | null;
}

/**
 * API keys of provider systems. A provider lead creates their own organisation's keys; an
 * operator admin can only ask for one, which the provider's lead approves, and the key is made
 * at approval and shown to the approver alone (ADR 0008). Reading and revoking: an admin any
 * provider's keys, a lead their own; another organisation's keys do not exist for them (404).
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly organisations: OrganisationRepository,
    private readonly approvals: ApprovalQueue,
    private readonly audit: AuditService,
  ) {}

  /** The key behind an `Authorization: ApiKey …` header, if it is valid and usable now. */
  async authenticate(presented: string): Promise<AuthenticatedKey | undefined> {
    const credential = presentedApiKey(presented);
    if (!credential) return undefined;
    const key = await this.keys.findUsable(credential.prefix);
    if (!key || !isSecretOf(credential, key.secretHash)) return undefined;
    await this.keys.recordUse(key);
    return { id: key.id, organisationId: key.organisationId, scopes: key.scopes };
  }

  /** A lead's key is made at once; an admin's request waits for the provider's lead. */
  async create(
    actor: UserActor,
    organisationId: string,
    dto: CreateApiKeyDto,
  ): Promise<Granted<NewApiKey>> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    assertInFuture(expiresAt);
    const spec: ApiKeySpec = { name: dto.name, scopes: dto.scopes, expiresAt };
    return this.dataSource.transaction(async (manager): Promise<Granted<NewApiKey>> => {
      const organisation = await this.organisations.findById(organisationId, manager);
      const path = organisation && grantPathOf(actor, organisation);
      if (!organisation || !path) throw new ResourceNotFound('organisation');
      this.assertIssuable(organisation);
      if (path === 'direct') {
        return {
          outcome: 'done',
          result: await this.issue(manager, actor, organisation, spec, {}),
        };
      }
      const request = await this.approvals.file(manager, actor, organisationId, {
        kind: ApprovalKind.ApiKeyCreate,
        ...spec,
      });
      return { outcome: 'requested', request };
    });
  }

  /**
   * Makes a key for the provider in the caller's transaction, as `issuer` (its lead, or the
   * approver of an admin's request), and returns its secret.
   */
  async issue(
    manager: EntityManager,
    issuer: UserActor,
    organisation: Organisation,
    spec: ApiKeySpec,
    details: AuditDetails,
  ): Promise<NewApiKey> {
    this.assertIssuable(organisation);
    assertInFuture(spec.expiresAt);
    const { key, prefix } = newKey();
    const apiKey = await this.keys.insert(manager, {
      organisationId: organisation.id,
      name: spec.name,
      prefix,
      secretHash: hashKey(key),
      scopes: spec.scopes,
      expiresAt: spec.expiresAt,
      createdBy: issuer.userId,
    });
    await this.audit.recordBy(manager, issuer, {
      action: AuditAction.ApiKeyCreate,
      outcome: 'success',
      resourceType: 'api_key',
      resourceId: apiKey.id,
      details: { organisationId: organisation.id, scopes: [...spec.scopes].sort(), ...details },
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
          action: AuditAction.ApiKeyRevoke,
          outcome: 'success',
          resourceType: 'api_key',
          resourceId: id,
          details: { organisationId: key.organisationId },
        });
      }
      return (await this.keys.findInScope(id, null, manager))!;
    });
  }

  private assertIssuable(organisation: Organisation): void {
    if (organisation.kind !== OrganisationKind.Provider) throw new ApiKeysForProvidersOnly();
    if (!organisation.active) throw new OrganisationInactive();
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
