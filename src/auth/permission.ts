/**
 * Everything an actor may be allowed to do, named `resource.action`. A route declares exactly one
 * with `@Can(...)`; `role-permissions.ts` says which roles and API-key scopes hold it.
 */
export enum Permission {
  ProfileRead = 'profile.read',
  ProfileChangePassword = 'profile.change_password',
  SessionEnd = 'session.end',

  OrganisationRead = 'organisation.read',
  OrganisationCreate = 'organisation.create',
  OrganisationUpdate = 'organisation.update',

  UserRead = 'user.read',
  UserCreate = 'user.create',
  UserUpdate = 'user.update',
  UserResetPassword = 'user.reset_password',

  ApiKeyRead = 'api_key.read',
  ApiKeyCreate = 'api_key.create',
  ApiKeyRevoke = 'api_key.revoke',
  /** A provider system asks which key it is using (scopes, expiry). Keys only. */
  ApiKeyIntrospect = 'api_key.introspect',

  AuditRead = 'audit.read',
  AuditVerify = 'audit.verify',
}
