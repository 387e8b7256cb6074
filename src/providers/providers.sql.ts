import type { EntityManager } from 'typeorm';
import { paramsAdder, type AddParam } from '../common/sql/sql';
import { joinOrganisation } from '../identity/identity.sql';
import type { ContractScope } from './contract.repository';
import type { ServiceKind } from './service-kind';

/**
 * The contracts as other modules may read them (docs/architecture/0016): the contracts of a
 * party valid on a day with both parties' names and their use, in one query.
 */

export interface ContractUseRow {
  contractId: string;
  contractNumber: string;
  providerId: string;
  providerName: string;
  jobcenterId: string;
  jobcenterName: string;
  services: ServiceKind[];
  capacity: number;
  openReferrals: number;
}

/**
 * The contracts in `scope` valid on `on` (YYYY-MM-DD), its parties active or not, by provider
 * and jobcenter name, newest first; `openReferrals` is the SQL count the caller gives for the
 * contract `c.id` (the referrals module's).
 */
export function listContractUse(
  manager: EntityManager,
  scope: ContractScope,
  on: string,
  openReferrals: (contract: string, add: AddParam) => string,
): Promise<ContractUseRow[]> {
  const params: unknown[] = ['jobcenterId' in scope ? scope.jobcenterId : scope.providerId, on];
  return manager.query<ContractUseRow[]>(
    `SELECT c.id AS "contractId", c.number AS "contractNumber",
              c.provider_id AS "providerId", p.name AS "providerName",
              c.jobcenter_id AS "jobcenterId", j.name AS "jobcenterName",
              c.services::text[] AS services, c.capacity,
              ${openReferrals('c.id', paramsAdder(params))} AS "openReferrals"
         FROM contracts c
         ${joinOrganisation('p', 'c.provider_id')}
         ${joinOrganisation('j', 'c.jobcenter_id')}
        WHERE c.${'jobcenterId' in scope ? 'jobcenter_id' : 'provider_id'} = $1
          AND c.valid_from <= CAST($2 AS date)
          AND (c.valid_until IS NULL OR c.valid_until >= CAST($2 AS date))
        ORDER BY p.name, j.name, c.valid_from DESC, c.id`,
    params,
  );
}
