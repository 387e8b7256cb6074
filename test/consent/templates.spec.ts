import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { createOrganisation, createUser, type TestUser } from '../factories/identity';
import { uniqueName } from '../factories/unique';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

describe('consent templates', () => {
  let app: NestFastifyApplication;
  let auditor: TestUser;
  let otherAuditor: TestUser;
  let worker: TestUser;
  let http: TestHttp;
  const key = () => uniqueName('sp').replace(/\s+/g, '-').toLowerCase();

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    const provider = await createOrganisation(app, OrganisationKind.Provider);
    const other = await createOrganisation(app, OrganisationKind.Provider);
    [auditor, otherAuditor, worker] = await Promise.all([
      createUser(app, { roles: [Role.Auditor], organisationId: provider.id }),
      createUser(app, { roles: [Role.Auditor], organisationId: other.id }),
      createUser(app, { roles: [Role.ProviderWorker], organisationId: provider.id }),
    ]);
  });
  afterAll(async () => {
    await app.close();
  });

  function create(k: string, by: TestUser = auditor, categories = ['participation', 'goals']) {
    return http.post(by, '/api/v1/consent-templates', {
      key: k,
      title: 'Schweigepflichtentbindung',
      body: 'Ich entbinde …',
      categories,
    });
  }

  it('numbers the versions of a key per organisation: 1, 2, … and 1 again elsewhere', async () => {
    const k = key();
    const v1 = await create(k);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({
      key: k,
      version: 1,
      organisationId: auditor.organisationId,
      categories: ['participation', 'goals'],
      createdBy: auditor.userId,
      approved: false,
      approvedAt: null,
    });
    const v2 = await create(k, auditor, ['participation']);
    expect(v2.body.version).toBe(2);
    expect((await create(k, otherAuditor)).body.version).toBe(1);
    const audit = await app
      .get(DataSource)
      .query(
        "SELECT details FROM audit_events WHERE action = 'consent_template.create' AND resource_id = $1",
        [v2.body.id],
      );
    expect(audit).toEqual([{ details: { key: k, version: 2, categories: ['participation'] } }]);
  });

  it('gives concurrent new versions of one key distinct numbers', async () => {
    const k = key();
    const results = await Promise.all(Array.from({ length: 4 }, () => create(k)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it('validates the body', async () => {
    const bad = await http.post(auditor, '/api/v1/consent-templates', {
      key: 'Not A Slug',
      title: 'x'.repeat(201),
      body: '',
      categories: ['participation', 'participation', 'gossip'],
    });
    const problem = expectProblem(bad, 400, 'validation-error');
    const fields = (problem.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['body', 'categories', 'key', 'title']);
    expectProblem(
      await http.post(auditor, '/api/v1/consent-templates', {
        key: key(),
        title: 't',
        body: 'b',
        categories: [],
      }),
      400,
      'validation-error',
    );
  });

  it('lets only auditors write and approve; workers may read', async () => {
    expectProblem(await create(key(), worker), 403, 'forbidden');
    const { body } = await create(key());
    expectProblem(
      await http.post(worker, `/api/v1/consent-templates/${body.id}/approve`),
      403,
      'forbidden',
    );
    const read = await http.get(worker, `/api/v1/consent-templates/${body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.body).toBe('Ich entbinde …');
  });

  it('approves once: the second approval is 409 and changes nothing', async () => {
    const { body } = await create(key());
    const approved = await http.post(auditor, `/api/v1/consent-templates/${body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ approved: true, approvedBy: auditor.userId });
    const again = await http.post(auditor, `/api/v1/consent-templates/${body.id}/approve`);
    expectProblem(again, 409, 'template-already-approved');
    const read = await http.get(auditor, `/api/v1/consent-templates/${body.id}`);
    expect(read.body.approvedAt).toBe(approved.body.approvedAt);
    const events = await app
      .get(DataSource)
      .query(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'consent_template.approve' AND resource_id = $1",
        [body.id],
      );
    expect(events[0].n).toBe(1);
  });

  it('approves concurrently exactly once', async () => {
    const { body } = await create(key());
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        http.post(auditor, `/api/v1/consent-templates/${body.id}/approve`),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('hides another organisation’s templates (404) and lists only one’s own', async () => {
    const { body } = await create(key());
    expectProblem(
      await http.get(otherAuditor, `/api/v1/consent-templates/${body.id}`),
      404,
      'not-found',
    );
    expectProblem(
      await http.post(otherAuditor, `/api/v1/consent-templates/${body.id}/approve`),
      404,
      'not-found',
    );
    const list = await http.get(otherAuditor, '/api/v1/consent-templates?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(body.id);
    for (const t of list.body.items as { organisationId: string }[]) {
      expect(t.organisationId).toBe(otherAuditor.organisationId);
    }
  });

  it('filters by key and approval, newest first, page by page, without the text', async () => {
    const k = key();
    const v1 = (await create(k)).body;
    const v2 = (await create(k)).body;
    const v3 = (await create(k)).body;
    await http.post(auditor, `/api/v1/consent-templates/${v2.id}/approve`);
    const all = await http.get(worker, `/api/v1/consent-templates?key=${k}&limit=2`);
    expect(all.body.items.map((t: { version: number }) => t.version)).toEqual([3, 2]);
    expect(all.body.items[0]).not.toHaveProperty('body');
    const next = await http.get(
      worker,
      `/api/v1/consent-templates?key=${k}&limit=2&cursor=${all.body.nextCursor}`,
    );
    expect(next.body).toEqual({
      items: [expect.objectContaining({ id: v1.id })],
      nextCursor: null,
    });
    const approved = await http.get(worker, `/api/v1/consent-templates?key=${k}&approved=true`);
    expect(approved.body.items.map((t: { id: string }) => t.id)).toEqual([v2.id]);
    const unapproved = await http.get(worker, `/api/v1/consent-templates?key=${k}&approved=false`);
    expect(unapproved.body.items.map((t: { id: string }) => t.id)).toEqual([v3.id, v1.id]);
    expectProblem(
      await http.get(worker, '/api/v1/consent-templates?approved=maybe'),
      400,
      'validation-error',
    );
  });

  it('refuses changing an approved template or deleting one at the database', async () => {
    const { body } = await create(key());
    const ds = app.get(DataSource);
    await ds.query(
      'UPDATE consent_templates SET approved_at = now(), approved_by = $2 WHERE id = $1',
      [body.id, auditor.userId],
    );
    await expect(
      ds.query("UPDATE consent_templates SET body = 'anders' WHERE id = $1", [body.id]),
    ).rejects.toThrow(/can only be approved, once/);
    await expect(
      ds.query('UPDATE consent_templates SET approved_at = now() WHERE id = $1', [body.id]),
    ).rejects.toThrow(/can only be approved, once/);
    await expect(
      ds.query('DELETE FROM consent_templates WHERE id = $1', [body.id]),
    ).rejects.toThrow(/not allowed/);
  });
});
