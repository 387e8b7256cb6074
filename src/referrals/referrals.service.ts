import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { auditActorOf, type Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import type { Client } from '../clients/client.entity';
import { ClientsService } from '../clients/clients.service';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { fieldsSent } from '../common/validation/normalise';
import { UsersService } from '../identity/users.service';
import { ContractsService } from '../providers/contracts.service';
import { ProvidersService } from '../providers/providers.service';
import type { CreateReferralDto, UpdateReferralDto } from './dto/create-referral.dto';
import type { ListReferralsQueryDto } from './dto/list-referrals-query.dto';
import { DISCLOSURE_ACTION, EVERYTHING, type Readable } from '../confidentiality/content-category';
import { DataCategory } from '../confidentiality/data-category';
import { CaseAccess } from '../confidentiality/case-access.service';
import { referralScopeOf, type ReferralScope } from '../confidentiality/case-access';
import { CLIENT_WITHHELD } from '../audit/audit-visibility';
import { CLIENT_DISCLOSURE_ACTION, DisclosedData } from '../audit/disclosure-record';
import { PauseReason } from './referral-codes';
import {
  NoCapacity,
  NoValidContract,
  ReferralNotActive,
  ReferralNotDraft,
  TransitionNotAllowed,
  WorkerNotAssignable,
} from './referral-errors';
import { ReferralRepository } from './referral.repository';
import { nextState, ReferralAction, TRANSITIONS } from './referral-state';
import { ACTIVE_STATES, ReferralState } from '../common/referral-states';
import type { ReferralTransition } from './referral-transition.entity';
import type { Referral } from './referral.entity';
import { todayInGermany } from '../common/calendar';
import { addWorkingDays } from './working-days';

/** The body of an action: a reason code, or the worker to assign. */
export interface ActionInput {
  reason?: string;
  outcome?: string;
  assignedWorkerId?: string;
}

const ASSIGNABLE_ROLES = [Role.ProviderWorker, Role.ProviderLead] as const;

/**
 * The data category of a transition's reason when it is case content, withheld from the
 * jobcenter until consent releases it: why the work ended or paused is participation, a
 * hospital stay is health. Other reasons (reject, cancel, complete) are commissioning data.
 */
function reasonCategoryOf(action: ReferralAction | null, reason?: string): DataCategory | null {
  if (action === ReferralAction.End) return DataCategory.Participation;
  if (action === ReferralAction.Pause && reason) {
    return reason === String(PauseReason.HospitalStay)
      ? DataCategory.Health
      : DataCategory.Participation;
  }
  return null;
}

/** The version of the referral the scope's side reads in its ETag and sends in `If-Match`. */
export function versionSeenBy(scope: ReferralScope, referral: Referral): number {
  return scope.kind === 'jobcenter' ? referral.jobcenterVersion : referral.version;
}

/**
 * The referral workflow: drafts, the state machine of docs/domain.md with one method per action,
 * capacity under concurrency, history and audit in the same transaction as each change.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referrals: ReferralRepository,
    private readonly clients: ClientsService,
    private readonly providers: ProvidersService,
    private readonly contracts: ContractsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly access: CaseAccess,
  ) {}

  /**
   * One referral. For the jobcenter, the disclosure policy decides in the same snapshot whether
   * participation content (the first contact) may be shown, and a disclosure is audited in the
   * same transaction.
   */
  async get(
    actor: Actor,
    id: string,
  ): Promise<{ referral: Referral; client: Client | null; readable: Readable }> {
    const scope = referralScopeOf(actor);
    if (scope.kind === 'provider') {
      // The provider reads its own view: no consent to check, no snapshot to share, so no
      // transaction (three round trips fewer). Before deciding it learns postcode and note:
      // the jobcenter's data about the client, so the read goes into the disclosure record.
      const referral = await this.visibleOrFail(scope, id);
      if (referral.state !== ReferralState.Requested) {
        return { referral, client: null, readable: EVERYTHING };
      }
      const client = await this.clients.findById(referral.clientId);
      if (client) await this.recordClientDisclosure(actor, referral, DisclosedData.ReferralSummary);
      return { referral, client, readable: EVERYTHING };
    }
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const referral = await this.visibleOrFail(scope, id, manager);
      const readable = await this.readableFor(manager, actor, referral);
      if (readable.has(DataCategory.Participation) && referral.firstContactAt) {
        await this.recordDisclosure(manager, actor, referral, [DataCategory.Participation]);
      }
      return { referral, client: null, readable };
    });
  }

  list(actor: Actor, query: ListReferralsQueryDto): Promise<Page<Referral>> {
    const scope = referralScopeOf(actor);
    if (scope.kind === 'jobcenter' && query.overdue !== undefined) {
      throw new RequestValidationError([
        {
          field: 'overdue',
          messages: ['overdue is participation content and not available to jobcenters'],
        },
      ]);
    }
    const { limit, cursor, ...filter } = query;
    return this.referrals.list(scope, filter, todayInGermany(), { limit, cursor });
  }

  async create(actor: Actor, dto: CreateReferralDto): Promise<Referral> {
    const scope = this.jobcenterScope(actor);
    if (actor.kind !== 'user') throw new ResourceNotFound('referral');
    if (!(await this.providers.isActiveProvider(dto.providerId))) {
      throw new ResourceNotFound('provider');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const client = await this.clients.findOwned(scope.jobcenterId, dto.clientId, manager);
      if (!client) throw new ResourceNotFound('client');
      const referral = await this.referrals.insert(manager, {
        jobcenterId: scope.jobcenterId,
        providerId: dto.providerId,
        clientId: client.id,
        caseManagerId: actor.userId,
        state: ReferralState.Draft,
        reasonCategory: dto.reasonCategory,
        reasonText: dto.reasonText ?? null,
        goals: dto.goals ?? null,
        requestedServices: dto.requestedServices,
        ...(dto.priority ? { priority: dto.priority } : {}),
      });
      await this.recordTransition(manager, actor, referral, null, ReferralState.Draft);
      await this.audit.recordBy(manager, actor, {
        action: 'referral.create',
        outcome: 'success',
        resourceType: 'referral',
        resourceId: referral.id,
        clientId: client.id,
      });
      return referral.id;
    });
    return this.visibleOrFail(scope, id);
  }

  async update(
    actor: Actor,
    id: string,
    version: number,
    dto: UpdateReferralDto,
  ): Promise<Referral> {
    const scope = this.jobcenterScope(actor);
    if (dto.providerId && !(await this.providers.isActiveProvider(dto.providerId))) {
      throw new ResourceNotFound('provider');
    }
    await this.dataSource.transaction(async (manager) => {
      const current = await this.visibleOrFail(scope, id, manager);
      if (current.jobcenterVersion !== version) throw new PreconditionFailed();
      if (current.state !== ReferralState.Draft) throw new ReferralNotDraft();
      const read = { side: scope.kind, version };
      if (!(await this.referrals.updateAtVersion(manager, id, read, { ...dto }))) {
        throw new PreconditionFailed();
      }
      await this.audit.recordBy(manager, actor, {
        action: 'referral.update',
        outcome: 'success',
        resourceType: 'referral',
        resourceId: id,
        clientId: current.clientId,
        details: { fields: fieldsSent(dto) },
      });
    });
    return this.visibleOrFail(scope, id);
  }

  /**
   * Carries out one action of the state machine: the referral must be visible to the actor,
   * at the version they read, and in a state the action leaves from. The history row and the
   * audit event commit with the change.
   */
  async act(
    actor: Actor,
    id: string,
    version: number,
    action: ReferralAction,
    input: ActionInput = {},
  ): Promise<Referral> {
    const scope = referralScopeOf(actor);
    const transition = TRANSITIONS[action];
    if (transition.side !== scope.kind) throw new ResourceNotFound('referral');
    await this.dataSource.transaction(async (manager) => {
      const current = await this.visibleOrFail(scope, id, manager);
      if (versionSeenBy(scope, current) !== version) throw new PreconditionFailed();
      const to = nextState(action, current.state);
      if (!to) throw new TransitionNotAllowed(action, current.state);
      const patch = await this.effectsOf(manager, action, current, input);
      const read = { side: scope.kind, version };
      if (!(await this.referrals.updateAtVersion(manager, id, read, { ...patch, state: to }))) {
        throw new PreconditionFailed();
      }
      await this.recordTransition(
        manager,
        actor,
        current,
        current.state,
        to,
        action,
        input.reason ?? input.outcome,
      );
      await this.audit.recordBy(manager, actor, {
        action: `referral.${action}`,
        outcome: 'success',
        resourceType: 'referral',
        resourceId: id,
        // A provider deciding on a request has not been told who the client is; its own audit
        // trail must not tell it either (docs/operations/audit-trail.md).
        ...(scope.kind === 'provider' && !current.acceptedAt ? {} : { clientId: current.clientId }),
        details: { from: current.state, to },
      });
    });
    return this.visibleOrFail(scope, id);
  }

  /** A provider lead hands the case to another of their workers. */
  async assign(actor: Actor, id: string, version: number, workerId: string): Promise<Referral> {
    const scope = referralScopeOf(actor);
    if (scope.kind !== 'provider') throw new ResourceNotFound('referral');
    await this.dataSource.transaction(async (manager) => {
      const current = await this.visibleOrFail(scope, id, manager);
      if (current.version !== version) throw new PreconditionFailed();
      if (!ACTIVE_STATES.includes(current.state)) throw new ReferralNotActive();
      await this.assignableWorker(manager, current.providerId, workerId);
      const patch = { assignedWorkerId: workerId };
      // Provider-internal: the jobcenter's version and time of change stay as they are.
      const read = { side: scope.kind, version, jobcenterSees: false };
      if (!(await this.referrals.updateAtVersion(manager, id, read, patch))) {
        throw new PreconditionFailed();
      }
      await this.audit.recordBy(manager, actor, {
        action: 'referral.assign',
        outcome: 'success',
        resourceType: 'referral',
        resourceId: id,
        clientId: current.clientId,
        details: { assignedWorkerId: workerId },
      });
    });
    return this.visibleOrFail(scope, id);
  }

  /** The history; reasons that are case content stay sealed for the disclosure step. */
  async history(
    actor: Actor,
    id: string,
  ): Promise<{ scope: ReferralScope; rows: ReferralTransition[]; readable: Readable }> {
    const scope = referralScopeOf(actor);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const referral = await this.visibleOrFail(scope, id, manager);
      const rows = await this.referrals.history(id, manager);
      if (scope.kind === 'provider') return { scope, rows, readable: EVERYTHING };
      const readable = await this.readableFor(manager, actor, referral);
      const disclosed = [
        ...new Set(
          rows
            .map((row) => row.reasonCategory)
            .filter((c): c is DataCategory => c !== null && readable.has(c)),
        ),
      ];
      if (disclosed.length > 0) await this.recordDisclosure(manager, actor, referral, disclosed);
      return { scope, rows, readable };
    });
  }

  /**
   * What of the provider's content of this referral the actor's organisation may read now: all
   * of it for the provider, for the jobcenter what the client released for this referral.
   */
  readableFor(manager: EntityManager, actor: Actor, referral: Referral): Promise<Readable> {
    return this.access.readable(manager, {
      readerOrganisationId: actor.organisationId,
      authorOrganisationId: referral.providerId,
      clientId: referral.clientId,
      referralId: referral.id,
    });
  }

  /** Every response that shows a provider's case content to the jobcenter is audited. */
  async recordDisclosure(
    manager: EntityManager,
    actor: Actor,
    referral: Referral,
    categories: DataCategory[],
    details: Record<string, number> = {},
  ): Promise<void> {
    await this.audit.recordBy(manager, actor, {
      action: DISCLOSURE_ACTION,
      outcome: 'success',
      resourceType: 'referral',
      resourceId: referral.id,
      clientId: referral.clientId,
      categories: [...categories].sort(),
      details: { authorOrganisationId: referral.providerId, ...details },
    });
  }

  /**
   * The client's record through the referral: the jobcenter its own client; the provider only
   * while it works the case (accepted and not closed), never before acceptance or after.
   */
  async client(actor: Actor, id: string): Promise<Client> {
    const scope = referralScopeOf(actor);
    const referral = await this.visibleOrFail(scope, id);
    const client =
      scope.kind === 'jobcenter'
        ? await this.clients.findOwned(scope.jobcenterId, referral.clientId)
        : ACTIVE_STATES.includes(referral.state)
          ? await this.clients.findById(referral.clientId)
          : null;
    if (!client) throw new ResourceNotFound('client');
    if (scope.kind === 'provider') {
      // The jobcenter's record of a person goes to another organisation: log the transmission.
      await this.recordClientDisclosure(actor, referral, DisclosedData.ClientRecord);
    }
    return client;
  }

  /**
   * The jobcenter's data about the client shown to the provider: into the client's disclosure
   * record. The summary is shown before the provider accepted, when it is not told who the
   * client is, so its own auditors read the event without the client's id.
   */
  private recordClientDisclosure(
    actor: Actor,
    referral: Referral,
    data: DisclosedData.ClientRecord | DisclosedData.ReferralSummary,
  ): Promise<void> {
    const summary = data === DisclosedData.ReferralSummary;
    return this.audit.recordAlone({
      ...auditActorOf(actor),
      requestId: actor.requestId,
      action: CLIENT_DISCLOSURE_ACTION,
      outcome: 'success',
      resourceType: summary ? 'referral' : 'client',
      resourceId: summary ? referral.id : referral.clientId,
      clientId: referral.clientId,
      details: { referralId: referral.id, data, ...(summary ? { [CLIENT_WITHHELD]: true } : {}) },
    });
  }

  /** The referral if the actor may see it (for modules that hang content on referrals). */
  findVisibleTo(actor: Actor, id: string, manager?: EntityManager): Promise<Referral | null> {
    return this.referrals.findVisible(referralScopeOf(actor), id, manager);
  }

  private async visibleOrFail(
    scope: ReferralScope,
    id: string,
    manager?: EntityManager,
  ): Promise<Referral> {
    const referral = await this.referrals.findVisible(scope, id, manager);
    if (!referral) throw new ResourceNotFound('referral');
    return referral;
  }

  private jobcenterScope(actor: Actor): { kind: 'jobcenter'; jobcenterId: string } {
    const scope = referralScopeOf(actor);
    if (scope.kind !== 'jobcenter') throw new ResourceNotFound('referral');
    return scope;
  }

  /** What an action changes besides the state. */
  private async effectsOf(
    manager: EntityManager,
    action: ReferralAction,
    current: Referral,
    input: ActionInput,
  ): Promise<Partial<Referral>> {
    const now = new Date();
    switch (action) {
      case ReferralAction.Send:
        return { contractId: await this.bookPlace(manager, current), sentAt: now };
      case ReferralAction.Accept: {
        const worker = input.assignedWorkerId ?? '';
        await this.assignableWorker(manager, current.providerId, worker);
        const contract = current.contractId
          ? await this.contracts.lockForBooking(manager, current.contractId)
          : null;
        return {
          acceptedAt: now,
          assignedWorkerId: worker,
          firstContactDue: addWorkingDays(
            todayInGermany(now),
            contract?.firstContactWorkingDays ?? 10,
          ),
        };
      }
      case ReferralAction.Start:
        return { startedAt: now };
      case ReferralAction.Reject:
      case ReferralAction.Cancel:
        return { outcome: input.reason ?? null, closedAt: now };
      case ReferralAction.Complete:
        return { outcome: input.outcome ?? null, closedAt: now };
      case ReferralAction.End:
        // The reason goes into the history only, marked as participation content.
        return { closedAt: now };
      case ReferralAction.Pause:
      case ReferralAction.Resume:
        return {};
    }
  }

  /**
   * Finds a contract valid today that covers the requested services and still has a free
   * place. Each candidate's row is locked before its places are counted, so two sends for the
   * last place are serialised: one gets it, the other sees it taken.
   */
  private async bookPlace(manager: EntityManager, referral: Referral): Promise<string> {
    const candidates = await this.contracts.findCovering(
      manager,
      referral.jobcenterId,
      referral.providerId,
      referral.requestedServices,
      todayInGermany(),
    );
    if (candidates.length === 0) throw new NoValidContract();
    for (const candidate of candidates) {
      const contract = await this.contracts.lockForBooking(manager, candidate.id);
      if (contract && (await this.referrals.countOpen(manager, contract.id)) < contract.capacity) {
        return contract.id;
      }
    }
    throw new NoCapacity();
  }

  private async assignableWorker(
    manager: EntityManager,
    providerId: string,
    userId: string,
  ): Promise<void> {
    const member = /^[0-9a-f-]{36}$/i.test(userId)
      ? await this.users.findActiveMember(manager, providerId, userId, ASSIGNABLE_ROLES)
      : undefined;
    if (!member) throw new WorkerNotAssignable();
  }

  private async recordTransition(
    manager: EntityManager,
    actor: Actor,
    referral: Referral,
    from: ReferralState | null,
    to: ReferralState,
    action: ReferralAction | null = null,
    reason?: string,
  ): Promise<void> {
    await this.referrals.insertTransition(manager, {
      referralId: referral.id,
      action,
      fromState: from,
      toState: to,
      reason: reason ?? null,
      reasonCategory: reasonCategoryOf(action, reason),
      actorKind: actor.kind,
      actorId: actor.kind === 'user' ? actor.userId : actor.apiKeyId,
      actorOrganisationId: actor.organisationId,
    });
  }
}
