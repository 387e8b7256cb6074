import { municipalityIn } from '../common/validation/municipality';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { fetchKeysetPage } from '../common/pagination/keyset';
import { OPEN_STATES } from '../common/referral-states';
import type { Page } from '../common/pagination/page';
import { Contract, type ContractWithNames } from './contract.entity';
import { ProviderProfile } from './provider-profile.entity';
import type { ServiceKind } from './service-kind';

/**
 * Whose contracts a caller sees: a jobcenter its own, a provider those it holds (with every
 * jobcenter). Every read takes one, so that a foreign contract is absent from the result.
 */
export type ContractScope = { jobcenterId: string } | { providerId: string };

/** The fields of a contract that may change after it was made. */
export type ContractPatch = Partial<
  Pick<
    Contract,
    'validUntil' | 'services' | 'capacity' | 'firstContactWorkingDays' | 'billingTerms'
  >
>;

function withNames(c: Contract): ContractWithNames {
  const { jobcenter, provider, ...contract } = c;
  if (!jobcenter || !provider) throw new Error('withNames needs the contract with both parties');
  return { ...contract, jobcenterName: jobcenter.name, providerName: provider.name };
}

@Injectable()
export class ContractRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Contracts in `scope`, with both parties' names (organisations joined read-only). */
  private inScope(manager: EntityManager, scope: ContractScope): SelectQueryBuilder<Contract> {
    const qb = manager
      .createQueryBuilder(Contract, 'c')
      .innerJoinAndSelect('c.jobcenter', 'j')
      .innerJoinAndSelect('c.provider', 'p');
    return 'jobcenterId' in scope
      ? qb.where('c.jobcenter_id = :jobcenterId', { jobcenterId: scope.jobcenterId })
      : qb.where('c.provider_id = :providerId', { providerId: scope.providerId });
  }

  async insert(
    manager: EntityManager,
    contract: Pick<
      Contract,
      'jobcenterId' | 'providerId' | 'number' | 'validFrom' | 'validUntil' | 'services' | 'capacity'
    > &
      Partial<Pick<Contract, 'firstContactWorkingDays' | 'billingTerms'>>,
  ): Promise<Contract> {
    return manager.save(Contract, manager.create(Contract, contract));
  }

  async findInScope(
    id: string,
    scope: ContractScope,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ContractWithNames | null> {
    const row = await this.inScope(manager, scope).andWhere('c.id = :id', { id }).getOne();
    return row ? withNames(row) : null;
  }

  /** The contracts in `scope` with one provider, the latest start first. */
  async listWithProvider(
    scope: ContractScope,
    providerId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ContractWithNames>> {
    const qb = this.inScope(this.dataSource.manager, scope).andWhere(
      'c.provider_id = :listedProviderId',
      { listedProviderId: providerId },
    );
    const result = await fetchKeysetPage(
      qb,
      {
        list: 'contracts-by-start',
        keys: [
          { column: 'c.valid_from', value: (c) => c.validFrom },
          { column: 'c.id', value: (c) => c.id },
        ],
        direction: 'DESC',
      },
      page,
    );
    return { items: result.items.map(withNames), nextCursor: result.nextCursor };
  }

  /** Applies `patch` if the contract is still at `version`; returns whether it did. */
  async updateAtVersion(
    manager: EntityManager,
    id: string,
    version: number,
    patch: ContractPatch,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Contract)
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return result.affected === 1;
  }

  findCovering(
    manager: EntityManager,
    jobcenterId: string,
    providerId: string,
    services: ServiceKind[],
    on: string,
  ): Promise<Contract[]> {
    return manager
      .createQueryBuilder(Contract, 'c')
      .where('c.jobcenter_id = :jobcenterId AND c.provider_id = :providerId', {
        jobcenterId,
        providerId,
      })
      .andWhere(VALID_ON)
      .andWhere('c.services @> CAST(:services AS service_kind[])', { services })
      .setParameter('on', on)
      .orderBy('c.valid_from', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /**
   * The referrals sent and not closed under the contract: the places it has taken. Call with the
   * contract row locked (`lockForBooking`), so that no send books a place meanwhile.
   */
  async countOpenReferrals(manager: EntityManager, id: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM referrals
        WHERE contract_id = $1 AND state = ANY($2::referral_state[])`,
      [id, OPEN_STATES],
    );
    return row.n;
  }

  lockForBooking(manager: EntityManager, id: string): Promise<Contract | null> {
    return manager
      .createQueryBuilder(Contract, 'c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  /**
   * The contracts in `scope` valid on `on` whose jobcenter and provider are both active, by
   * provider name. `postcode` and `municipality` keep providers whose profile's service area
   * holds it.
   */
  async listValid(
    scope: ContractScope,
    filter: { service?: ServiceKind; postcode?: string; municipality?: string },
    on: string,
  ): Promise<ContractWithNames[]> {
    const qb = this.inScope(this.dataSource.manager, scope)
      .andWhere('j.active AND p.active')
      .andWhere(VALID_ON, { on });
    if (filter.service) {
      qb.andWhere('c.services @> CAST(ARRAY[:service] AS service_kind[])', {
        service: filter.service,
      });
    }
    if (filter.postcode) {
      qb.innerJoin(
        ProviderProfile,
        'pp',
        'pp.organisation_id = c.provider_id AND pp.postcodes @> CAST(ARRAY[:postcode] AS varchar[])',
        { postcode: filter.postcode },
      );
    }
    if (filter.municipality) {
      qb.innerJoin(
        ProviderProfile,
        'pm',
        `pm.organisation_id = c.provider_id AND ${municipalityIn('pm.municipalities', ':municipality')}`,
        { municipality: filter.municipality },
      );
    }
    const rows = await qb
      .orderBy('p.name', 'ASC')
      .addOrderBy('j.name', 'ASC')
      .addOrderBy('c.valid_from', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    return rows.map(withNames);
  }
}

/** Valid on the day `:on` (YYYY-MM-DD); `valid_until` is inclusive. */
const VALID_ON =
  'c.valid_from <= CAST(:on AS date) AND (c.valid_until IS NULL OR c.valid_until >= CAST(:on AS date))';
