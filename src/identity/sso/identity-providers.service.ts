import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../../auth/actor';
import { Role } from '../../auth/role';
import type { AuditDetails } from '../../audit/audit-event.entity';
import { AuditService } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-actions';
import { PreconditionFailed } from '../../common/concurrency/preconditions';
import type { OrganisationKind } from '../../common/organisation-kind';
import { RequestValidationError, ResourceNotFound } from '../../common/problem/domain-error';
import { fieldsSent } from '../../common/validation/normalise';
import type { AppConfig } from '../../config/app-config';
import { NodeEnv } from '../../config/environment.schema';
import { isUniqueViolation } from '../../common/database/postgres-errors';
import { isLeadOf } from '../dual-control';
import { RoleNotAllowed } from '../identity-errors';
import { OrganisationRepository } from '../organisation.repository';
import { SessionEndReason } from '../session.entity';
import { ClientSecretBox } from './client-secret-box';
import type {
  CreateIdentityProviderDto,
  UpdateIdentityProviderDto,
} from './dto/identity-provider.dto';
import type { IdentityProvider, RoleMappingEntry } from './identity-provider.entity';
import { IdentityLinkRepository } from './identity-link.repository';
import { IdentityProviderRepository } from './identity-provider.repository';
import { OidcSessionRepository } from './oidc-session.repository';
import { rolesNotFitting } from './role-mapping';
import { IdentityProviderExists } from './sso-errors';

/** What the sign-in needs of a provider: its settings, the secret opened, the organisation's kind. */
export interface SignInProvider {
  id: string;
  version: number;
  organisationId: string;
  organisationKind: OrganisationKind;
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  rolesClaim: string;
  roleMapping: RoleMappingEntry[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether plain http may reach this issuer: only the loopback address, never in production. */
export function insecureIssuerAllowed(issuer: string, production: boolean): boolean {
  const url = new URL(issuer);
  return url.protocol === 'https:' || (!production && LOOPBACK_HOSTS.has(url.hostname));
}

/**
 * The identity provider of each organisation (ADR 0018). The operator's admins configure it;
 * an organisation's leads read theirs. A configuration grants nothing by itself: only linked
 * subjects sign in, and links are made by the lead (or at the lead's approval). Changing the
 * issuer therefore removes the links, which were vouched for under the old one.
 */
@Injectable()
export class IdentityProvidersService {
  private readonly production: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly providers: IdentityProviderRepository,
    private readonly organisations: OrganisationRepository,
    private readonly links: IdentityLinkRepository,
    private readonly oidcSessions: OidcSessionRepository,
    private readonly box: ClientSecretBox,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.production = config.get('nodeEnv', { infer: true }) === NodeEnv.Production;
  }

  /** The organisation's provider: an admin's for any organisation, a lead's for their own. */
  async get(actor: Actor, organisationId: string): Promise<IdentityProvider> {
    const organisation = await this.organisations.findById(organisationId);
    if (!organisation || !(isAdmin(actor) || isLeadOf(actor, organisation))) {
      throw new ResourceNotFound('organisation');
    }
    const provider = await this.providers.findByOrganisation(organisationId);
    if (!provider) throw new ResourceNotFound('identity provider');
    return provider;
  }

  async create(
    actor: UserActor,
    organisationId: string,
    dto: CreateIdentityProviderDto,
  ): Promise<IdentityProvider> {
    return this.dataSource
      .transaction(async (manager) => {
        const organisation = await this.organisations.findById(organisationId, manager);
        if (!organisation) throw new ResourceNotFound('organisation');
        this.assertIssuer(dto.issuer);
        assertMappingFits(dto.roleMapping, organisation.kind);
        if (await this.providers.findByOrganisation(organisationId, manager)) {
          throw new IdentityProviderExists();
        }
        const provider = await this.providers.insert(manager, {
          organisationId,
          issuer: dto.issuer,
          clientId: dto.clientId,
          clientSecretEnc: dto.clientSecret
            ? this.box.seal(dto.clientSecret, organisationId)
            : null,
          rolesClaim: dto.rolesClaim,
          roleMapping: plainMapping(dto.roleMapping),
          passwordLogin: dto.passwordLogin ?? true,
        });
        await this.record(manager, actor, AuditAction.IdentityProviderCreate, provider, {
          issuer: provider.issuer,
          passwordLogin: provider.passwordLogin,
        });
        return provider;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'identity_providers_organisation_id_key')
          ? new IdentityProviderExists()
          : error;
      });
  }

  update(
    actor: UserActor,
    organisationId: string,
    version: number,
    dto: UpdateIdentityProviderDto,
  ): Promise<IdentityProvider> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.findById(organisationId, manager);
      const current =
        organisation && (await this.providers.findByOrganisation(organisationId, manager));
      if (!organisation || !current) throw new ResourceNotFound('identity provider');
      if (current.version !== version) throw new PreconditionFailed();
      if (dto.issuer !== undefined) this.assertIssuer(dto.issuer);
      if (dto.roleMapping) assertMappingFits(dto.roleMapping, organisation.kind);
      const updated = await this.providers.updateAtVersion(manager, current.id, version, {
        ...(dto.issuer !== undefined ? { issuer: dto.issuer } : {}),
        ...(dto.clientId !== undefined ? { clientId: dto.clientId } : {}),
        ...(dto.clientSecret !== undefined
          ? { clientSecretEnc: this.box.seal(dto.clientSecret, organisationId) }
          : {}),
        ...(dto.rolesClaim !== undefined ? { rolesClaim: dto.rolesClaim } : {}),
        ...(dto.roleMapping ? { roleMapping: plainMapping(dto.roleMapping) } : {}),
        ...(dto.passwordLogin !== undefined ? { passwordLogin: dto.passwordLogin } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      });
      if (!updated) throw new PreconditionFailed();
      const issuerChanged = updated.issuer !== current.issuer;
      // Links were vouched for under the old issuer: whoever runs the new one could mint any
      // subject. Sessions begun through the provider end with them, or when it is switched off.
      const linksRemoved = issuerChanged
        ? await this.links.deleteAllOfProvider(manager, current.id)
        : 0;
      const sessionsEnded =
        issuerChanged || (current.active && !updated.active)
          ? await this.oidcSessions.end(manager, current.id, {}, SessionEndReason.IdentityUnlinked)
          : 0;
      await this.record(manager, actor, AuditAction.IdentityProviderUpdate, updated, {
        // The secret is named as changed, never shown.
        fields: fieldsSent(dto),
        ...(issuerChanged ? { issuer: updated.issuer, linksRemoved } : {}),
        ...(sessionsEnded ? { sessionsEnded } : {}),
        ...(dto.passwordLogin !== undefined ? { passwordLogin: dto.passwordLogin } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      });
      return updated;
    });
  }

  /** Whether the organisation's people may sign in with a password (ADR 0018). */
  async passwordLoginAllowed(organisationId: string): Promise<boolean> {
    return !(await this.providers.passwordLoginOff(organisationId));
  }

  /** The usable provider for a sign-in, found by the organisation or the provider's id. */
  async forSignIn(
    by: { organisationId: string } | { id: string },
  ): Promise<SignInProvider | undefined> {
    const [provider] = await this.providers.findUsable(by);
    return provider && this.signInView(provider);
  }

  /** Usable providers of an issuer: the candidates for a logout token. */
  async forIssuer(issuer: string): Promise<SignInProvider[]> {
    const providers = await this.providers.findUsable({ issuer });
    return providers.map((p) => this.signInView(p));
  }

  private signInView(p: IdentityProvider & { organisationKind: OrganisationKind }): SignInProvider {
    return {
      id: p.id,
      version: p.version,
      organisationId: p.organisationId,
      organisationKind: p.organisationKind,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecretEnc
        ? this.box.open(p.clientSecretEnc, p.organisationId)
        : undefined,
      rolesClaim: p.rolesClaim,
      roleMapping: p.roleMapping,
    };
  }

  private assertIssuer(issuer: string): void {
    if (!insecureIssuerAllowed(issuer, this.production)) {
      throw new RequestValidationError([
        { field: 'issuer', messages: ['issuer must be an https URL (http only on loopback)'] },
      ]);
    }
  }

  private record(
    manager: EntityManager,
    actor: UserActor,
    action: AuditAction,
    provider: IdentityProvider,
    details: AuditDetails,
  ): Promise<void> {
    return this.audit.recordBy(manager, actor, {
      action,
      outcome: 'success',
      resourceType: 'identity_provider',
      resourceId: provider.id,
      details: { organisationId: provider.organisationId, ...details },
    });
  }
}

function isAdmin(actor: Actor): boolean {
  return actor.kind === 'user' && actor.roles.includes(Role.Admin);
}

/** Every mapped role must fit the organisation's kind; refused as a whole otherwise. */
function assertMappingFits(mapping: readonly RoleMappingEntry[], kind: OrganisationKind): void {
  const misfit = rolesNotFitting(mapping, kind);
  if (misfit.length > 0) throw new RoleNotAllowed(misfit, kind);
}

/** Class instances from the DTO become plain JSON for the jsonb column. */
function plainMapping(mapping: readonly RoleMappingEntry[]): RoleMappingEntry[] {
  return mapping.map(({ value, role }) => ({ value, role }));
}
