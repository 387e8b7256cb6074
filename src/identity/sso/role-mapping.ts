import { ROLE_ORGANISATION_KINDS, type Role } from '../../auth/role';
import type { OrganisationKind } from '../../common/organisation-kind';
import type { RoleMappingEntry } from './identity-provider.entity';

/** Roles of a mapping that the organisation's kind cannot hold (e.g. `admin` at a provider). */
export function rolesNotFitting(
  mapping: readonly RoleMappingEntry[],
  kind: OrganisationKind,
): Role[] {
  return [
    ...new Set(
      mapping.map((e) => e.role).filter((role) => !ROLE_ORGANISATION_KINDS[role].includes(kind)),
    ),
  ].sort();
}

/** The values of a claim by its name; `a.b` descends into objects (`realm_access.roles`). */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export type SignInRoles =
  | { ok: true; roles: Role[] }
  /** No value of the claim maps to a role: the person is no member of the organisation. */
  | { ok: false; reason: 'no_role' }
  /** A value maps to a role the organisation's kind cannot hold: refused, never trimmed. */
  | { ok: false; reason: 'role_not_allowed'; roles: Role[] };

/**
 * The Lotse roles a sign-in carries: every role whose claim value the ID token holds. A role
 * that does not fit the organisation's kind refuses the sign-in as a whole, so that a wrong
 * mapping is noticed instead of silently granting less (or, worse, more).
 */
export function rolesOfSignIn(
  claims: Record<string, unknown>,
  rolesClaim: string,
  mapping: readonly RoleMappingEntry[],
  kind: OrganisationKind,
): SignInRoles {
  const held = new Set(claimValues(claims, rolesClaim));
  const granted = mapping.filter((e) => held.has(e.value));
  if (granted.length === 0) return { ok: false, reason: 'no_role' };
  const misfit = rolesNotFitting(granted, kind);
  if (misfit.length > 0) return { ok: false, reason: 'role_not_allowed', roles: misfit };
  return { ok: true, roles: [...new Set(granted.map((e) => e.role))].sort() };
}
