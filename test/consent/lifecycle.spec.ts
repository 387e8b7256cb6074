import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { DataCategory } from '../../src/confidentiality/data-category';
import { CaseAccess } from '../../src/confidentiality/case-access.service';
import { grantInForceAt } from '../../src/confidentiality/case-access';
import { consentBody, createApprovedTemplate, openCase, recordConsent } from '../factories/consent';
import { buildReferralWorld, type ReferralWorld } from '../factories/referrals';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type HttpActor, type TestHttp } from '../support/http';

const { Participation, Goals, Health } = DataCategory;
/** Real PostgreSQL runs transactions side by side; the embedded PGlite one after another. */
const realPostgres = Boolean(process.env.TEST_DATABASE_URL);

interface GrantBody {
  id: string;
  category: string;
  recipient: { id: string };
  revokedAt: string | null;
  revokedBy: { organisationId: string; id?: string } | null;
}

describe('consent lifecycle: supersession and revocation', () => {
  let app: NestFastifyApplication;
  let world: ReferralWorld;
  let templateId: string;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    world = await buildReferralWorld(app);
    templateId = (
      await createApprovedTemplate(app, world.providerP1, [Participation, Goals, Health])
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  const toJobcenter = (...categories: DataCategory[]) =>
    categories.map((category) => ({ category, recipientOrganisationId: world.jobcenterA }));

  /** A consent of the client for the referral, releasing the categories to jobcenter A. */
  const giveConsent = (
    who: HttpActor,
    clientId: string,
    referralId: string,
    ...categories: DataCategory[]
  ) =>
    http.post(
      who,
      `/api/v1/clients/${clientId}/consents`,
      consentBody({ referralId, templateId, grants: toJobcenter(...categories) }),
    );

  /** The records of the history page (all of them: the list has one page). */
  async function history(clientId: string, auth = world.workerP1.authHeader) {
    const res = await http.get(auth, `/api/v1/clients/${clientId}/consents`);
    if (res.status === 200) expect(res.body.nextCursor).toBeNull();
    return { status: res.status, body: res.body.items };
  }

  async function effectiveCategories(clientId: string, auth = world.caseworkerA.authHeader) {
    const res = await http.get(auth, `/api/v1/clients/${clientId}/consents/effective`);
    expect(res.status).toBe(200);
    return {
      nothingReleased: res.body.nothingReleased as boolean,
      categories: (res.body.grants as { category: string }[]).map((g) => g.category).sort(),
    };
  }

  function revoke(consentId: string, body?: object, auth = world.workerP1.authHeader) {
    return http.post(auth, `/api/v1/consents/${consentId}/revoke`, body);
  }

  describe('supersession', () => {
    it('replaces the current record automatically; the history shows both with their status', async () => {
      const { clientId, referral } = await openCase(app, world);
      const first = await http.post(
        world.workerP1,
        `/api/v1/clients/${clientId}/consents`,
        consentBody({
          referralId: referral.id,
          templateId,
          grants: toJobcenter(Participation, Health),
        }),
      );
      expect(first.status).toBe(201);
      const second = await giveConsent(world.leadP1, clientId, referral.id, Goals);
      expect(second.status).toBe(201);
      expect(second.body.supersedesId).toBe(first.body.id);

      const res = await history(clientId);
      expect(res.status).toBe(200);
      expect(
        res.body.map(
          (r: { id: string; status: string; supersedesId: string; supersededById: string }) => ({
            id: r.id,
            status: r.status,
            supersedesId: r.supersedesId,
            supersededById: r.supersededById,
          }),
        ),
      ).toEqual([
        {
          id: first.body.id,
          status: 'superseded',
          supersedesId: null,
          supersededById: second.body.id,
        },
        { id: second.body.id, status: 'given', supersedesId: first.body.id, supersededById: null },
      ]);
      // Who recorded each step, and when, in order.
      expect(res.body.map((r: { recordedBy: { id: string } }) => r.recordedBy.id)).toEqual([
        world.workerP1.userId,
        world.leadP1.userId,
      ]);
      expect(Date.parse(res.body[0].recordedAt)).toBeLessThan(Date.parse(res.body[1].recordedAt));
      // What is in force is only the new record's grant.
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: false,
        categories: [Goals],
      });
      const audit = await app
        .get(DataSource)
        .query(
          "SELECT details->>'supersedesId' AS supersedes FROM audit_events WHERE action = 'consent.record' AND resource_id = $1",
          [second.body.id],
        );
      expect(audit).toEqual([{ supersedes: first.body.id }]);
    });

    it('keeps separate chains per referral and per releasing organisation', async () => {
      const { clientId, referral } = await openCase(app, world);
      const second = await openCase(app, world, undefined, { clientId });
      const a = await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId,
        grants: toJobcenter(Participation),
      });
      const b = await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: second.referral.id,
        templateId,
        grants: toJobcenter(Goals),
      });
      expect(b.record.supersedesId).toBeNull();
      const jcTemplate = await createApprovedTemplate(app, world.jobcenterA, [Goals]);
      const c = await recordConsent(app, world.caseworkerA.actor, clientId, {
        referralId: referral.id,
        templateId: jcTemplate.id,
        grants: [{ category: Goals, recipientOrganisationId: world.providerP1 }],
      });
      expect(c.record.supersedesId).toBeNull();
      expect(a.status).toBe('given');
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: false,
        categories: [Goals, Goals, Participation],
      });
    });

    it('never leaves two records in force when changes race; a loser is told 409', async () => {
      const { clientId, referral } = await openCase(app, world);
      const first = await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId,
        grants: toJobcenter(Participation),
      });
      const change = (category: DataCategory) =>
        giveConsent(world.workerP1, clientId, referral.id, category);
      // On PostgreSQL these run side by side (usually one 201 and 409s); PGlite runs them one
      // after another (each replacing the one before). Either way the chain stays linear.
      const results = await Promise.all([change(Goals), change(Health), change(Goals)]);
      const created = results.filter((r) => r.status === 201).length;
      expect(created).toBeGreaterThanOrEqual(1);
      for (const r of results.filter((r) => r.status !== 201)) {
        expectProblem(r, 409, 'consent-changed');
      }
      const res = await history(clientId);
      expect(res.body).toHaveLength(1 + created);
      expect(res.body[0].id).toBe(first.record.id);
      for (let i = 1; i < res.body.length; i++) {
        expect(res.body[i].supersedesId).toBe(res.body[i - 1].id);
        // The chain is also the order in time (ADR 0005).
        expect(Date.parse(res.body[i].recordedAt)).toBeGreaterThan(
          Date.parse(res.body[i - 1].recordedAt),
        );
      }
      expect(res.body.filter((r: { status: string }) => r.status === 'given')).toHaveLength(1);
    });

    /**
     * Records the first consent of a new case, dated `ahead` later than the database's now (what
     * a race leaves: the current record is dated after the start of the transaction that
     * replaces it, which began before that record committed), and then a change over HTTP.
     */
    async function changeOfRecordDatedAhead(ahead: string) {
      const { clientId, referral } = await openCase(app, world);
      const first = await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId,
        grants: toJobcenter(Participation),
      });
      // Records are immutable (a trigger refuses the update): triggers off for this
      // transaction only.
      const later: Date = await app.get(DataSource).transaction(async (manager) => {
        await manager.query('SET LOCAL session_replication_role = replica');
        // An UPDATE … RETURNING answers [rows, count].
        const [[row]] = await manager.query(
          `UPDATE consent_records
              SET recorded_at = date_trunc('milliseconds', now()) + CAST($2 AS interval),
                  valid_from = date_trunc('milliseconds', now())
            WHERE id = $1 RETURNING recorded_at AS later`,
          [first.record.id, ahead],
        );
        return row.later as Date;
      });
      const change = await giveConsent(world.workerP1, clientId, referral.id, Goals);
      expect(change.status).toBe(201);
      expect(change.body.supersedesId).toBe(first.record.id);
      // The history lists the record before the one replacing it.
      const res = await history(clientId);
      expect(res.body.map((r: { id: string }) => r.id)).toEqual([first.record.id, change.body.id]);
      return { clientId, later, recordedAt: new Date(change.body.recordedAt) };
    }

    /** The categories in force at an instant, by the one rule "in force at". */
    const inForceAt = (clientId: string, at: Date) =>
      app
        .get(DataSource)
        .query(
          `SELECT g.category FROM consent_records r JOIN consent_grants g ON g.consent_id = r.id
            WHERE r.client_id = $1 AND ${grantInForceAt('r', 'g', 'CAST($2 AS timestamptz)')}
            ORDER BY g.category`,
          [clientId, at.toISOString()],
        )
        .then((rows: { category: string }[]) => rows.map((r) => r.category));

    it('dates a change after the record it replaces, and no later than its commit', async () => {
      const { clientId, later, recordedAt } = await changeOfRecordDatedAhead('300 milliseconds');
      expect(recordedAt.getTime()).toBeGreaterThan(later.getTime());
      // One record of the chain in force at any instant: before the first, none; then the
      // first's grant alone; from the change on, the change's alone.
      const ms = (d: Date, plus: number) => new Date(d.getTime() + plus);
      expect(await inForceAt(clientId, ms(later, -100))).toEqual([]);
      expect(await inForceAt(clientId, later)).toEqual([Participation]);
      expect(await inForceAt(clientId, ms(recordedAt, -1))).toEqual([Participation]);
      expect(await inForceAt(clientId, recordedAt)).toEqual([Goals]);
      // The change was dated no later than its commit: a read after its answer sees it.
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: false,
        categories: [Goals],
      });
    });

    it('keeps that order when the record replaced is dated more than a second ahead', async () => {
      // A database clock set back: the change waits at most a second, then takes the next
      // millisecond after the record it replaces.
      const { later, recordedAt } = await changeOfRecordDatedAhead('3 seconds');
      expect(recordedAt.getTime()).toBe(later.getTime() + 1);
    });

    it('never leaves two first records in force either', async () => {
      const { clientId, referral } = await openCase(app, world);
      const results = await Promise.all(
        [Participation, Goals].map((category) =>
          giveConsent(world.workerP1, clientId, referral.id, category),
        ),
      );
      for (const r of results.filter((r) => r.status !== 201)) {
        expectProblem(r, 409, 'consent-changed');
      }
      const res = await history(clientId);
      expect(res.body.filter((r: { status: string }) => r.status === 'given')).toHaveLength(1);
      expect(res.body.filter((r: { supersedesId: string | null }) => !r.supersedesId)).toHaveLength(
        1,
      );
    });

    /**
     * Another writer's change, held open in a transaction of the test while the request runs
     * into it, then committed: the request must answer 409 instead of replacing a record it
     * never saw. Needs two real sessions, so PostgreSQL only.
     */
    async function raceWith(
      lockReferral: boolean,
      supersedes: (clientId: string, referralId: string) => Promise<string | null>,
      waitingOn: string,
    ) {
      const { clientId, referral } = await openCase(app, world);
      const supersedesId = await supersedes(clientId, referral.id);
      const ds = app.get(DataSource);
      const runner = ds.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        if (lockReferral) {
          await runner.query('SELECT 1 FROM referrals WHERE id = $1 FOR NO KEY UPDATE', [
            referral.id,
          ]);
        }
        await runner.query(
          `INSERT INTO consent_records (client_id, releasing_organisation_id, referral_id, template_id,
             valid_from, evidence_form, given_on, recorded_by, supersedes_id)
           VALUES ($1, $2, $3, $4, now(), 'written', current_date, $5, $6)`,
          [clientId, world.providerP1, referral.id, templateId, world.leadP1.userId, supersedesId],
        );
        const pending = http
          .post(
            world.workerP1,
            `/api/v1/clients/${clientId}/consents`,
            consentBody({ referralId: referral.id, templateId, grants: toJobcenter(Goals) }),
          )
          .then((r) => r);
        // Commit only once the request waits for this transaction.
        for (let i = 0; i < 100; i++) {
          const [{ n }] = await ds.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query LIKE $1`,
            [waitingOn],
          );
          if (n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await runner.commitTransaction();
        expectProblem(await pending, 409, 'consent-changed');
      } finally {
        await runner.release();
      }
      const res = await history(clientId);
      expect(res.body.filter((r: { status: string }) => r.status === 'given')).toHaveLength(1);
    }

    const replaceFirst = async (clientId: string, referralId: string) =>
      (
        await recordConsent(app, world.workerP1.actor, clientId, {
          referralId,
          templateId,
          grants: toJobcenter(Participation),
        })
      ).record.id;

    (realPostgres ? it : it.skip)(
      'one 201, one 409: a change committed while the request waits for the referral (PostgreSQL)',
      () => raceWith(true, replaceFirst, '%FOR NO KEY UPDATE%'),
    );

    (realPostgres ? it : it.skip)(
      'one 201, one 409: also when both are the first record of the referral (PostgreSQL)',
      () => raceWith(true, () => Promise.resolve(null), '%FOR NO KEY UPDATE%'),
    );

    (realPostgres ? it : it.skip)(
      'one 201, one 409: the unique index catches a change the lock did not see (PostgreSQL)',
      () => raceWith(false, replaceFirst, 'INSERT INTO "consent_records"%'),
    );
  });

  describe('revocation', () => {
    async function givenConsent(...categories: DataCategory[]) {
      const { clientId, referral } = await openCase(app, world);
      const view = await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId,
        grants: [
          ...toJobcenter(...categories),
          { category: Goals, recipientOrganisationId: world.providerP2 },
        ],
      });
      return { clientId, referral, consentId: view.record.id, grants: view.grants };
    }

    it('revokes single grants; the effective view changes on the very next request', async () => {
      const { clientId, referral, consentId, grants } = await givenConsent(Participation, Health);
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: false,
        categories: [Health, Participation],
      });
      const health = grants.find((g) => g.category === Health)!;
      const res = await revoke(consentId, { grantIds: [health.id] });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('given');
      const revoked = (res.body.grants as GrantBody[]).find((g) => g.id === health.id)!;
      expect(revoked.revokedBy).toEqual({
        organisationId: world.providerP1,
        id: world.workerP1.userId,
        displayName: expect.any(String),
      });
      expect(Date.parse(revoked.revokedAt!)).toBeLessThanOrEqual(Date.now());
      expect((res.body.grants as GrantBody[]).filter((g) => g.revokedAt === null)).toHaveLength(2);
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: false,
        categories: [Participation],
      });
      // The policy that guards every read of released content answers the same at once.
      const readable = await app.get(CaseAccess).readable(app.get(DataSource).manager, {
        readerOrganisationId: world.jobcenterA,
        authorOrganisationId: world.providerP1,
        clientId,
        referralId: referral.id,
      });
      expect([...readable]).toEqual([Participation]);
      const audit = await app
        .get(DataSource)
        .query(
          "SELECT actor_id, client_id, categories, details FROM audit_events WHERE action = 'consent.revoke' AND resource_id = $1",
          [consentId],
        );
      expect(audit).toEqual([
        {
          actor_id: world.workerP1.userId,
          client_id: clientId,
          categories: [Health],
          details: expect.objectContaining({ grantIds: [health.id] }),
        },
      ]);
    });

    it('revokes everything still in force without a body; again is 409', async () => {
      const { clientId, consentId, grants } = await givenConsent(Participation, Health);
      await revoke(consentId, { grantIds: [grants.find((g) => g.category === Health)!.id] });
      const res = await revoke(consentId);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('withdrawn');
      expect((res.body.grants as GrantBody[]).every((g) => g.revokedAt !== null)).toBe(true);
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: true,
        categories: [],
      });
      expectProblem(await revoke(consentId), 409, 'already-revoked');
      expectProblem(await revoke(consentId, { grantIds: [grants[0].id] }), 409, 'already-revoked');
      const audit = await app
        .get(DataSource)
        .query(
          "SELECT categories FROM audit_events WHERE action = 'consent.revoke' AND resource_id = $1 ORDER BY id",
          [consentId],
        );
      expect(audit.map((a: { categories: string[] }) => a.categories.sort())).toEqual([
        [Health],
        [Goals, Participation],
      ]);
    });

    it('refuses grants of another record (422) and malformed bodies (400)', async () => {
      const one = await givenConsent(Participation);
      const other = await givenConsent(Participation);
      const res = await revoke(one.consentId, { grantIds: [one.grants[0].id, other.grants[0].id] });
      expect(expectProblem(res, 422, 'grants-not-in-consent').grantIds).toEqual([
        other.grants[0].id,
      ]);
      expectProblem(await revoke(one.consentId, { grantIds: [] }), 400, 'validation-error');
      expectProblem(await revoke(one.consentId, { grantIds: ['x'] }), 400, 'validation-error');
      expectProblem(await revoke(one.consentId, { reason: 'moved' }), 400, 'validation-error');
      expect(
        (await history(one.clientId)).body[0].grants.every((g: GrantBody) => !g.revokedAt),
      ).toBe(true);
    });

    it('lets the case manager revoke single grants it sees, or the whole consent, and learn nothing of the others', async () => {
      const { clientId, consentId, grants } = await givenConsent(Participation, Health);
      const toP2 = grants.find((g) => g.recipientOrganisationId === world.providerP2)!;
      const participation = grants.find(
        (g) => g.recipientOrganisationId === world.jobcenterA && g.category === Participation,
      )!;
      const caseManager = world.caseworkerA.authHeader;
      // A grant the jobcenter does not see cannot be named: the same answer as a foreign id.
      expectProblem(
        await revoke(consentId, { grantIds: [toP2.id] }, caseManager),
        422,
        'grants-not-in-consent',
      );
      const single = await revoke(consentId, { grantIds: [participation.id] }, caseManager);
      expect(single.status).toBe(200);
      expect(single.body.status).toBe('given');
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: false,
        categories: [Health],
      });
      // The whole consent, as the client told the jobcenter: every grant, also the one to P2.
      const res = await revoke(consentId, undefined, caseManager);
      expect(res.status).toBe(200);
      // The jobcenter sees its own grants only, and the status computed from them.
      expect(
        (res.body.grants as GrantBody[]).map((g) => [g.recipient.id, g.revokedBy?.id]),
      ).toEqual([
        [world.jobcenterA, world.caseworkerA.userId],
        [world.jobcenterA, world.caseworkerA.userId],
      ]);
      expect(res.body.status).toBe('withdrawn');
      expect(JSON.stringify(res.body)).not.toContain(world.providerP2);
      expect(await effectiveCategories(clientId)).toEqual({
        nothingReleased: true,
        categories: [],
      });
      // The provider sees every grant revoked, by the jobcenter (organisation only).
      const seen = (await history(clientId)).body[0].grants as GrantBody[];
      expect(seen.map((g) => g.revokedBy)).toEqual([
        { organisationId: world.jobcenterA },
        { organisationId: world.jobcenterA },
        { organisationId: world.jobcenterA },
      ]);
      // Its own audit trail names only what the jobcenter may see of the record.
      const [event] = await app
        .get(DataSource)
        .query<{ categories: string[]; details: Record<string, unknown> }[]>(
          `SELECT categories, details FROM audit_events
            WHERE action = 'consent.revoke' AND resource_id = $1 ORDER BY id DESC LIMIT 1`,
          [consentId],
        );
      expect(event.categories).toEqual([Health]);
      expect(event.details).toMatchObject({ othersRevoked: true });
      expect(JSON.stringify(event)).not.toContain(toP2.id);
      expectProblem(await revoke(consentId, undefined, caseManager), 409, 'already-revoked');
    });

    it('refuses the revocation of a superseded record (409): it is no longer in force', async () => {
      const { clientId, referral, consentId } = await givenConsent(Participation);
      await recordConsent(app, world.workerP1.actor, clientId, {
        referralId: referral.id,
        templateId,
        grants: toJobcenter(Goals),
      });
      expectProblem(await revoke(consentId), 409, 'consent-superseded');
    });

    it('revokes once under concurrency: one 200, the rest 409', async () => {
      const { consentId } = await givenConsent(Participation, Health);
      const results = await Promise.all([revoke(consentId), revoke(consentId), revoke(consentId)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const events = await app
        .get(DataSource)
        .query(
          "SELECT count(*)::int AS n FROM audit_events WHERE action = 'consent.revoke' AND resource_id = $1",
          [consentId],
        );
      expect(events[0].n).toBe(1);
    });

    it('a revocation is a committed write: reads that start after it never see the grant', async () => {
      const { clientId, consentId } = await givenConsent(Participation);
      const reads = async () =>
        Promise.all(Array.from({ length: 10 }, () => effectiveCategories(clientId)));
      const [, revoked] = await Promise.all([reads(), revoke(consentId)]);
      expect(revoked.status).toBe(200);
      for (const after of await reads()) {
        expect(after).toEqual({ nothingReleased: true, categories: [] });
      }
    });
  });
});
