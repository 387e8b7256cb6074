import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { DisclosureAudit } from '../audit/disclosure-audit.service';
import { etagOf, PreconditionFailed } from '../common/concurrency/preconditions';
import { OrganisationKind } from '../common/organisation-kind';
import type { Page } from '../common/pagination/page';
import { RequestValidationError, ResourceNotFound } from '../common/problem/domain-error';
import { ACTIVE_STATES } from '../common/referral-states';
import { EVERYTHING, type Readable } from '../confidentiality/content-category';
import { DataCategory } from '../confidentiality/data-category';
import { disclose } from '../confidentiality/disclosure';
import { Outbox } from '../events/outbox.service';
import { EventSubject, EventType } from '../events/event-types';
import { IdempotencyService, type IdempotentResult } from '../idempotency/idempotency.service';
import type { Referral } from '../referrals/referral.entity';
import { ReferralsService } from '../referrals/referrals.service';
import type { AppointmentAttendance } from './appointment-attendance.entity';
import type { AppointmentRead, AppointmentView } from './appointment-view';
import { AppointmentOutcome, AppointmentParty, AppointmentMode } from './appointment-codes';
import {
  AccompanimentNotPlanned,
  AppointmentClosed,
  AppointmentNotDue,
  AttendanceAlreadyRecorded,
  ReferralNotOpen,
} from './appointment-errors';
import type { Appointment } from './appointment.entity';
import { AppointmentRepository } from './appointment.repository';
import { toAppointmentDto } from './appointments.mappers';
import type {
  AppointmentOutcomeInputDto,
  AppointmentSlotDto,
  AttendanceInputDto,
  CreateAppointmentDto,
} from './dto/appointment-input.dto';
import { AppointmentDto } from './dto/appointment.dto';

/** What one change of the shared appointment writes. */
type AppointmentPatch = Parameters<AppointmentRepository['updateAtVersion']>[3];

/** Clocks differ: an appointment counts as begun up to five minutes early. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** `startsAt`, mode and location of a slot, checked beyond the DTO's field rules. */
function validatedSlot(slot: AppointmentSlotDto, field = ''): Partial<Appointment> {
  const startsAt = new Date(slot.startsAt);
  const errors = [];
  if (startsAt.getTime() <= Date.now()) {
    errors.push({ field: `${field}startsAt`, messages: ['startsAt must be in the future'] });
  }
  const location = slot.location ?? null;
  if (slot.mode === AppointmentMode.InPerson && location === null) {
    errors.push({
      field: `${field}location`,
      messages: ['an in-person appointment needs a location'],
    });
  }
  if (slot.mode === AppointmentMode.ByPhone && location !== null) {
    errors.push({
      field: `${field}location`,
      messages: ['an appointment by phone has no location'],
    });
  }
  if (errors.length > 0) throw new RequestValidationError(errors);
  return {
    startsAt,
    durationMinutes: slot.durationMinutes ?? null,
    mode: slot.mode,
    location,
    purpose: slot.purpose,
  };
}

/**
 * Appointments of a client with the case manager (ADR 0021). The jobcenter proposes them and
 * records whether they took place: its own data. Either side records the client's wish to be
 * accompanied and the provider confirms it: the plan both need. Whether the worker met the
 * client is the provider's `participation` content: the jobcenter reads it only as the client
 * released participation to it for the referral, decided and read in one snapshot, the
 * disclosure audited in the same transaction (the sanction firewall).
 */
@Injectable()
export class AppointmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: AppointmentRepository,
    private readonly referrals: ReferralsService,
    private readonly audit: AuditService,
    private readonly disclosures: DisclosureAudit,
    private readonly idempotency: IdempotencyService,
    private readonly outbox: Outbox,
  ) {}

  /** The case manager proposes; with an Idempotency-Key a retry gets the first answer. */
  async propose(
    actor: Actor,
    referralId: string,
    dto: CreateAppointmentDto,
    idempotencyKey?: string,
  ): Promise<IdempotentResult<AppointmentDto>> {
    this.assertSide(actor, AppointmentParty.Jobcenter);
    const slot = validatedSlot(dto);
    return this.idempotency.runIfKeyed(
      {
        organisationId: actor.organisationId,
        key: idempotencyKey,
        route: `POST /referrals/${referralId}/appointments`,
        body: dto,
      },
      // A replay skips the work: the caller must see the referral now.
      async () => {
        if (!(await this.referrals.findVisibleTo(actor, referralId))) {
          throw new ResourceNotFound('referral');
        }
      },
      (manager) => this.proposeIn(manager, actor, referralId, slot, dto.accompanimentWished),
    );
  }

  async get(actor: Actor, id: string): Promise<AppointmentRead> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { appointment, referral } = await this.visible(manager, actor, id);
      const readable = await this.readableFor(manager, actor, referral);
      const [view] = await this.viewsOf(manager, [appointment], readable);
      await this.recordDisclosure(manager, actor, referral, [view]);
      return { view, readable };
    });
  }

  async list(
    actor: Actor,
    referralId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ page: Page<AppointmentView>; readable: Readable }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const referral = await this.referrals.findVisibleTo(actor, referralId, manager);
      if (!referral) throw new ResourceNotFound('referral');
      const readable = await this.readableFor(manager, actor, referral);
      const found = await this.appointments.listForReferral(manager, referralId, page);
      const items = await this.viewsOf(manager, found.items, readable);
      await this.recordDisclosure(manager, actor, referral, items);
      return { page: { items, nextCursor: found.nextCursor }, readable };
    });
  }

  /** Either side records the client's wish; withdrawing it withdraws the confirmation. */
  recordWish(actor: Actor, id: string, version: number, wished: boolean): Promise<AppointmentRead> {
    const side = this.sideOf(actor);
    return this.change(
      actor,
      id,
      version,
      AuditAction.AppointmentRecordWish,
      ({ appointment }) => ({
        accompanimentWished: wished,
        accompanimentWishRecordedBy: side,
        accompanimentConfirmedAt: wished ? appointment.accompanimentConfirmedAt : null,
      }),
    );
  }

  /** The provider confirms that its worker accompanies the client, as the client wished. */
  confirmAccompaniment(actor: Actor, id: string, version: number): Promise<AppointmentRead> {
    this.assertSide(actor, AppointmentParty.Provider);
    return this.change(
      actor,
      id,
      version,
      AuditAction.AppointmentConfirmAccompaniment,
      ({ appointment }) => {
        if (appointment.accompanimentWished !== true) {
          throw new AccompanimentNotPlanned(
            'Only an accompaniment the client wished for can be confirmed.',
          );
        }
        return { accompanimentConfirmedAt: appointment.accompanimentConfirmedAt ?? new Date() };
      },
    );
  }

  /**
   * The case manager records whether the appointment took place: from its start on, or
   * `rescheduled` at any time, linking or proposing the appointment that replaces it.
   */
  recordOutcome(
    actor: Actor,
    id: string,
    version: number,
    dto: AppointmentOutcomeInputDto,
  ): Promise<AppointmentRead> {
    this.assertSide(actor, AppointmentParty.Jobcenter);
    const rescheduled = dto.outcome === AppointmentOutcome.Rescheduled;
    const targets = (dto.rescheduledToId ? 1 : 0) + (dto.next ? 1 : 0);
    if (rescheduled !== (targets === 1) || targets > 1) {
      throw new RequestValidationError([
        {
          field: 'outcome',
          messages: [
            'rescheduled takes exactly one of rescheduledToId and next; the other outcomes neither',
          ],
        },
      ]);
    }
    const next = dto.next ? validatedSlot(dto.next, 'next.') : null;
    return this.change(
      actor,
      id,
      version,
      AuditAction.AppointmentRecordOutcome,
      async ({ appointment, referral }, manager) => {
        if (!rescheduled && appointment.startsAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
          throw new AppointmentNotDue();
        }
        if (next) {
          if (!ACTIVE_STATES.includes(referral.state)) throw new ReferralNotOpen();
          await this.insertProposal(manager, actor, referral, {
            ...next,
            rescheduledFromId: appointment.id,
            accompanimentWished: appointment.accompanimentWished,
            accompanimentWishRecordedBy: appointment.accompanimentWishRecordedBy,
          });
        } else if (dto.rescheduledToId) {
          const linked = await this.appointments.linkSuccessor(
            manager,
            appointment.id,
            dto.rescheduledToId,
            referral.id,
          );
          if (!linked) throw new ResourceNotFound('appointment');
          await this.announce(manager, EventType.AppointmentChanged, referral, dto.rescheduledToId);
        }
        return { outcome: dto.outcome, outcomeRecordedAt: new Date() };
      },
      { referralMayBeClosed: true },
    );
  }

  /**
   * The worker records whether they met the client for a confirmed accompaniment, once, from
   * the appointment's start on. Provider content: no event, and the appointment's version (the
   * jobcenter's ETag) stays as it is, so that nothing of it reaches the jobcenter unreleased.
   */
  async recordAttendance(
    actor: Actor,
    id: string,
    dto: AttendanceInputDto,
  ): Promise<AppointmentRead> {
    this.assertSide(actor, AppointmentParty.Provider);
    return this.dataSource.transaction(async (manager) => {
      const { appointment, referral } = await this.visible(manager, actor, id);
      if (!appointment.accompanimentConfirmedAt) {
        throw new AccompanimentNotPlanned(
          'Only a confirmed accompaniment can be recorded as met or missed.',
        );
      }
      if (appointment.startsAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
        throw new AppointmentNotDue();
      }
      const written = await this.appointments.insertAttendance(manager, {
        appointmentId: id,
        referralId: referral.id,
        authorOrganisationId: referral.providerId,
        meeting: dto.meeting,
        note: dto.note ?? null,
        recordedById: actor.kind === 'user' ? actor.userId : actor.apiKeyId,
        recordedAt: new Date(),
      });
      if (!written) throw new AttendanceAlreadyRecorded();
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.AppointmentRecordAttendance,
        outcome: 'success',
        resourceType: 'appointment',
        resourceId: id,
        clientId: referral.clientId,
        details: { referralId: referral.id },
      });
      const [view] = await this.viewsOf(manager, [appointment], EVERYTHING);
      return { view, readable: EVERYTHING };
    });
  }

  /**
   * One change of the shared appointment: visible to the actor, at the version they read, without
   * an outcome yet, the referral open (the outcome may follow its closing); audited and announced
   * to both parties in the same transaction.
   */
  private change(
    actor: Actor,
    id: string,
    version: number,
    action: AuditAction,
    patchOf: (
      current: { appointment: Appointment; referral: Referral },
      manager: EntityManager,
    ) => AppointmentPatch | Promise<AppointmentPatch>,
    options: { referralMayBeClosed?: boolean } = {},
  ): Promise<AppointmentRead> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.visible(manager, actor, id);
      const { appointment, referral } = current;
      if (appointment.version !== version) throw new PreconditionFailed();
      if (appointment.outcome !== null) throw new AppointmentClosed();
      if (!options.referralMayBeClosed && !ACTIVE_STATES.includes(referral.state)) {
        throw new ReferralNotOpen();
      }
      const patch = await patchOf(current, manager);
      if (!(await this.appointments.updateAtVersion(manager, id, version, patch))) {
        throw new PreconditionFailed();
      }
      await this.audit.recordBy(manager, actor, {
        action,
        outcome: 'success',
        resourceType: 'appointment',
        resourceId: id,
        clientId: referral.clientId,
        details: { referralId: referral.id },
      });
      await this.announce(manager, EventType.AppointmentChanged, referral, id);
      return this.reread(manager, actor, id, referral);
    });
  }

  private async proposeIn(
    manager: EntityManager,
    actor: Actor,
    referralId: string,
    slot: Partial<Appointment>,
    accompanimentWished: boolean | undefined,
  ): Promise<IdempotentResult<AppointmentDto>> {
    const referral = await this.referrals.findVisibleTo(actor, referralId, manager);
    if (!referral) throw new ResourceNotFound('referral');
    if (!ACTIVE_STATES.includes(referral.state)) throw new ReferralNotOpen();
    const wished = accompanimentWished ?? null;
    const appointment = await this.insertProposal(manager, actor, referral, {
      ...slot,
      accompanimentWished: wished,
      accompanimentWishRecordedBy: wished === null ? null : AppointmentParty.Jobcenter,
    });
    const { view, readable } = await this.reread(manager, actor, appointment.id, referral);
    return {
      status: 201,
      body: disclose(AppointmentDto, toAppointmentDto(view, readable), readable) as AppointmentDto,
      headers: {
        Location: `/api/v1/appointments/${appointment.id}`,
        ETag: etagOf(view.appointment.version),
      },
    };
  }

  /** Inserts a proposal of the jobcenter's case manager, audited and announced. */
  private async insertProposal(
    manager: EntityManager,
    actor: Actor,
    referral: Referral,
    fields: Partial<Appointment>,
  ): Promise<Appointment> {
    const appointment = await this.appointments.insert(manager, {
      ...fields,
      referralId: referral.id,
      createdById: actor.kind === 'user' ? actor.userId : actor.apiKeyId,
    });
    await this.audit.recordBy(manager, actor, {
      action: AuditAction.AppointmentPropose,
      outcome: 'success',
      resourceType: 'appointment',
      resourceId: appointment.id,
      clientId: referral.clientId,
      details: { referralId: referral.id },
    });
    await this.announce(manager, EventType.AppointmentProposed, referral, appointment.id);
    return appointment;
  }

  /** Both parties see every appointment of the referral: ids and the type only. */
  private announce(
    manager: EntityManager,
    type: EventType.AppointmentProposed | EventType.AppointmentChanged,
    referral: Referral,
    appointmentId: string,
  ): Promise<void> {
    return this.outbox.enqueue(manager, {
      type,
      recipients: [referral.jobcenterId, referral.providerId],
      subject: { type: EventSubject.Appointment, id: appointmentId },
      referralId: referral.id,
    });
  }

  /** The appointment as its changer reads it in the answer to a change. */
  private async reread(
    manager: EntityManager,
    actor: Actor,
    id: string,
    referral: Referral,
  ): Promise<AppointmentRead> {
    const appointment = await this.appointments.findById(manager, id);
    if (!appointment) throw new ResourceNotFound('appointment');
    const readable = await this.readableFor(manager, actor, referral);
    const [view] = await this.viewsOf(manager, [appointment], readable);
    await this.recordDisclosure(manager, actor, referral, [view]);
    return { view, readable };
  }

  /** The appointment and its referral, if the actor may see the referral now. */
  private async visible(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ appointment: Appointment; referral: Referral }> {
    const appointment = await this.appointments.findById(manager, id);
    const referral = appointment
      ? await this.referrals.findVisibleTo(actor, appointment.referralId, manager)
      : null;
    if (!appointment || !referral) throw new ResourceNotFound('appointment');
    return { appointment, referral };
  }

  /**
   * The views of the appointments; the provider's records only where participation is
   * readable: a record the reader may not read never leaves the database.
   */
  private async viewsOf(
    manager: EntityManager,
    appointments: Appointment[],
    readable: Readable,
  ): Promise<AppointmentView[]> {
    const ids = appointments.map((a) => a.id);
    const successors = await this.appointments.successorsOf(manager, ids);
    const attendances = readable.has(DataCategory.Participation)
      ? await this.appointments.attendancesOf(manager, ids)
      : new Map<string, AppointmentAttendance>();
    return appointments.map((appointment) => ({
      appointment,
      rescheduledToId: successors.get(appointment.id) ?? null,
      attendance: attendances.get(appointment.id) ?? null,
    }));
  }

  /**
   * What of the provider's content of the referral the actor's organisation may read now: all
   * of it for the provider, for the jobcenter what the client released for this referral.
   */
  private readableFor(manager: EntityManager, actor: Actor, referral: Referral): Promise<Readable> {
    return this.referrals.readableFor(manager, actor, referral);
  }

  /** A provider record shown to the jobcenter: one disclosure event, in the read's snapshot. */
  private async recordDisclosure(
    manager: EntityManager,
    actor: Actor,
    referral: Referral,
    views: AppointmentView[],
  ): Promise<void> {
    if (actor.organisationKind === OrganisationKind.Provider) return;
    const shown = views.filter((v) => v.attendance !== null).length;
    if (shown === 0) return;
    await this.disclosures.caseContent(manager, actor, referral, [DataCategory.Participation], {
      appointmentAttendances: shown,
    });
  }

  private sideOf(actor: Actor): AppointmentParty {
    if (actor.organisationKind === OrganisationKind.Jobcenter) return AppointmentParty.Jobcenter;
    if (actor.organisationKind === OrganisationKind.Provider) return AppointmentParty.Provider;
    throw new ResourceNotFound('appointment');
  }

  private assertSide(actor: Actor, side: AppointmentParty): void {
    if (this.sideOf(actor) !== side) throw new ResourceNotFound('appointment');
  }
}
