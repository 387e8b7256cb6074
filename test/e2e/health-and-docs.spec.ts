import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from '../support/test-app';

describe('operations routes', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('reports liveness without touching the database', async () => {
    const res = await http().get('/api/v1/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: {} });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('reports readiness with the database up', async () => {
    const res = await http().get('/api/v1/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('serves Swagger UI with a CSP that lets it load its own scripts', async () => {
    const res = await http().get('/api/docs');
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
      const asset = await http().get(new URL(src, 'http://x/api/docs/').pathname);
      expect(asset.status).toBe(200);
    }
  });

  it('persists authorization in Swagger UI', async () => {
    const res = await http().get('/api/docs/swagger-ui-init.js');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/"persistAuthorization":\s*true/);
  });

  it('serves the OpenAPI document with both security schemes and problem+json', async () => {
    const res = await http().get('/api/docs-json');
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
