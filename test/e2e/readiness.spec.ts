import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource, type MigrationInterface } from 'typeorm';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';

/** A migration of a newer release that the database has not applied. */
class AddSomethingLater9999999999999 implements MigrationInterface {
  name = 'AddSomethingLater9999999999999';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

describe('readiness', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is ok with the database up and every migration applied, and reports the sealer', async () => {
    const res = await http().get('/api/v1/health/ready');
    expect(res.status).toBe(200);
    const applied = app.get(DataSource).migrations.length;
    expect(res.body).toEqual({
      status: 'ok',
      checks: {
        database: { status: 'up' },
        migrations: { status: 'up', applied, pending: 0 },
        auditSealer: {
          status: expect.stringMatching(/^(up|lagging)$/),
          queued: expect.any(Number),
          lagSeconds: expect.any(Number),
        },
      },
    });
  });

  it('is 503 while the code has a migration the database has not applied', async () => {
    const dataSource = app.get(DataSource);
    dataSource.migrations.push(new AddSomethingLater9999999999999());
    try {
      const res = await http().get('/api/v1/health/ready');
      const body = expectProblem(res, 503, 'not-ready');
      expect(body.checks).toMatchObject({
        database: { status: 'up' },
        migrations: { status: 'pending', applied: dataSource.migrations.length - 1, pending: 1 },
      });
      // Nothing for an outsider to learn: no migration names, hosts or driver messages.
      expect(JSON.stringify(body)).not.toMatch(/AddSomethingLater|127\.0\.0\.1|postgres:/);
      // Liveness does not depend on the schema: the process is fine, only not ready.
      expect((await http().get('/api/v1/health/live')).status).toBe(200);
    } finally {
      dataSource.migrations.pop();
    }
    expect((await http().get('/api/v1/health/ready')).status).toBe(200);
  });
});
