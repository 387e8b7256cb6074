import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { DEFAULT_RETENTION } from '../../src/data-protection/retention';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { httpOf, type TestHttp } from '../support/http';
import { createTestApp } from '../support/test-app';

const PATH = '/api/v1/retention-policy';

/**
 * The retention schedule (issue 20 point 1, ADR 0020): per jobcenter, the documented defaults
 * until its auditor (data protection officer) changes them; every change audited.
 */
describe('retention policy', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;
  let auditor: TestUser;
  let otherAuditor: TestUser;
  let lead: TestUser;
  let providerAuditor: TestUser;
  let jobcenterId: string;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    jobcenterId = (await createOrganisation(app, OrganisationKind.Jobcenter)).id;
    auditor = await createUser(app, { roles: [Role.Auditor], organisationId: jobcenterId });
    lead = await createUser(app, { roles: [Role.JobcenterLead], organisationId: jobcenterId });
    otherAuditor = await createUser(app, {
      roles: [Role.Auditor],
      organisationId: (await createOrganisation(app, OrganisationKind.Jobcenter)).id,
    });
    providerAuditor = await createUser(app, {
      roles: [Role.Auditor],
      organisationId: (await createOrganisation(app, OrganisationKind.Provider)).id,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows the defaults with ETag "0" until changed', async () => {
    const res = await http.get(auditor, PATH);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body).toEqual({
      jobcenterId,
      ...DEFAULT_RETENTION,
      isDefault: true,
      updatedAt: null,
    });
  });

  it('is changed by the auditor only, with If-Match, audited; other jobcenters keep theirs', async () => {
    expectProblem(
      await http.patch(lead, PATH, { caseContentMonths: 24 }, { ifMatch: '"0"' }),
      403,
      'forbidden',
    );
    expectProblem(
      await http.patch(auditor, PATH, { caseContentMonths: 24 }),
      428,
      'precondition-required',
    );
    expectProblem(
      await http.patch(auditor, PATH, { caseContentMonths: 24 }, { ifMatch: '"7"' }),
      412,
      'precondition-failed',
    );
    const changed = await http.patch(auditor, PATH, { caseContentMonths: 24 }, { ifMatch: '"0"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toBe('"1"');
    expect(changed.body).toMatchObject({
      caseContentMonths: 24,
      unreferredClientMonths: DEFAULT_RETENTION.unreferredClientMonths,
      isDefault: false,
    });
    const again = await http.patch(
      auditor,
      PATH,
      { unreferredClientMonths: 6 },
      { ifMatch: changed.headers.etag },
    );
    expect(again.body).toMatchObject({ caseContentMonths: 24, unreferredClientMonths: 6 });
    expect((await http.get(otherAuditor, PATH)).body).toMatchObject({ isDefault: true });

    const events = await app.get(DataSource).query<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM audit_events WHERE action = 'retention_policy.update'
            AND resource_id = $1 ORDER BY id`,
      [jobcenterId],
    );
    expect(events.map((e) => e.details)).toEqual([
      expect.objectContaining({ fields: ['caseContentMonths'], caseContentMonths: 24, version: 1 }),
      expect.objectContaining({ fields: ['unreferredClientMonths'], unreferredClientMonths: 6 }),
    ]);
  });

  it('refuses periods outside the bounds (400) and has no schedule for a provider (404)', async () => {
    const current = await http.get(auditor, PATH);
    const res = await http.patch(
      auditor,
      PATH,
      { caseContentMonths: 2, auditTrailMonths: 1000 },
      { ifMatch: current.headers.etag },
    );
    const problem = expectProblem(res, 400, 'validation-error');
    expect((problem.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'auditTrailMonths',
      'caseContentMonths',
    ]);
    expectProblem(await http.get(providerAuditor, PATH), 404, 'not-found');
  });
});
