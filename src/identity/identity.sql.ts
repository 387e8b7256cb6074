import type { EntityManager } from 'typeorm';
import type { OrganisationKind } from '../common/organisation-kind';

/**
 * The organisation and user directory as SQL for other modules' queries
 * (docs/architecture/0016): joins that name a row's parties inside the caller's one query, and
 * organisations by id. Read-only. What other modules read of the joined aliases:
 * `organisations`: `name`, `kind`, `active`, `mfa_required`; `users`: `display_name`,
 * `organisation_id`, `email`, `roles`.
 */

type Join = 'JOIN' | 'LEFT JOIN';

/** The organisation whose id is the SQL expression `id`, as `alias`. */
export function joinOrganisation(alias: string, id: string, join: Join = 'JOIN'): string {
  return `${join} organisations ${alias} ON ${alias}.id = ${id}`;
}

/** The user whose id is the SQL expression `id`, as `alias`. */
export function joinUser(alias: string, id: string, join: Join = 'JOIN'): string {
  return `${join} users ${alias} ON ${alias}.id = ${id}`;
}

/** The user whose email address (lower case) is the SQL expression `email`, as `alias`: a FROM item. */
export function userWithEmail(alias: string, email: string): string {
  return `(SELECT id, email FROM users WHERE email = ${email}) ${alias}`;
}

export interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  active: boolean;
}

/** The organisations among `ids` (no query for none), in no particular order. */
export function findOrganisations(
  manager: EntityManager,
  ids: readonly string[],
): Promise<OrganisationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.query<OrganisationRow[]>(
    'SELECT id, name, kind, active FROM organisations WHERE id = ANY($1::uuid[])',
    [ids],
  );
}
