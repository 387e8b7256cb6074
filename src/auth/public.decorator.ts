import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { IS_PUBLIC, WITHOUT_RATE_LIMIT } from './access-metadata';

/**
 * Opens a route to anonymous callers: login, refresh, health, docs. Everything else is closed.
 * The OpenAPI document says so with `security: [{}]` (no credentials needed).
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));

/**
 * Exempts a public route from the per-principal rate limit: the health probes, which an
 * orchestrator calls every few seconds from one address and which must never see a 429.
 */
export const WithoutRateLimit = (): MethodDecorator & ClassDecorator =>
  SetMetadata(WITHOUT_RATE_LIMIT, true);
