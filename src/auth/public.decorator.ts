import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { IS_PUBLIC } from './access-metadata';

/**
 * Opens a route to anonymous callers: login, refresh, health, docs. Everything else is closed.
 * The OpenAPI document says so with `security: [{}]` (no credentials needed).
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
