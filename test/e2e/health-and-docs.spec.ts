import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, type MigrationInterface } from 'typeorm';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/** A migration of a newer release that the database has not applied. */
class AddSomethingLater9999999999999 implements MigrationInterface {
  name = 'AddSomethingLater9999999999999';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

describe('operations routes', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports liveness without touching the database', async () => {
    const res = await http.get('anonymous', '/api/v1/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: {} });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is ready with the database up and every migration applied, and reports the sealer', async () => {
    const res = await http.get('anonymous', '/api/v1/health/ready');
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

  it('is not ready (503) while the code has a migration the database has not applied', async () => {
    const dataSource = app.get(DataSource);
    dataSource.migrations.push(new AddSomethingLater9999999999999());
    try {
      const res = await http.get('anonymous', '/api/v1/health/ready');
      const body = expectProblem(res, 503, 'not-ready');
      expect(body.checks).toMatchObject({
        database: { status: 'up' },
        migrations: { status: 'pending', applied: dataSource.migrations.length - 1, pending: 1 },
      });
      // Nothing for an outsider to learn: no migration names, hosts or driver messages.
      expect(JSON.stringify(body)).not.toMatch(/AddSomethingLater|127\.0\.0\.1|postgres:/);
      // Liveness does not depend on the schema: the process is fine, only not ready.
      expect((await http.get('anonymous', '/api/v1/health/live')).status).toBe(200);
    } finally {
      dataSource.migrations.pop();
    }
    expect((await http.get('anonymous', '/api/v1/health/ready')).status).toBe(200);
  });

  it('serves Swagger UI with a CSP that lets it load its own scripts', async () => {
    const res = await http.get('anonymous', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('swagger-ui');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const scripts = [...res.text.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script to block
    for (const src of scripts) {
      const asset = await http.get('anonymous', new URL(src, 'http://x/api/docs/').pathname);
      expect(asset.status).toBe(200);
    }
  });

  it('persists authorization in Swagger UI', async () => {
    const res = await http.get('anonymous', '/api/docs/swagger-ui-init.js');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/"persistAuthorization":\s*true/);
  });

  it('serves the OpenAPI document with both security schemes and problem+json', async () => {
    const res = await http.get('anonymous', '/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.title).toBe('Lotse API');
    expect(res.body.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      'api-key': { type: 'apiKey', in: 'header', name: 'Authorization' },
    });
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/health/live', '/api/v1/health/ready']),
    );
    expect(res.body.components.schemas.ProblemDetails).toBeDefined();
  });
});
