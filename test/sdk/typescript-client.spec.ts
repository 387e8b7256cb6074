import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { walkthrough } from '../../clients/typescript/example/walkthrough';
import { createLotseClient, etagOf, isProblem } from '../../clients/typescript/src/index';
import { ReferralState } from '../../src/common/referral-states';
import { buildReferralWorld, referralInState, type ReferralWorld } from '../factories/referrals';
import { submittedReport } from '../factories/reports';
import { createTestApp } from '../support/test-app';

/**
 * The typed client of clients/typescript against a live app on a real port: its example runs
 * as a frontend would (global fetch, no supertest), so that the SDK is proven, not just
 * compiled. Every response is checked against openapi.json like any other.
 */
describe('the TypeScript client (clients/typescript)', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let world: ReferralWorld;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    world = await buildReferralWorld(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('runs the example: login, list referrals, send with If-Match, read a report', async () => {
    const draft = await referralInState(app, world, ReferralState.Draft);
    const worked = await referralInState(app, world, ReferralState.InProgress, {
      assignedWorkerId: world.workerP1.userId,
    });
    const report = await submittedReport(app, world.workerP1.actor, worked.id);
    const lines: string[] = [];

    const result = await walkthrough({
      baseUrl,
      email: world.caseworkerA.email,
      password: world.caseworkerA.password,
      log: (line) => lines.push(line),
    });

    expect(result.me.roles).toEqual(['caseworker']);
    expect(result.referrals).toBe(2);
    expect(result.sent).toEqual({
      id: draft.id,
      state: 'requested',
      etag: expect.stringMatching(/^"\d+"$/),
    });
    expect(result.sent.etag).not.toBe(`"${draft.version}"`);
    // Nothing was released to the jobcenter: the report comes without sections, and says so.
    expect(result.report).toEqual({
      id: report.id,
      kind: 'interim',
      sections: 0,
      nothingReleased: true,
    });
    expect(lines[0]).toMatch(/^signed in as /);
  });

  it('types problems: a stale If-Match is a 412 precondition-failed, titled in German', async () => {
    const lotse = createLotseClient({
      baseUrl,
      accessToken: () => world.caseworkerA.accessToken,
      language: 'de',
    });
    const draft = await referralInState(app, world, ReferralState.Draft);
    const read = await lotse.GET('/api/v1/referrals/{id}', { params: { path: { id: draft.id } } });
    const etag = etagOf(read.response);
    const first = await lotse.PATCH('/api/v1/referrals/{id}', {
      params: { path: { id: draft.id }, header: { 'If-Match': etag } },
      body: { priority: 'urgent' },
    });
    expect(first.data?.priority).toBe('urgent');
    const stale = await lotse.PATCH('/api/v1/referrals/{id}', {
      params: { path: { id: draft.id }, header: { 'If-Match': etag } },
      body: { priority: 'normal' },
    });
    expect(stale.response.status).toBe(412);
    expect(isProblem(stale.error, 'urn:lotse:problem:precondition-failed')).toBe(true);
    expect(stale.error?.title).toBe('Zwischenzeitlich geändert');
  });
});
