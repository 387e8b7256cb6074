/**
 * Who stands behind a credential, as SQL for the access guard's one statement per request
 * (ADR 0024), which counts the request in the same round trip: the guard composes these with
 * the limits module's counting; the tables stay identity's. The repositories run the same texts
 * on their own, so there is one definition of "live" and "usable". Arguments are SQL expressions
 * (parameters); each fragment is a query, usable as a CTE body.
 */

/**
 * The principal of a live session: the session is open, unexpired and past its second factor,
 * its user active and their organisation active. Columns: `"organisationId"`,
 * `"organisationKind"`, `roles` (text[]). At most one row.
 */
export function livePrincipalSql(sessionId: string, userId: string): string {
  return `SELECT u.organisation_id AS "organisationId", o.kind AS "organisationKind",
              u.roles::text[] AS roles
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE s.id = ${sessionId} AND s.user_id = ${userId} AND s.ended_at IS NULL
          AND s.expires_at > now() AND NOT s.mfa_pending AND u.active AND o.active`;
}

/**
 * A usable API key by its visible prefix: not revoked, not expired, its organisation an active
 * provider. With `secretHash`, only the key whose stored SHA-256 is that value (the presented
 * key's hash): a key counts as the caller only if its secret is right. Columns: `id`,
 * `"organisationId"`, `"secretHash"`, `scopes` (text[]), `"lastUsedAt"`. At most one row.
 */
export function usableApiKeySql(prefix: string, secretHash?: string): string {
  return `SELECT k.id, k.organisation_id AS "organisationId", k.secret_hash AS "secretHash",
              k.scopes::text[] AS scopes, k.last_used_at AS "lastUsedAt"
         FROM api_keys k JOIN organisations o ON o.id = k.organisation_id
        WHERE k.prefix = ${prefix} AND k.revoked_at IS NULL
          AND (k.expires_at IS NULL OR k.expires_at > now())
          AND o.active AND o.kind = 'provider'${secretHash ? ` AND k.secret_hash = ${secretHash}` : ''}`;
}

/** How often `last_used_at` is written at most: a key in steady use costs no write per call. */
export const API_KEY_LAST_USE_RESOLUTION_SECONDS = 60;

/**
 * Records the use of the key whose id is the SQL expression `keyId` (none for NULL), unless it
 * was recorded less than API_KEY_LAST_USE_RESOLUTION_SECONDS ago: a data-modifying statement.
 */
export function recordApiKeyUseSql(keyId: string): string {
  return `UPDATE api_keys SET last_used_at = now()
        WHERE id = ${keyId}
          AND (last_used_at IS NULL
               OR last_used_at < now() - make_interval(secs => ${API_KEY_LAST_USE_RESOLUTION_SECONDS}))`;
}
