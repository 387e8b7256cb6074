import { Permission as P } from './permission';
import { ApiKeyScope, Role } from './role';

/** What every signed-in person may do with their own account. */
const EVERY_PERSON = [P.ProfileRead, P.ProfileChangePassword, P.SessionEnd] as const;

/**
 * The one table of who may do what. The admin manages organisations, users and keys and holds
 * no permission that reads case content; the auditor reads the audit trail and nothing else.
 * Changing a row changes `docs/authorization.md`, which the route-drift test compares.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly P[]> = {
  [Role.Caseworker]: [...EVERY_PERSON],
  [Role.JobcenterLead]: [...EVERY_PERSON],
  [Role.ProviderWorker]: [...EVERY_PERSON],
  [Role.ProviderLead]: [...EVERY_PERSON, P.ApiKeyRead, P.ApiKeyCreate, P.ApiKeyRevoke],
  [Role.Auditor]: [...EVERY_PERSON, P.AuditRead, P.AuditVerify],
  [Role.Admin]: [
    ...EVERY_PERSON,
    P.OrganisationRead,
    P.OrganisationCreate,
    P.OrganisationUpdate,
    P.UserRead,
    P.UserCreate,
    P.UserUpdate,
    P.UserResetPassword,
    P.ApiKeyRead,
    P.ApiKeyCreate,
    P.ApiKeyRevoke,
  ],
};

/** What every API key may do, whatever its scopes. */
const EVERY_KEY = [P.ApiKeyIntrospect] as const;

/** What each scope adds. The report and activity permissions arrive with their modules. */
export const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly P[]> = {
  [ApiKeyScope.ReportsWrite]: [],
  [ApiKeyScope.ActivitiesWrite]: [],
  [ApiKeyScope.ReferralsRead]: [],
};

export function permissionsOfRoles(roles: readonly Role[]): ReadonlySet<P> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

export function permissionsOfScopes(scopes: readonly ApiKeyScope[]): ReadonlySet<P> {
  return new Set([...EVERY_KEY, ...scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope])]);
}

/** Whether any API key can ever hold the permission (documents the `api-key` scheme). */
export function isMachinePermission(permission: P): boolean {
  return (
    (EVERY_KEY as readonly P[]).includes(permission) ||
    Object.values(SCOPE_PERMISSIONS).some((ps) => ps.includes(permission))
  );
}

/** Whether any person can hold the permission (documents the `bearer` scheme). */
export function isPersonPermission(permission: P): boolean {
  return Object.values(ROLE_PERMISSIONS).some((ps) => ps.includes(permission));
}
