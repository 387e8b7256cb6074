import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { REQUIRED_PERMISSION } from './access-metadata';
import { Permission } from './permission';
import { isMachinePermission, isPersonPermission } from './role-permissions';

/**
 * The one way a route declares who may call it: the permission the global guard demands, the
 * security schemes that can carry it, and the 401/403 answers, all in one decorator.
 */
export function Can(permission: Permission): MethodDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ...(isPersonPermission(permission) ? [ApiBearerAuth('bearer')] : []),
    ...(isMachinePermission(permission) ? [ApiSecurity('api-key')] : []),
    ApiProblemResponses({
      401: 'No valid access token or API key, or its session has ended.',
      403: `The caller lacks the permission \`${permission}\`.`,
    }),
  );
}
