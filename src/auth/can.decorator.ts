import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { REQUIRED_PERMISSION } from './access-metadata';
import { Permission } from './permission';
import { isMachinePermission, isPersonPermission } from './role-permissions';

/** Carries a route's permission to the OpenAPI document builder (src/openapi/). */
export const PERMISSION_EXTENSION = 'x-lotse-permission';

/**
 * The one way a route declares who may call it: the permission the global guard demands, the
 * security schemes that can carry it, and the 401/403 answers, all in one decorator. The
 * document builder names the permission and the roles holding it in the operation's text.
 */
export function Can(permission: Permission): MethodDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ...(isPersonPermission(permission) ? [ApiBearerAuth('bearer')] : []),
    ...(isMachinePermission(permission) ? [ApiSecurity('api-key')] : []),
    ApiExtension(PERMISSION_EXTENSION, permission),
    ApiProblemResponses({
      401: 'No valid access token or API key, or its session has ended.',
      403: 'The caller lacks the permission this operation needs (see its description).',
    }),
  );
}
