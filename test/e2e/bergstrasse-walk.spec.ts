import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { EventDispatcher } from '../../src/events/event-dispatcher.service';
import { appointmentBody } from '../factories/appointments';
import { createClient } from '../factories/clients';
import { consentBody, createApprovedTemplate } from '../factories/consent';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { readFeed, worldScope } from '../support/events';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const API = '/api/v1';

/**
 * The Kreis Bergstraße model (issue 22), walked over HTTP: the jobcenter refers a client it
 * cannot reach to the outreach provider; the worker finds the client; the case manager proposes
 * an appointment, the client wishes to be accompanied, the worker confirms, the appointment is
 * held. The jobcenter sees its own attendance record, the accompaniment it was told of, and
 * nothing of the provider's contacts (the visit, whether the worker met the client) until the
 * client releases participation.
 */
describe('the Bergstraße walk: an accompanied appointment', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('proposed, wished, confirmed, held; the jobcenter learns only its own record without release', async () => {
    const { caseworkerA: caseManager, leadP1: lead, workerP1: worker } = world;
    const drain = () => app.get(EventDispatcher).drain(undefined, worldScope(world));

    // The case manager refers a client who opens no letters; the provider accepts, the worker
    // finds her at home and she agrees to take part. She releases her goals to the jobcenter,
    // not her participation.
    const client = await createClient(app, { jobcenterId: world.jobcenterA });
    const created = await http
      .post(caseManager, `${API}/referrals`, {
        clientId: client.id,
        providerId: world.providerP1,
        reasonCategory: 'lost_contact',
        requestedServices: ['outreach_home_visits'],
      })
      .expect(201);
    const referralId = created.body.id as string;
    await http.advance(caseManager, referralId, 'send');
    await http.advance(lead, referralId, 'accept', { assignedWorkerId: worker.userId });
    await http
      .post(worker, `${API}/referrals/${referralId}/activities`, {
        kind: 'home_visit',
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        reached: true,
        note: 'Gespräch an der Tür',
      })
      .expect(201);
    await http.advance(worker, referralId, 'start');
    const template = await createApprovedTemplate(app, world.providerP1);
    await http
      .post(
        worker,
        `${API}/clients/${client.id}/consents`,
        consentBody({
          referralId,
          templateId: template.id,
          grants: [{ category: DataCategory.Goals, recipientOrganisationId: world.jobcenterA }],
        }),
      )
      .expect(201);

    // The case manager proposes an appointment at the jobcenter for the cooperation plan.
    const proposed = await http
      .post(
        caseManager,
        `${API}/referrals/${referralId}/appointments`,
        appointmentBody({ location: 'Jobcenter Bensheim, Raum 2.14' }),
      )
      .expect(201);
    const appointmentId = proposed.body.id as string;
    const path = `${API}/appointments/${appointmentId}`;

    // The worker sees it; the client wishes to be accompanied; the worker confirms.
    const seenByWorker = await http.get(worker, path).expect(200);
    expect(seenByWorker.body).toMatchObject({ location: 'Jobcenter Bensheim, Raum 2.14' });
    const wished = await http
      .post(
        worker,
        `${path}/accompaniment-wish`,
        { wished: true },
        { ifMatch: seenByWorker.headers.etag },
      )
      .expect(200);
    await http
      .post(worker, `${path}/accompaniment-confirmation`, undefined, {
        ifMatch: wished.headers.etag,
      })
      .expect(200);

    // The case manager knows the client comes accompanied.
    const planned = await http.get(caseManager, path).expect(200);
    expect(planned.body).toMatchObject({
      accompanimentWished: true,
      accompanimentWishRecordedBy: 'provider',
      accompanimentConfirmedAt: expect.any(String),
      outcome: null,
    });

    // The day comes (the test moves the appointment instead of the clock): the worker meets the
    // client at the station and goes along; the appointment is held.
    await app
      .get(DataSource)
      .query(`UPDATE appointments SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
        appointmentId,
      ]);
    await http
      .post(worker, `${path}/attendance`, { meeting: 'met_client', note: 'Am Bahnhof getroffen' })
      .expect(200);
    const before = await http.get(caseManager, path).expect(200);
    const held = await http
      .post(
        caseManager,
        `${path}/outcome`,
        { outcome: 'took_place' },
        { ifMatch: before.headers.etag },
      )
      .expect(200);
    await drain();

    // The jobcenter sees its own record of the appointment and the accompaniment it was told of,
    // nothing of the provider's contacts: not the worker's record, not the home visit.
    expect(held.body).toMatchObject({ outcome: 'took_place', nothingReleased: true });
    const jobcenterView = await http.get(caseManager, path).expect(200);
    expect(jobcenterView.body).not.toHaveProperty('attendance');
    expect(jobcenterView.text).not.toMatch(/met_client|Bahnhof/);
    const contacts = await http
      .get(caseManager, `${API}/referrals/${referralId}/activities`)
      .expect(200);
    expect(contacts.body).toMatchObject({ items: [], nothingReleased: true });
    const list = await http
      .get(caseManager, `${API}/referrals/${referralId}/appointments`)
      .expect(200);
    expect(list.text).not.toMatch(/met_client|Bahnhof|attendance/);
    const events = (await readFeed(http, caseManager)).filter(
      (e) => e.subject.id === appointmentId,
    );
    expect(events.map((e) => e.type)).toEqual([
      'appointment.proposed',
      'appointment.changed',
      'appointment.changed',
      'appointment.changed',
    ]);
    const record = await http
      .get(world.auditorA, `${API}/clients/${client.id}/disclosures`)
      .expect(200);
    expect(JSON.stringify(record.body)).not.toContain('participation');

    // The provider sees everything it recorded.
    const own = await http.get(worker, path).expect(200);
    expect(own.body.attendance).toMatchObject({
      meeting: 'met_client',
      note: 'Am Bahnhof getroffen',
    });

    // The client releases participation: from the next request the jobcenter reads that the
    // worker met her, and the visit, never the notes.
    await http
      .post(
        worker,
        `${API}/clients/${client.id}/consents`,
        consentBody({
          referralId,
          templateId: template.id,
          grants: [
            { category: DataCategory.Goals, recipientOrganisationId: world.jobcenterA },
            { category: DataCategory.Participation, recipientOrganisationId: world.jobcenterA },
          ],
        }),
      )
      .expect(201);
    const released = await http.get(caseManager, path).expect(200);
    expect(released.body.attendance).toEqual({
      meeting: 'met_client',
      recordedAt: expect.any(String),
    });
    const visits = await http
      .get(caseManager, `${API}/referrals/${referralId}/activities`)
      .expect(200);
    expect(visits.body.items).toEqual([
      expect.objectContaining({ kind: 'home_visit', reached: true }),
    ]);
    expect(visits.text).not.toContain('Gespräch an der Tür');
  });
});
