import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { ResourceNotFound } from '../common/problem/domain-error';
import { OrganisationKind } from '../common/organisation-kind';
import { ContractsService } from '../providers/contracts.service';
import type { ServiceKind } from '../providers/service-kind';
import type { AvailabilityDto } from './dto/availability.dto';
import { ReferralRepository } from './referral.repository';
import { todayInGermany } from '../common/calendar';

/**
 * Free places under the contracts valid today: a jobcenter sees its own contracts, a provider
 * its own. Two queries (contracts, then open referrals counted per contract), no personal data.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly referrals: ReferralRepository,
  ) {}

  async availability(
    actor: Actor,
    filter: { service?: ServiceKind; postcode?: string; municipality?: string },
  ): Promise<AvailabilityDto[]> {
    const scope =
      actor.organisationKind === OrganisationKind.Jobcenter
        ? { jobcenterId: actor.organisationId }
        : actor.organisationKind === OrganisationKind.Provider
          ? { providerId: actor.organisationId }
          : undefined;
    if (!scope) throw new ResourceNotFound('contract');
    const contracts = await this.contracts.listValid(scope, filter, todayInGermany());
    const open = await this.referrals.countOpenByContract(contracts.map((c) => c.id));
    return contracts.map((c) => {
      const openReferrals = open.get(c.id) ?? 0;
      return {
        contractId: c.id,
        providerId: c.providerId,
        providerName: c.providerName,
        jobcenterId: c.jobcenterId,
        jobcenterName: c.jobcenterName,
        services: c.services,
        capacity: c.capacity,
        openReferrals,
        freePlaces: Math.max(0, c.capacity - openReferrals),
        overCommitted: Math.max(0, openReferrals - c.capacity),
      };
    });
  }
}
