import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, UserActor } from '../auth/actor';
import { Role } from '../auth/role';
import type { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { PreconditionFailed } from '../common/concurrency/preconditions';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { isUniqueViolation } from '../common/database/postgres-errors';
import type { CreateOrganisationDto, UpdateOrganisationDto } from './dto/create-organisation.dto';
import { fieldsSent } from '../common/validation/normalise';
import { isLeadOf, LEAD_ROLE } from './dual-control';
import { EmailTaken, OrganisationNameTaken } from './identity-errors';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from '../common/organisation-kind';
import type { FederalState } from '../common/public-holidays';
import { OrganisationRepository } from './organisation.repository';
import { SessionEndReason } from './session.entity';
import { SessionsService } from './sessions.service';
import { UserRepository } from './user.repository';
import { UsersService, type NewMember } from './users.service';

/**
 * Jobcenters, providers (Träger) and the operator. Never deleted: deactivated instead, which
 * ends its users' sessions and stops its API keys (until it is reactivated).
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly userRows: UserRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates the organisation unless one of that name exists; returns it either way. */
  async ensure(
    kind: OrganisationKind,
    name: string,
    federalState: FederalState | null = null,
  ): Promise<{ organisation: Organisation; created: boolean }> {
    // One atomic insert-or-skip, so that concurrent calls for one name never collide.
    const inserted = await this.organisations.insertIfNameFree(kind, name, undefined, federalState);
    const created = inserted !== undefined;
    const organisation = await this.organisations.findByName(name);
    if (!organisation) throw new Error(`Organisation ${name} vanished after insert`);
    return { organisation, created };
  }

  isEmpty(): Promise<boolean> {
    return this.organisations.count().then((n) => n === 0);
  }

  list(
    filter: { kind?: OrganisationKind },
    page: { limit: number; cursor?: string },
  ): Promise<Page<Organisation>> {
    return this.organisations.listByName(filter, page);
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new ResourceNotFound('organisation');
    return organisation;
  }

  /**
   * Creates an organisation, and with `firstLead` its first lead (a jobcenter's or a provider's),
   * without a password: the lead's one-time activation code is returned to the admin this once,
   * to hand over out of band. The one point where the operator is trusted to start an
   * organisation's access: a new organisation holds no case content (ADR 0008).
   */
  async create(
    actor: UserActor,
    dto: CreateOrganisationDto,
  ): Promise<{ organisation: Organisation; firstLead: NewMember | null }> {
    const leadRole = LEAD_ROLE[dto.kind];
    if (dto.firstLead && !leadRole) {
      throw new RequestValidationError([
        { field: 'firstLead', messages: ['firstLead is for a jobcenter or a provider'] },
      ]);
    }
    const made = await this.dataSource
      .transaction(async (manager) => {
        const inserted = await this.organisations.insertIfNameFree(dto.kind, dto.name, manager);
        if (!inserted) throw new OrganisationNameTaken();
        await this.audit.recordBy(manager, actor, {
          action: AuditAction.OrganisationCreate,
          outcome: 'success',
          resourceType: 'organisation',
          resourceId: inserted.id,
          details: { organisationId: inserted.id, kind: dto.kind },
        });
        if (!dto.firstLead || !leadRole) return { organisation: inserted, activation: null };
        if (await this.userRows.emailExists(dto.firstLead.email, manager)) throw new EmailTaken();
        const activation = await this.users.addMember(
          manager,
          actor,
          inserted,
          { ...dto.firstLead, roles: [leadRole] },
          { via: 'onboarding' },
        );
        return { organisation: inserted, activation };
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error, 'users_email_key') ? new EmailTaken() : error;
      });
    if (!made.activation) return { organisation: made.organisation, firstLead: null };
    const user = await this.users.get(made.activation.userId);
    return { organisation: made.organisation, firstLead: { user, activation: made.activation } };
  }

  /**
   * What operator admins did inside the organisation (its users, keys, resets, requests and
   * their decisions, the organisation itself), newest first: for the organisation's own leads.
   */
  async listOperatorActions(
    actor: Actor,
    id: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditEvent>> {
    const organisation = await this.organisations.findById(id);
    if (!organisation || !isLeadOf(actor, organisation)) throw new ResourceNotFound('organisation');
    const operators = await this.organisations.idsOfKind(OrganisationKind.Operator);
    return this.audit.listOperatorActions(id, operators, page);
  }

  /**
   * Requires (or no longer requires) a second factor of every member of the organisation: an
   * admin of any organisation, a lead of their own (others: not found). Audited when it
   * changes. Sessions already open stay; the next password sign-in asks for the second factor.
   */
  async setMfaRequirement(actor: Actor, id: string, required: boolean): Promise<boolean> {
    const changed = await this.changeSetting(actor, id, 'mfaRequired', required);
    return changed.mfaRequired;
  }

  /**
   * Sets a jobcenter's Bundesland, whose public holidays its first-contact due dates skip: an
   * admin of any jobcenter, a lead of their own (other organisations: not found; a provider or
   * the operator has none: 400). Audited when it changes; due dates already set stay.
   */
  setFederalState(
    actor: Actor,
    id: string,
    federalState: FederalState | null,
  ): Promise<Organisation> {
    return this.changeSetting(actor, id, 'federalState', federalState, (current) => {
      if (current.kind !== OrganisationKind.Jobcenter) {
        throw new RequestValidationError([
          { field: 'federalState', messages: ['only a jobcenter has a Bundesland'] },
        ]);
      }
    });
  }

  /**
   * One setting of an organisation, changed by an admin (any organisation) or the
   * organisation's own lead (others: not found). Audited as `organisation.update` naming the
   * field and its new value, only when it changes. Answers the organisation as it is now.
   */
  private changeSetting<K extends 'mfaRequired' | 'federalState'>(
    actor: Actor,
    id: string,
    field: K,
    value: Organisation[K],
    check: (current: Organisation) => void = () => undefined,
  ): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.organisations.findById(id, manager);
      const isAdmin = actor.kind === 'user' && actor.roles.includes(Role.Admin);
      if (!current || !(isAdmin || isLeadOf(actor, current))) {
        throw new ResourceNotFound('organisation');
      }
      check(current);
      if (current[field] === value) return current;
      await manager
        .createQueryBuilder()
        .update(Organisation)
        .set({ [field]: value, version: () => 'version + 1' })
        .where('id = :id', { id })
        .execute();
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.OrganisationUpdate,
        outcome: 'success',
        resourceType: 'organisation',
        resourceId: id,
        details: { organisationId: id, fields: [field], [field]: value },
      });
      return (await this.organisations.findById(id, manager))!;
    });
  }

  /**
   * The Bundesland of a jobcenter, whose public holidays are not working days (null: none set,
   * or no such jobcenter).
   */
  async federalStateOf(jobcenterId: string, manager?: EntityManager): Promise<FederalState | null> {
    const organisation = await this.organisations.findById(jobcenterId, manager);
    return organisation?.federalState ?? null;
  }

  update(
    actor: Actor,
    id: string,
    version: number,
    dto: UpdateOrganisationDto,
  ): Promise<Organisation> {
    return this.dataSource
      .transaction(async (manager) => {
        const current = await this.organisations.findById(id, manager);
        if (!current) throw new ResourceNotFound('organisation');
        if (current.version !== version) throw new PreconditionFailed();
        if (dto.name !== undefined && dto.name !== current.name) {
          const other = await this.organisations.findByName(dto.name, manager);
          if (other) throw new OrganisationNameTaken();
        }
        const updated = await this.organisations.updateAtVersion(manager, id, version, dto);
        if (!updated) throw new PreconditionFailed();
        if (dto.active === false && current.active) {
          await this.sessions.endAllOfOrganisation(
            manager,
            id,
            SessionEndReason.OrganisationDeactivated,
          );
        }
        await this.audit.recordBy(manager, actor, {
          action: AuditAction.OrganisationUpdate,
          outcome: 'success',
          resourceType: 'organisation',
          resourceId: id,
          details: {
            organisationId: id,
            fields: fieldsSent(dto),
            ...(dto.active !== undefined ? { active: dto.active } : {}),
          },
        });
        return updated;
      })
      .catch((error: unknown) => {
        // Two organisations renamed to one free name at once: the unique index decides.
        throw isUniqueViolation(error, 'organisations_name_key')
          ? new OrganisationNameTaken()
          : error;
      });
  }
}
