import type { EntityManager } from 'typeorm';

/**
 * The client's identity as a partner organisation is told it after accepting an onward
 * referral (ADR 0022): name and date of birth, nothing of the jobcenter's record beyond.
 */
export interface ClientIdentityRow {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

export async function findClientIdentity(
  manager: EntityManager,
  clientId: string,
): Promise<ClientIdentityRow | undefined> {
  const [row] = await manager.query<ClientIdentityRow[]>(
    `SELECT id, given_name AS "givenName", family_name AS "familyName",
            to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
       FROM clients WHERE id = $1`,
    [clientId],
  );
  return row;
}
