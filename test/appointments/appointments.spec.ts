import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { ReferralState } from '../../src/common/referral-states';
import type { Referral } from '../../src/referrals/referral.entity';
import { appointmentBody, insertAppointment } from '../factories/appointments';
import type { TestUser } from '../factories/identity';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { insertConsent, workedReferral } from '../factories/reports';
import { readFeed, worldScope } from '../support/events';
import { httpOf, type TestHttp } from '../support/http';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

const API = '/api/v1';

/**
 * Appointments (issue 22 point 1, ADR 0021): the case manager proposes, either side records the
 * client's wish to be accompanied, the provider confirms, the case manager records the outcome;
 * the provider's record of the accompaniment follows consent (the sanction firewall).
 */
describe('appointments', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  const propose = (referralId: string, body: object = appointmentBody(), as = world.caseworkerA) =>
    http.post(as, `${API}/referrals/${referralId}/appointments`, body);

  /** An appointment of `referral` that has begun, its accompaniment wished and confirmed. */
  const begun = (
    referral: Referral,
    extra: Parameters<typeof insertAppointment>[1] | object = {},
  ) =>
    insertAppointment(app, {
      referralId: referral.id,
      createdById: world.caseworkerA.userId,
      accompanimentWished: true,
      confirmed: true,
      ...extra,
    });

  const read = (as: TestUser, id: string) => http.get(as, `${API}/appointments/${id}`);

  const releaseParticipation = (referral: Referral, category = DataCategory.Participation) =>
    insertConsent(app, {
      clientId: referral.clientId,
      referralId: referral.id,
      releasingOrganisationId: world.providerP1,
      recordedBy: world.workerP1.userId,
      grants: [{ category, recipientOrganisationId: world.jobcenterA }],
    });

  describe('proposing', () => {
    it('the case manager proposes for an open referral: 201, Location, ETag, both sides read it', async () => {
      const referral = await workedReferral(app, world);
      const res = await propose(referral.id, appointmentBody({ accompanimentWished: true }));
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`${API}/appointments/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        referralId: referral.id,
        mode: 'in_person',
        purpose: 'cooperation_plan',
        accompanimentWished: true,
        accompanimentWishRecordedBy: 'jobcenter',
        accompanimentConfirmedAt: null,
        outcome: null,
        nothingReleased: true,
      });
      expect(res.body).not.toHaveProperty('attendance');
      for (const reader of [world.workerP1, world.leadP1, world.caseworkerA]) {
        expect((await read(reader, res.body.id)).status).toBe(200);
      }
      const list = await http.get(world.workerP1, `${API}/referrals/${referral.id}/appointments`);
      expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    });

    it('outsiders get 404: another jobcenter, an unassigned worker, another provider', async () => {
      const referral = await workedReferral(app, world);
      const { body } = await propose(referral.id).expect(201);
      for (const outsider of [world.caseworkerB, world.otherWorkerP1, world.leadP2]) {
        expectProblem(await read(outsider, body.id), 404, 'not-found');
      }
      expectProblem(
        await propose(referral.id, appointmentBody(), world.caseworkerB),
        404,
        'not-found',
      );
      expectProblem(
        await propose(referral.id, appointmentBody(), world.workerP1),
        403,
        'forbidden',
      );
      expectProblem(await read(world.leadA, body.id), 403, 'forbidden');
    });

    it('refuses a past time, a place by phone, no place in person, a free-text purpose', async () => {
      const referral = await workedReferral(app, world);
      const cases = [
        appointmentBody({ startsAt: new Date(Date.now() - 60_000).toISOString() }),
        appointmentBody({ mode: 'by_phone' }),
        appointmentBody({ location: null }),
        appointmentBody({ purpose: 'Gespräch über die Sucht' }),
        appointmentBody({ note: 'frei' }),
      ];
      for (const body of cases)
        expectProblem(await propose(referral.id, body), 400, 'validation-error');
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM appointments WHERE referral_id = $1',
        [referral.id],
      );
      expect(n).toBe(0);
    });

    it('only for an accepted, running or paused referral', async () => {
      for (const state of [
        ReferralState.Requested,
        ReferralState.Completed,
        ReferralState.Cancelled,
      ]) {
        const referral = await workedReferral(app, world, state);
        expectProblem(await propose(referral.id), 409, 'referral-not-open');
      }
      const paused = await workedReferral(app, world, ReferralState.OnHold);
      expect((await propose(paused.id)).status).toBe(201);
    });

    it('an Idempotency-Key replays the first answer and refuses another body', async () => {
      const referral = await workedReferral(app, world);
      const key = randomUUID();
      const send = (body: object) =>
        http.post(world.caseworkerA, `${API}/referrals/${referral.id}/appointments`, body, {
          headers: { 'Idempotency-Key': key },
        });
      const body = appointmentBody();
      const first = await send(body);
      const again = await send(body);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expectProblem(await send({ ...body, purpose: 'benefits' }), 422, 'idempotency-key-reused');
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM appointments WHERE referral_id = $1',
        [referral.id],
      );
      expect(n).toBe(1);
    });
  });

  describe('accompaniment and outcome', () => {
    it('the worker records the wish and confirms it; the case manager sees both', async () => {
      const referral = await workedReferral(app, world);
      const proposed = await propose(referral.id).expect(201);
      const id = proposed.body.id as string;
      expectProblem(
        await http.post(
          world.workerP1,
          `${API}/appointments/${id}/accompaniment-confirmation`,
          undefined,
          {
            ifMatch: proposed.headers.etag,
          },
        ),
        409,
        'accompaniment-not-planned',
      );
      expectProblem(
        await http.post(world.workerP1, `${API}/appointments/${id}/accompaniment-wish`, {
          wished: true,
        }),
        428,
        'precondition-required',
      );
      const wish = await http
        .post(
          world.workerP1,
          `${API}/appointments/${id}/accompaniment-wish`,
          { wished: true },
          {
            ifMatch: proposed.headers.etag,
          },
        )
        .expect(200);
      expect(wish.body.accompanimentWishRecordedBy).toBe('provider');
      expectProblem(
        await http.post(
          world.workerP1,
          `${API}/appointments/${id}/accompaniment-confirmation`,
          undefined,
          {
            ifMatch: proposed.headers.etag,
          },
        ),
        412,
        'precondition-failed',
      );
      expectProblem(
        await http.post(
          world.caseworkerA,
          `${API}/appointments/${id}/accompaniment-confirmation`,
          undefined,
          {
            ifMatch: wish.headers.etag,
          },
        ),
        403,
        'forbidden',
      );
      await http
        .post(world.workerP1, `${API}/appointments/${id}/accompaniment-confirmation`, undefined, {
          ifMatch: wish.headers.etag,
        })
        .expect(200);
      const seen = await read(world.caseworkerA, id).expect(200);
      expect(seen.body.accompanimentWished).toBe(true);
      expect(seen.body.accompanimentConfirmedAt).toEqual(expect.any(String));
      // Withdrawing the wish withdraws the confirmation.
      const withdrawn = await http
        .post(
          world.caseworkerA,
          `${API}/appointments/${id}/accompaniment-wish`,
          { wished: false },
          {
            ifMatch: seen.headers.etag,
          },
        )
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        accompanimentWished: false,
        accompanimentConfirmedAt: null,
      });
    });

    it('no outcome before the time; rescheduling proposes the next; nothing changes after', async () => {
      const referral = await workedReferral(app, world);
      const proposed = await propose(
        referral.id,
        appointmentBody({ accompanimentWished: true }),
      ).expect(201);
      const id = proposed.body.id as string;
      const outcome = (body: object, ifMatch: string, as = world.caseworkerA) =>
        http.post(as, `${API}/appointments/${id}/outcome`, body, { ifMatch });
      expectProblem(await outcome({ outcome: 'took_place' }, '"1"'), 409, 'appointment-not-due');
      expectProblem(await outcome({ outcome: 'rescheduled' }, '"1"'), 400, 'validation-error');
      expectProblem(
        await outcome({ outcome: 'took_place' }, '"1"', world.workerP1),
        403,
        'forbidden',
      );
      const next = {
        startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        mode: 'by_phone',
        purpose: 'counselling',
      };
      const done = await outcome({ outcome: 'rescheduled', next }, '"1"').expect(200);
      expect(done.body.outcome).toBe('rescheduled');
      expect(done.body.rescheduledToId).toEqual(expect.any(String));
      const successor = await read(world.workerP1, done.body.rescheduledToId).expect(200);
      expect(successor.body).toMatchObject({
        rescheduledFromId: id,
        mode: 'by_phone',
        location: null,
        accompanimentWished: true,
        accompanimentConfirmedAt: null,
      });
      expectProblem(
        await outcome({ outcome: 'took_place' }, done.headers.etag),
        409,
        'appointment-closed',
      );
      expectProblem(
        await http.post(
          world.workerP1,
          `${API}/appointments/${id}/accompaniment-wish`,
          { wished: true },
          {
            ifMatch: done.headers.etag,
          },
        ),
        409,
        'appointment-closed',
      );
    });

    it('rescheduling links an existing appointment of the same referral, never a foreign one', async () => {
      const referral = await workedReferral(app, world);
      const other = await workedReferral(app, world);
      const first = await begun(referral);
      const second = await propose(referral.id).expect(201);
      const foreign = await propose(other.id).expect(201);
      const send = (rescheduledToId: string) =>
        http.post(
          world.caseworkerA,
          `${API}/appointments/${first.id}/outcome`,
          { outcome: 'rescheduled', rescheduledToId },
          { ifMatch: '"1"' },
        );
      expectProblem(await send(foreign.body.id), 404, 'not-found');
      const linked = await send(second.body.id).expect(200);
      expect(linked.body.rescheduledToId).toBe(second.body.id);
      expect((await read(world.caseworkerA, second.body.id)).body.rescheduledFromId).toBe(first.id);
    });

    it('the jobcenter records the outcome after the referral closed, but plans nothing more', async () => {
      const referral = await workedReferral(app, world);
      const appointment = await begun(referral);
      await db.query(`UPDATE referrals SET state = 'completed', closed_at = now() WHERE id = $1`, [
        referral.id,
      ]);
      expectProblem(
        await http.post(
          world.workerP1,
          `${API}/appointments/${appointment.id}/accompaniment-wish`,
          { wished: false },
          { ifMatch: '"1"' },
        ),
        409,
        'referral-not-open',
      );
      const res = await http
        .post(
          world.caseworkerA,
          `${API}/appointments/${appointment.id}/outcome`,
          { outcome: 'client_did_not_come' },
          { ifMatch: '"1"' },
        )
        .expect(200);
      expect(res.body.outcome).toBe('client_did_not_come');
    });
  });

  describe('the sanction firewall', () => {
    /** A case with an appointment that has begun and the worker's record of it. */
    async function accompanied(): Promise<{ referral: Referral; id: string }> {
      const referral = await workedReferral(app, world);
      const { id } = await begun(referral);
      await http
        .post(world.workerP1, `${API}/appointments/${id}/attendance`, {
          meeting: 'client_did_not_come',
          note: 'Intern: nicht am Bahnhof',
        })
        .expect(200);
      return { referral, id };
    }

    const disclosures = async (referralId: string) =>
      (
        await db.query<{ categories: string[] }[]>(
          `SELECT categories FROM audit_events WHERE action = 'content.disclose' AND resource_id = $1`,
          [referralId],
        )
      ).map((r) => r.categories);

    it('the worker records once, only a confirmed accompaniment that has begun', async () => {
      const referral = await workedReferral(app, world);
      const unconfirmed = await begun(referral, { confirmed: false });
      const future = await begun(referral, { startsInMinutes: 60 });
      const record = (id: string, as = world.workerP1) =>
        http.post(as, `${API}/appointments/${id}/attendance`, { meeting: 'met_client' });
      expectProblem(await record(unconfirmed.id), 409, 'accompaniment-not-planned');
      expectProblem(await record(future.id), 409, 'appointment-not-due');
      expectProblem(await record(future.id, world.caseworkerA), 403, 'forbidden');
      expectProblem(await record(future.id, world.otherWorkerP1), 404, 'not-found');
      const { id } = await begun(referral);
      const res = await record(id).expect(200);
      expect(res.body.attendance).toMatchObject({
        meeting: 'met_client',
        recordedById: world.workerP1.userId,
      });
      expectProblem(await record(id), 409, 'attendance-already-recorded');
    });

    it('without participation released the jobcenter learns nothing: read, list, ETag, events, audit', async () => {
      const referral = await workedReferral(app, world);
      const { id } = await begun(referral);
      await app.get(EventDispatcher).drain(undefined, worldScope(world));
      const before = await read(world.caseworkerA, id).expect(200);
      const jobcenterEvents = (await readFeed(http, world.caseworkerA)).length;
      await http
        .post(world.workerP1, `${API}/appointments/${id}/attendance`, {
          meeting: 'client_did_not_come',
          note: 'Intern',
        })
        .expect(200);
      await app.get(EventDispatcher).drain(undefined, worldScope(world));

      const after = await read(world.caseworkerA, id).expect(200);
      // The same bytes as before the provider's record: no field, no ETag, no time moved.
      expect(after.body).toEqual(before.body);
      expect(after.headers.etag).toBe(before.headers.etag);
      expect(after.body.nothingReleased).toBe(true);
      expect(after.text).not.toContain('client_did_not_come');
      const list = await http
        .get(world.caseworkerA, `${API}/referrals/${referral.id}/appointments`)
        .expect(200);
      expect(list.text).not.toContain('attendance');
      expect(await readFeed(http, world.caseworkerA)).toHaveLength(jobcenterEvents);
      expect(await disclosures(referral.id)).toEqual([]);
      // The provider sees its record.
      const own = await read(world.workerP1, id).expect(200);
      expect(own.body.attendance).toMatchObject({ meeting: 'client_did_not_come', note: 'Intern' });
    });

    it('a release of another category, or for another referral, releases nothing of it', async () => {
      const { referral, id } = await accompanied();
      await releaseParticipation(referral, DataCategory.Goals);
      // The same client's other referral, with participation released for it.
      const second = await workedReferral(app, world, ReferralState.InProgress, {
        clientId: referral.clientId,
      });
      await releaseParticipation(second);
      const res = await read(world.caseworkerA, id).expect(200);
      expect(res.body).not.toHaveProperty('attendance');
      expect(res.body.nothingReleased).toBe(true);
    });

    it('with participation released the jobcenter reads the meeting, never the note; disclosed and audited', async () => {
      const { referral, id } = await accompanied();
      const { consentId } = await releaseParticipation(referral);
      const res = await read(world.caseworkerA, id).expect(200);
      expect(res.body.nothingReleased).toBe(false);
      expect(res.body.attendance).toEqual({
        meeting: 'client_did_not_come',
        recordedAt: expect.any(String),
      });
      const list = await http
        .get(world.caseworkerA, `${API}/referrals/${referral.id}/appointments`)
        .expect(200);
      expect(list.body.items[0].attendance).toEqual(res.body.attendance);
      expect(list.text).not.toContain('Intern');
      expect(await disclosures(referral.id)).toEqual([['participation'], ['participation']]);
      // Revoked: withheld again on the next request.
      await db.query(`UPDATE consent_grants SET revoked_at = now() WHERE consent_id = $1`, [
        consentId,
      ]);
      expect((await read(world.caseworkerA, id)).body).not.toHaveProperty('attendance');
    });

    it('the jobcenter’s outcome is never provider content: no activity, no first contact, no record', async () => {
      const referral = await workedReferral(app, world, ReferralState.Accepted);
      const { id } = await begun(referral);
      await http
        .post(
          world.caseworkerA,
          `${API}/appointments/${id}/outcome`,
          { outcome: 'took_place' },
          { ifMatch: '"1"' },
        )
        .expect(200);
      const activities = await http
        .get(world.workerP1, `${API}/referrals/${referral.id}/activities`)
        .expect(200);
      expect(activities.body.items).toEqual([]);
      const seen = await http.get(world.workerP1, `${API}/referrals/${referral.id}`).expect(200);
      expect(seen.body.firstContactAt ?? null).toBeNull();
      const own = await read(world.workerP1, id).expect(200);
      expect(own.body).toMatchObject({ outcome: 'took_place', attendance: null });
    });

    it('the Art. 15 copy: the jobcenter’s part holds the record only as released, never the note', async () => {
      const { referral, id } = await accompanied();
      const copy = async () =>
        (
          await http
            .get(world.auditorA, `${API}/clients/${referral.clientId}/data-copy`)
            .expect(200)
        ).body;
      const without = await copy();
      expect(without.appointments.map((a: { id: string }) => a.id)).toEqual([id]);
      expect(without.appointmentAttendances).toEqual([]);
      expect(JSON.stringify(without)).not.toContain('Intern');
      await releaseParticipation(referral);
      const released = await copy();
      expect(released.appointmentAttendances).toEqual([
        expect.objectContaining({ appointment_id: id, meeting: 'client_did_not_come', note: null }),
      ]);
      expect(JSON.stringify(released)).not.toContain('Intern');
    });
  });

  describe('events', () => {
    it('proposal and changes reach both parties, ids only; nobody else', async () => {
      const referral = await workedReferral(app, world);
      const proposed = await propose(referral.id).expect(201);
      await http
        .post(
          world.workerP1,
          `${API}/appointments/${proposed.body.id}/accompaniment-wish`,
          { wished: true },
          { ifMatch: '"1"' },
        )
        .expect(200);
      await app.get(EventDispatcher).drain(undefined, worldScope(world));
      for (const party of [world.caseworkerA, world.leadP1]) {
        const mine = (await readFeed(http, party)).filter((e) => e.subject.id === proposed.body.id);
        expect(mine.map((e) => e.type)).toEqual(['appointment.proposed', 'appointment.changed']);
        expect(mine[0]).toMatchObject({
          subject: { type: 'appointment', id: proposed.body.id },
          referralId: referral.id,
        });
      }
      for (const outsider of [world.caseworkerB, world.leadP2]) {
        const theirs = (await readFeed(http, outsider)).filter(
          (e) => e.subject.id === proposed.body.id,
        );
        expect(theirs).toEqual([]);
      }
    });

    it('a refused change announces nothing', async () => {
      const referral = await workedReferral(app, world);
      const proposed = await propose(referral.id).expect(201);
      await http
        .post(
          world.workerP1,
          `${API}/appointments/${proposed.body.id}/accompaniment-wish`,
          { wished: true },
          { ifMatch: '"7"' },
        )
        .expect(412);
      const [{ n }] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM events WHERE subject_id = $1 AND type = 'appointment.changed'`,
        [proposed.body.id],
      );
      expect(n).toBe(0);
    });
  });
});
