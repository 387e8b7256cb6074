import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { OrganisationKind } from '../common/organisation-kind';
import {
  ApiKeysService,
  isSecretOf,
  presentedApiKey,
  type AuthenticatedKey,
} from '../identity/api-keys.service';
import { SessionsService } from '../identity/sessions.service';
import { AccessTokens } from './access-tokens';
import {
  EXPENSIVE,
  IS_PUBLIC,
  REQUIRED_PERMISSION,
  WITHOUT_RATE_LIMIT,
} from '../auth/access-metadata';
import { recordAccessDenied, routeOf } from './access-denial';
import type { Actor, ApiKeyActor, UserActor } from '../auth/actor';
import { Forbidden, Unauthenticated } from './auth-errors';
import type { Permission } from '../auth/permission';
import type { Role } from '../auth/role';
import { CountedPrincipals, type LivePrincipal } from './counted-principal';
import { RateLimiter, rateLimitKeyOf, type CountedRequest } from './rate-limit';
import { permissionsOfRoles, permissionsOfScopes } from '../auth/role-permissions';

// Auth schemes are case-insensitive (RFC 9110 §11.1); the credentials themselves are not.
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const API_KEY = /^ApiKey +(\S{1,200})$/i;

/** The caller, if the credential holds; the request's hit, if the guard's statement counted it. */
interface Authenticated {
  actor?: Actor;
  counted?: CountedRequest;
}

/**
 * Deny by default (and the rate limit of item 22, per principal): every route is closed unless it is `@Public()` or declares a permission with
 * `@Can(...)`, and the caller (access token of a live session, or a usable API key) holds it.
 * A route that declares nothing is refused to everybody.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly rolePermissions = new Map<string, ReadonlySet<Permission>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
    private readonly rateLimiter: RateLimiter,
    private readonly counting: CountedPrincipals,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (this.reflector.getAllAndOverride<boolean>(WITHOUT_RATE_LIMIT, targets)) return true;
      await this.rateLimiter.take(
        rateLimitKeyOf(request, undefined),
        reply,
        this.expensive(targets),
      );
      return true;
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    const { actor, counted } = await this.authenticate(request);
    // Counted once the principal is known and before the permission check, so that floods of
    // refused calls (each one audited) and of bad credentials (by address) are limited too.
    // With limits in the database the guard's one statement has counted it already (`counted`).
    await this.rateLimiter.take(
      rateLimitKeyOf(request, actor),
      reply,
      this.expensive(targets),
      counted,
    );
    if (!actor) throw new Unauthenticated();
    request.actor = actor;
    if (permission && actor.permissions.has(permission)) return true;

    if (!permission) {
      this.logger.error(`${routeOf(request)} declares no permission; refused to everybody`);
    }
    await recordAccessDenied(this.audit, request, actor, { permission: permission ?? null });
    throw new Forbidden(permission ?? 'none (the route declares none)');
  }

  private expensive(targets: Parameters<Reflector['getAllAndOverride']>[1]): boolean {
    return this.reflector.getAllAndOverride<boolean>(EXPENSIVE, targets) === true;
  }

  private async authenticate(request: FastifyRequest): Promise<Authenticated> {
    const header = request.headers.authorization;
    if (!header) return {};
    const bearer = BEARER.exec(header);
    if (bearer) return this.fromAccessToken(bearer[1], request);
    const apiKey = API_KEY.exec(header);
    if (apiKey) return this.fromApiKey(apiKey[1], request);
    return {};
  }

  private async fromAccessToken(token: string, request: FastifyRequest): Promise<Authenticated> {
    const claims = this.tokens.verify(token);
    if (!claims) return {};
    let principal: LivePrincipal | undefined;
    let counted: CountedRequest | undefined;
    if (this.counting.inOneStatement) {
      ({ principal, counted } = await this.counting.user(
        claims.sessionId,
        claims.userId,
        request.ip,
      ));
    } else {
      principal = await this.sessions.findLivePrincipal(claims.sessionId, claims.userId);
    }
    if (!principal) return { counted };
    const actor: UserActor = {
      kind: 'user',
      userId: claims.userId,
      sessionId: claims.sessionId,
      organisationId: principal.organisationId,
      organisationKind: principal.organisationKind,
      roles: principal.roles,
      permissions: this.permissionsOf(principal.roles),
      requestId: request.id,
    };
    return { actor, counted };
  }

  private async fromApiKey(value: string, request: FastifyRequest): Promise<Authenticated> {
    let key: AuthenticatedKey | undefined;
    let counted: CountedRequest | undefined;
    if (this.counting.inOneStatement) {
      const presented = presentedApiKey(value);
      if (!presented) return {};
      const found = await this.counting.apiKey(presented, request.ip);
      counted = found.counted;
      // The statement compared the hashes already; the decision is the constant-time one.
      if (found.principal && isSecretOf(presented, found.principal.secretHash)) {
        key = found.principal;
      }
    } else {
      key = await this.apiKeys.authenticate(value);
    }
    if (!key) return { counted };
    const actor: ApiKeyActor = {
      kind: 'api_key',
      apiKeyId: key.id,
      organisationId: key.organisationId,
      organisationKind: OrganisationKind.Provider,
      scopes: key.scopes,
      permissions: permissionsOfScopes(key.scopes),
      requestId: request.id,
    };
    return { actor, counted };
  }

  /** Role sets repeat across requests; their permission sets are computed once. */
  private permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
    const key = [...roles].sort().join(',');
    let permissions = this.rolePermissions.get(key);
    if (!permissions) {
      permissions = permissionsOfRoles(roles);
      this.rolePermissions.set(key, permissions);
    }
    return permissions;
  }
}
