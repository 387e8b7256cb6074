import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { Can } from '../auth/can.decorator';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permission } from '../auth/permission';
import { IfMatch, setEtag } from '../common/concurrency/preconditions';
import { Creates } from '../common/openapi/creates.decorator';
import { ApiTag } from '../common/openapi/tags';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { ApiProblemResponses } from '../common/problem/api-problem-responses.decorator';
import { UuidParam } from '../common/validation/uuid-param';
import { Disclosed, Discloses } from '../confidentiality/disclosed';
import { IdempotencyKeyHeader } from '../idempotency/idempotency-key.decorator';
import type { AppointmentRead } from './appointment-view';
import { toAppointmentDto, toAppointmentPageDto } from './appointments.mappers';
import { AppointmentsService } from './appointments.service';
import {
  AccompanimentWishDto,
  AppointmentOutcomeInputDto,
  AttendanceInputDto,
  CreateAppointmentDto,
} from './dto/appointment-input.dto';
import { AppointmentDto, AppointmentPageDto } from './dto/appointment.dto';

function appointmentResponse(
  reply: FastifyReply | null,
  { view, readable }: AppointmentRead,
): Disclosed<AppointmentDto> {
  // The version of the shared appointment: the provider's own record never moves it.
  if (reply) setEtag(reply, view.appointment.version);
  return new Disclosed(toAppointmentDto(view, readable), readable);
}

const CHANGE_PROBLEMS = {
  404: 'No such appointment, or not visible to you.',
  412: 'The appointment changed since its ETag was read.',
  428: 'If-Match is missing.',
} as const;

/**
 * Appointments of a client with the case manager (Termine, ADR 0021), and the provider's
 * accompaniment of the client to them.
 */
@ApiTags(ApiTag.Referrals)
@Controller()
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  /**
   * Propose an appointment
   *
   * The case manager proposes an appointment with the client of an accepted, running or paused
   * referral: time, place or by phone, and a purpose from a fixed list (never free text about the
   * person); optionally the client's wish to be accompanied by the provider's worker. Both parties
   * get an `appointment.proposed` event. With an `Idempotency-Key`, a retry gets the same answer.
   */
  @Post('referrals/:id/appointments')
  @Creates('/api/v1/appointments/{id}')
  @Can(Permission.AppointmentPropose)
  @ApiCreatedResponse({ type: AppointmentDto })
  @ApiProblemResponses({
    400: 'Invalid body: a time not in the future, a location missing in person or given by phone.',
    404: 'No such referral, or not yours.',
    409: 'The referral is not open, or the same Idempotency-Key is still in flight.',
    422: 'The Idempotency-Key was used for another request.',
  })
  async proposeAppointment(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @IdempotencyKeyHeader() idempotencyKey: string | undefined,
    @Body() dto: CreateAppointmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentDto> {
    const result = await this.appointments.propose(actor, referralId, dto, idempotencyKey);
    for (const [name, value] of Object.entries(result.headers)) void reply.header(name, value);
    void reply.status(result.status);
    return result.body;
  }

  /**
   * List a referral's appointments
   *
   * The referral's appointments by time, for its case manager and the provider working it. The
   * provider's record of an accompaniment (`attendance`) shows to the jobcenter only when the
   * client released participation to it (`nothingReleased` says when not).
   */
  @Get('referrals/:id/appointments')
  @Can(Permission.AppointmentRead)
  @ApiOkResponse({ type: AppointmentPageDto })
  @ApiProblemResponses({ 404: 'No such referral, or not visible to you.' })
  @Discloses(AppointmentPageDto)
  async listAppointments(
    @CurrentActor() actor: Actor,
    @UuidParam('id') referralId: string,
    @Query() query: PageQueryDto,
  ): Promise<Disclosed<AppointmentPageDto>> {
    const { page, readable } = await this.appointments.list(actor, referralId, query);
    return new Disclosed(toAppointmentPageDto(page, readable), readable);
  }

  /**
   * Read an appointment
   *
   * One appointment, with the `ETag` for changes. The provider's record of the accompaniment
   * shows to the jobcenter only when the client released participation to it.
   */
  @Get('appointments/:id')
  @Can(Permission.AppointmentRead)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiProblemResponses({ 404: 'No such appointment, or not visible to you.' })
  @Discloses(AppointmentDto)
  async getAppointment(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<AppointmentDto>> {
    return appointmentResponse(reply, await this.appointments.get(actor, id));
  }

  /**
   * Record the client's wish to be accompanied
   *
   * Either side records whether the client wishes the worker to come along; `false` withdraws
   * the wish and with it a confirmation. Needs `If-Match` with the appointment's `ETag`.
   */
  @Post('appointments/:id/accompaniment-wish')
  @HttpCode(200)
  @Can(Permission.AppointmentRecordWish)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiProblemResponses({
    ...CHANGE_PROBLEMS,
    409: 'The appointment has its outcome, or the referral is not open.',
  })
  @Discloses(AppointmentDto)
  async recordAccompanimentWish(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: AccompanimentWishDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<AppointmentDto>> {
    return appointmentResponse(
      reply,
      await this.appointments.recordWish(actor, id, version, dto.wished),
    );
  }

  /**
   * Confirm the accompaniment
   *
   * The provider confirms that its worker accompanies the client, as the client wished: the case
   * manager then knows the client comes accompanied. Needs `If-Match` with the appointment's
   * `ETag`.
   */
  @Post('appointments/:id/accompaniment-confirmation')
  @HttpCode(200)
  @Can(Permission.AppointmentConfirmAccompaniment)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiProblemResponses({
    ...CHANGE_PROBLEMS,
    409: 'No wish to be accompanied, the appointment has its outcome, or the referral is not open.',
  })
  @Discloses(AppointmentDto)
  async confirmAccompaniment(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<AppointmentDto>> {
    return appointmentResponse(
      reply,
      await this.appointments.confirmAccompaniment(actor, id, version),
    );
  }

  /**
   * Record the outcome
   *
   * The case manager records whether the appointment took place (from its start on), or that it
   * was rescheduled, naming the appointment that replaces it (`rescheduledToId`) or proposing it
   * (`next`). The jobcenter's own record; nothing changes afterwards. Needs `If-Match`.
   */
  @Post('appointments/:id/outcome')
  @HttpCode(200)
  @Can(Permission.AppointmentRecordOutcome)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiProblemResponses({
    ...CHANGE_PROBLEMS,
    400: 'Invalid body: rescheduled without (or another outcome with) the new appointment.',
    409: 'The outcome is recorded already, the appointment has not begun, or the referral is not open for a new one.',
  })
  @Discloses(AppointmentDto)
  async recordAppointmentOutcome(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @IfMatch() version: number,
    @Body() dto: AppointmentOutcomeInputDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Disclosed<AppointmentDto>> {
    return appointmentResponse(
      reply,
      await this.appointments.recordOutcome(actor, id, version, dto),
    );
  }

  /**
   * Record the accompaniment
   *
   * The worker records, once, whether they met the client for a confirmed accompaniment, from the
   * appointment's start on. The provider's participation content: the jobcenter sees it only when
   * the client released participation to it, the note never; no event announces it and the
   * appointment's `ETag` stays as it is.
   */
  @Post('appointments/:id/attendance')
  @HttpCode(200)
  @Can(Permission.AppointmentRecordAttendance)
  @ApiOkResponse({ type: AppointmentDto })
  @ApiProblemResponses({
    404: 'No such appointment, or not yours.',
    409: 'No confirmed accompaniment, not yet begun, or already recorded.',
  })
  @Discloses(AppointmentDto)
  async recordAttendance(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: AttendanceInputDto,
  ): Promise<Disclosed<AppointmentDto>> {
    // No `ETag`: this route takes no `If-Match` (the record is written once).
    return appointmentResponse(null, await this.appointments.recordAttendance(actor, id, dto));
  }
}
