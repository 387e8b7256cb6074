import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { isUniqueViolation } from '../common/database/postgres-errors';
import { fieldsSent } from '../common/validation/normalise';
import { OrganisationKind } from '../common/organisation-kind';
import type { BillingTerm, Contract, ContractWithNames } from './contract.entity';
import { ContractRepository, type ContractPatch, type ContractScope } from './contract.repository';
import type { CreateContractDto, UpdateContractDto } from './dto/create-contract.dto';
import { ProviderRepository } from './provider.repository';
import { CapacityBelowOpenReferrals, ContractNumberTaken } from './providers-errors';
import type { ServiceKind } from './service-kind';

/** A jobcenter sees its own contracts, a provider the contracts it holds; nobody else any. */
function readScopeOf(actor: Actor): ContractScope | null {
  switch (actor.organisationKind) {
    case OrganisationKind.Jobcenter:
      return { jobcenterId: actor.organisationId };
    case OrganisationKind.Provider:
      return { providerId: actor.organisationId };
    default:
      return null;
  }
}

/** Only a jobcenter makes and changes contracts, and only its own. */
function manageScopeOf(actor: Actor): { jobcenterId: string } | null {
  return actor.organisationKind === OrganisationKind.Jobcenter
    ? { jobcenterId: actor.organisationId }
    : null;
}

/** Billing terms as stored: only the two fields, in the order of the units' names. */
function termsOf(terms: readonly BillingTerm[]): BillingTerm[] {
  return terms
    .map((t) => ({ unit: t.unit, priceCents: t.priceCents }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
}

/** The terms in an audit event: `unit:priceCents` each (prices are no personal data). */
function termsDetail(terms: readonly BillingTerm[]): string[] {
  return terms.map((t) => `${t.unit}:${t.priceCents}`);
}

function assertPeriod(validFrom: string, validUntil: string | null | undefined): void {
  // YYYY-MM-DD dates compare correctly as strings.
  if (validUntil != null && validUntil < validFrom) {
    throw new RequestValidationError([
      { field: 'validUntil', messages: [`validUntil must not be before validFrom (${validFrom})`] },
    ]);
  }
}

/**
 * Contracts between a jobcenter and a provider (Träger): the services commissioned, the period
 * and the capacity. The referrals module books against them through `findCovering` and
 * `lockForBooking`, and answers availability with `listValid`.
 */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractRepository,
    private readonly providers: ProviderRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * The caller's contracts with one provider, latest start first. A provider's people see only
   * their own organisation's (another provider is 404); a jobcenter lead only their jobcenter's.
   */
  async listWithProvider(
    actor: Actor,
    providerId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ContractWithNames>> {
    const scope = readScopeOf(actor);
    if (!scope || ('providerId' in scope && scope.providerId !== providerId)) {
      throw new ResourceNotFound('provider');
    }
    if (!(await this.providers.findInScope(providerId, null))) {
      throw new ResourceNotFound('provider');
    }
    return this.contracts.listWithProvider(scope, providerId, page);
  }

  async get(actor: Actor, id: string): Promise<ContractWithNames> {
    const scope = readScopeOf(actor);
    const contract = scope ? await this.contracts.findInScope(id, scope) : null;
    if (!contract) throw new ResourceNotFound('contract');
    return contract;
  }

  /** A contract of the caller's jobcenter with an active provider. */
  create(actor: Actor, providerId: string, dto: CreateContractDto): Promise<ContractWithNames> {
    const scope = manageScopeOf(actor);
    if (!scope) throw new ResourceNotFound('provider');
    assertPeriod(dto.validFrom, dto.validUntil);
    return this.dataSource
      .transaction(async (manager) => {
        if (!(await this.providers.isActiveProvider(providerId, manager))) {
          throw new ResourceNotFound('provider');
        }
        const created = await this.contracts.insert(manager, {
          jobcenterId: scope.jobcenterId,
          providerId,
          number: dto.number,
          validFrom: dto.validFrom,
          validUntil: dto.validUntil ?? null,
          services: dto.services,
          capacity: dto.capacity,
          ...(dto.firstContactWorkingDays !== undefined
            ? { firstContactWorkingDays: dto.firstContactWorkingDays }
            : {}),
          ...(dto.billingTerms !== undefined ? { billingTerms: termsOf(dto.billingTerms) } : {}),
        });
        await this.audit.recordBy(manager, actor, {
          action: AuditAction.ContractCreate,
          outcome: 'success',
          resourceType: 'contract',
          resourceId: created.id,
          details: {
            providerId,
            capacity: dto.capacity,
            services: [...dto.services].sort(),
            ...(dto.billingTerms !== undefined
              ? { billingTerms: termsDetail(termsOf(dto.billingTerms)) }
              : {}),
          },
        });
        return (await this.contracts.findInScope(created.id, scope, manager))!;
      })
      .catch((error: unknown) => {
        // Two contracts with one number at once: the unique index decides.
        throw isUniqueViolation(error, 'contracts_jobcenter_id_number_key')
          ? new ContractNumberTaken()
          : error;
      });
  }

  /**
   * Changes period end, services, capacity or first-contact days of the caller's own contract. A
   * capacity lowered below the referrals open under it needs `confirmOverCommitment`: the row is
   * locked as a send locks it, so no place is booked between the count and the change.
   */
  update(
    actor: Actor,
    id: string,
    version: number,
    dto: UpdateContractDto,
  ): Promise<ContractWithNames> {
    const scope = manageScopeOf(actor);
    if (!scope) return Promise.reject(new ResourceNotFound('contract'));
    return this.dataSource.transaction(async (manager) => {
      const current = await this.contracts.findInScope(id, scope, manager);
      if (!current) throw new ResourceNotFound('contract');
      if (current.version !== version) throw new PreconditionFailed();
      assertPeriod(current.validFrom, dto.validUntil);
      const { confirmOverCommitment, ...change } = dto;
      const overCommitted = await this.overCommitmentOf(manager, current, change.capacity);
      if (overCommitted > 0 && confirmOverCommitment !== true) {
        throw new CapacityBelowOpenReferrals(change.capacity!, change.capacity! + overCommitted);
      }
      const { billingTerms, ...rest } = change;
      const patch: ContractPatch = {
        ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
        ...(billingTerms !== undefined ? { billingTerms: termsOf(billingTerms) } : {}),
      };
      if (!(await this.contracts.updateAtVersion(manager, id, version, patch))) {
        throw new PreconditionFailed();
      }
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.ContractUpdate,
        outcome: 'success',
        resourceType: 'contract',
        resourceId: id,
        details: {
          providerId: current.providerId,
          fields: fieldsSent(change),
          ...(overCommitted > 0 ? { overCommitted } : {}),
          ...(patch.billingTerms ? { billingTerms: termsDetail(patch.billingTerms) } : {}),
        },
      });
      return (await this.contracts.findInScope(id, scope, manager))!;
    });
  }

  /**
   * How many open referrals a lowered capacity leaves without a place (0 when the capacity is
   * not lowered, or still holds them). Locks the contract row first, as a send does.
   */
  private async overCommitmentOf(
    manager: EntityManager,
    current: Contract,
    capacity: number | undefined,
  ): Promise<number> {
    if (capacity === undefined || capacity >= current.capacity) return 0;
    await this.contracts.lockForBooking(manager, current.id);
    const open = await this.contracts.countOpenReferrals(manager, current.id);
    return Math.max(0, open - capacity);
  }

  /**
   * The contracts between the jobcenter and the provider valid on `on` (YYYY-MM-DD) that cover
   * every one of `services`, the latest start first. Inside the caller's transaction.
   */
  findCovering(
    manager: EntityManager,
    jobcenterId: string,
    providerId: string,
    services: ServiceKind[],
    on: string,
  ): Promise<Contract[]> {
    return this.contracts.findCovering(manager, jobcenterId, providerId, services, on);
  }

  /**
   * Locks the contract row (`SELECT … FOR UPDATE`) until the caller's transaction ends, so that
   * concurrent sends for its last free place queue up behind each other. null if it is gone.
   */
  lockForBooking(manager: EntityManager, contractId: string): Promise<Contract | null> {
    return this.contracts.lockForBooking(manager, contractId);
  }

  /**
   * The contracts in `scope` valid on `on` with both parties' names, for the availability
   * answer. Only contracts whose jobcenter and provider are active; `postcode` keeps providers
   * whose profile's service area includes it.
   */
  listValid(
    scope: ContractScope,
    filter: { service?: ServiceKind; postcode?: string; municipality?: string },
    on: string,
  ): Promise<ContractWithNames[]> {
    return this.contracts.listValid(scope, filter, on);
  }
}
