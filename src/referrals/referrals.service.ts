import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/role';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import type { Client } from '../clients/client.entity';
import { ClientsService } from '../clients/clients.service';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { fieldsSent } from '../common/validation/normalise';
import { UsersService } from '../identity/users.service';
import { OrganisationsService } from '../identity/organisations.service';
import { ContractsService } from '../providers/contracts.service';
import { ProvidersService } from '../providers/providers.service';
import type { CreateReferralDto, UpdateReferralDto } from './dto/create-referral.dto';
import type { ListReferralsQueryDto } from './dto/list-referrals-query.dto';
import { EVERYTHING, NOTHING, type Readable } from '../confidentiality/content-category';
import { DataCategory } from '../confidentiality/data-category';
import { CaseAccess } from '../confidentiality/case-access.service';
import { referralScopeOf, type ReferralScope } from '../confidentiality/case-access';
import { DisclosureAudit } from '../audit/disclosure-audit.service';
import { DisclosedData } from '../audit/disclosure-record';
import {
  NoCapacity,
  NoValidContract,
  ReferralNotActive,
  ReferralNotDraft,
  TransitionNotAllowed,
  WorkerNotAssignable,
} from './referral-errors';
import { ReferralRepository } from './referral.repository';
import {
  type ActionInput,
  nextState,
  reasonCategoryOf,
  REFERRAL_ACTIONS,
} from './referral-actions';
import { isTerminal, ReferralAction } from './referral-state';
import { ACTIVE_STATES, ReferralState } from '../common/referral-states';
import type { ReferralTransition } from './referral-transition.entity';
import type { Referral } from './referral.entity';
import type { ReferralFields } from './referral-rows';
import { todayInGermany } from '../common/calendar';
import { addWorkingDays } from './working-days';
import { Outbox } from '../events/outbox.service';
import { EventSubject, EventType } from '../events/event-types';

const ASSIGNABLE_ROLES = [Role.ProviderWorker, Role.ProviderLead] as const;

/** The audit action each action of the state machine records (a new action needs one). */
const AUDIT_ACTION_OF: Readonly<Record<ReferralAction, AuditAction>> = {
  [ReferralAction.Send]: AuditAction.ReferralSend,
  [ReferralAction.Accept]: AuditAction.ReferralAccept,
  [ReferralAction.Reject]: AuditAction.ReferralReject,
  [ReferralAction.Start]: AuditAction.ReferralStart,
  [ReferralAction.Pause]: AuditAction.ReferralPause,
  [ReferralAction.Resume]: AuditAction.ReferralResume,
  [ReferralAction.Complete]: AuditAction.ReferralComplete,
  [ReferralAction.End]: AuditAction.ReferralEnd,
  [ReferralAction.Cancel]: AuditAction.ReferralCancel,
};

/**
 * A referral as one reader reads it: with the client's summary where the provider is shown it,
 * and the categories of the provider's content this reader may read.
 */
export interface ReferralRead {
  referral: Referral;
  client: Client | null;
  readable: Readable;
}

/**
 * What a reader reads of the provider's content where no consent is asked: the provider all of
 * its own; the jobcenter nothing (lists, and the answers to its own changes, carry no provider
 * content; its reads of one referral ask the client's consent instead).
 */
function ownContentOf(scope: ReferralScope): Readable {
  return scope.kind === 'provider' ? EVERYTHING : NOTHING;
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
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    private readonly disclosures: DisclosureAudit,
    private readonly access: CaseAccess,
    private readonly outbox: Outbox,
  ) {}

  /**
   * One referral. For the jobcenter, the disclosure policy decides in the same snapshot whether
   * participation content (the first contact) may be shown, and a disclosure is audited in the
   * same transaction.
   */
  async get(actor: Actor, id: string): Promise<ReferralRead> {
    const scope = referralScopeOf(actor);
    if (scope.kind === 'provider') {
      // The provider reads its own view: no consent to check, no snapshot to share, so no
      // transaction (three round trips fewer). Before deciding it learns postcode and note:
      // the jobcenter's data about the client, so the read goes into the disclosure record.
      const referral = await this.visibleOrFail(scope, id);
      const readable = ownContentOf(scope);
      if (referral.state !== ReferralState.Requested) return { referral, client: null, readable };
      const client = await this.clients.findById(referral.clientId);
      if (client) await this.disclosures.clientData(actor, referral, DisclosedData.ReferralSummary);
      return { referral, client, readable };
    }
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const referral = await this.visibleOrFail(scope, id, manager);
      const readable = await this.readableFor(manager, actor, referral);
      if (readable.has(DataCategory.Participation) && referral.firstContactAt) {
        await this.disclosures.caseContent(manager, actor, referral, [DataCategory.Participation]);
      }
      return { referral, client: null, readable };
    });
  }

  async list(
    actor: Actor,
    query: ListReferralsQueryDto,
  ): Promise<{ page: Page<ReferralFields<string>>; readable: Readable; today: string }> {
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
    const today = todayInGermany();
    const page = await this.referrals.list(scope, filter, today, { limit, cursor });
    // The day the page was read by, for its `overdue` flags: one clock for filter and flags.
    return { page, readable: ownContentOf(scope), today };
  }

  async create(actor: Actor, dto: CreateReferralDto): Promise<ReferralRead> {
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
        action: AuditAction.ReferralCreate,
        outcome: 'success',
        resourceType: 'referral',
        resourceId: referral.id,
        clientId: client.id,
      });
      return referral.id;
    });
    return this.readAfterChange(scope, id);
  }

  async update(
    actor: Actor,
    id: string,
    version: number,
    dto: UpdateReferralDto,
  ): Promise<ReferralRead> {
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
        action: AuditAction.ReferralUpdate,
        outcome: 'success',
        resourceType: 'referral',
        resourceId: id,
        clientId: current.clientId,
        details: { fields: fieldsSent(dto) },
      });
    });
    return this.readAfterChange(scope, id);
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
  ): Promise<ReferralRead> {
    const scope = referralScopeOf(actor);
    const spec = REFERRAL_ACTIONS[action];
    if (spec.side !== scope.kind) throw new ResourceNotFound('referral');
    await this.dataSource.transaction(async (manager) => {
      const current = await this.visibleOrFail(scope, id, manager);
      if (versionSeenBy(scope, current) !== version) throw new PreconditionFailed();
      const to = nextState(action, current.state);
      if (!to) throw new TransitionNotAllowed(action, current.state);
      const now = new Date();
      const patch: Partial<Referral> = {
        ...(await this.effectsOf(manager, action, current, input, now)),
        ...(spec.setsOutcome ? { outcome: input[spec.setsOutcome] ?? null } : {}),
        ...(isTerminal(to) ? { closedAt: now } : {}),
        state: to,
      };
      const read = { side: scope.kind, version };
      if (!(await this.referrals.updateAtVersion(manager, id, read, patch))) {
        throw new PreconditionFailed();
      }
      const reason = spec.recordsReason ? input[spec.recordsReason] : undefined;
      await this.recordTransition(manager, actor, current, current.state, to, action, reason);
      await this.audit.recordBy(manager, actor, {
        action: AUDIT_ACTION_OF[action],
        outcome: 'success',
        resourceType: 'referral',
        resourceId: id,
        // A provider deciding on a request has not been told who the client is; its own audit
        // trail must not tell it either (docs/operations/audit-trail.md).
        ...(scope.kind === 'provider' && !current.acceptedAt ? {} : { clientId: current.clientId }),
        details: { from: current.state, to },
      });
      // Both parties see a referral once it is sent (no action leads back to a draft).
      await this.outbox.enqueue(manager, {
        type: spec.event,
        recipients: [current.jobcenterId, current.providerId],
        subject: { type: EventSubject.Referral, id },
        referralId: id,
        occurredAt: now,
      });
    });
    return this.readAfterChange(scope, id);
  }

  /** A provider lead hands the case to another of their workers. */
  async assign(actor: Actor, id: string, version: number, workerId: string): Promise<ReferralRead> {
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
        action: AuditAction.ReferralAssign,
        outcome: 'success',
        resourceType: 'referral',
        resourceId: id,
        clientId: current.clientId,
        details: { assignedWorkerId: workerId },
      });
    });
    return this.readAfterChange(scope, id);
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
      if (scope.kind === 'provider') return { scope, rows, readable: ownContentOf(scope) };
      const readable = await this.readableFor(manager, actor, referral);
      const disclosed = [
        ...new Set(
          rows
            .map((row) => row.reasonCategory)
            .filter((c): c is DataCategory => c !== null && readable.has(c)),
        ),
      ];
      await this.disclosures.caseContent(manager, actor, referral, disclosed);
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
      await this.disclosures.clientData(actor, referral, DisclosedData.ClientRecord);
    }
    return client;
  }

  /** The referral if the actor may see it (for modules that hang content on referrals). */
  findVisibleTo(actor: Actor, id: string, manager?: EntityManager): Promise<Referral | null> {
    return this.referrals.findVisible(referralScopeOf(actor), id, manager);
  }

  /** The referral as its changer reads it in the answer to a change. */
  private async readAfterChange(scope: ReferralScope, id: string): Promise<ReferralRead> {
    const referral = await this.visibleOrFail(scope, id);
    return { referral, client: null, readable: ownContentOf(scope) };
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

  /**
   * What an action changes besides what its row of `REFERRAL_ACTIONS` says (the state, the
   * outcome, `closedAt` when it closes the referral, the history row).
   */
  private async effectsOf(
    manager: EntityManager,
    action: ReferralAction,
    current: Referral,
    input: ActionInput,
    now: Date,
  ): Promise<Partial<Referral>> {
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
          // Working days without the public holidays of the jobcenter's Land, counted once here:
          // the overdue flag and filter compare with the stored date (ADR 0020).
          firstContactDue: addWorkingDays(
            todayInGermany(now),
            contract?.firstContactWorkingDays ?? 10,
            await this.organisations.federalStateOf(current.jobcenterId, manager),
          ),
        };
      }
      case ReferralAction.Start:
        return { startedAt: now };
      case ReferralAction.Reject:
      case ReferralAction.Cancel:
      case ReferralAction.Complete:
      case ReferralAction.End:
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
      const open = contract ? await this.referrals.countOpen(manager, contract.id) : 0;
      if (contract && open < contract.capacity) {
        if (open + 1 === contract.capacity) {
          await this.outbox.enqueue(manager, {
            type: EventType.ContractCapacityExhausted,
            recipients: [referral.jobcenterId, referral.providerId],
            subject: { type: EventSubject.Contract, id: contract.id },
          });
        }
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
