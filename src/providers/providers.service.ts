import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { ResourceNotFound } from '../common/problem/domain-error';
import { fieldsSent } from '../common/validation/normalise';
import type { UpdateProviderDto } from './dto/update-provider.dto';
import {
  ProviderRepository,
  type DirectoryFilter,
  type ProfileFields,
  type ProviderEntry,
} from './provider.repository';

/**
 * The provider directory: every provider organisation with its profile (services, service
 * area, languages, contact). Everybody who refers or is referred to reads it; an admin edits
 * any profile, a provider lead only their own organisation's.
 */
@Injectable()
export class ProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: ProviderRepository,
    private readonly audit: AuditService,
  ) {}

  /** Active providers by name. */
  list(
    filter: DirectoryFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ProviderEntry>> {
    return this.providers.listActive(filter, page);
  }

  /** A provider, active or not: an existing referral may still name a deactivated one. */
  async get(id: string): Promise<ProviderEntry> {
    const provider = await this.providers.findInScope(id, null);
    if (!provider) throw new ResourceNotFound('provider');
    return provider;
  }

  /** Whether the organisation is a provider that is active now (for referrals). */
  isActiveProvider(organisationId: string): Promise<boolean> {
    return this.providers.isActiveProvider(organisationId);
  }

  /**
   * Changes the profile at `version`. A provider has no profile until its first update, which
   * names version 0 (the ETag of a provider without one) and creates it.
   */
  update(
    actor: Actor,
    id: string,
    version: number,
    dto: UpdateProviderDto,
  ): Promise<ProviderEntry> {
    return this.dataSource.transaction(async (manager) => {
      const provider = await this.providers.findInScope(id, this.editableBy(actor), manager);
      if (!provider) throw new ResourceNotFound('provider');
      const fields: ProfileFields = Object.fromEntries(
        Object.entries(dto).filter(([, value]) => value !== undefined),
      );
      const profile =
        version === 0
          ? await this.providers.insertIfAbsent(manager, id, fields)
          : await this.providers.updateAtVersion(manager, id, version, fields);
      if (!profile) throw new PreconditionFailed();
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.ProviderUpdate,
        outcome: 'success',
        resourceType: 'provider',
        resourceId: id,
        details: { organisationId: id, fields: fieldsSent(dto), version: profile.version },
      });
      return { ...provider, profile };
    });
  }

  /** null: any provider (an admin); else only the caller's own organisation. */
  private editableBy(actor: Actor): string | null {
    return actor.kind === 'user' && actor.roles.includes(Role.Admin) ? null : actor.organisationId;
  }
}
