import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '../../src/auth/role';
import { DEMO_PASSWORD } from '../../src/demo-data/demo-world';
import { createUser } from '../factories/identity';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';

/** What a browser frontend and Swagger UI rely on beyond the routes themselves. */
describe('the API for frontends', () => {
  const ORIGIN = 'https://app.lotse.example';
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({ env: { CORS_ORIGINS: ORIGIN } });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('CORS', () => {
    it('allows a PATCH with If-Match from a listed origin, and caches the preflight', async () => {
      const res = await http.send(
        'anonymous',
        'options',
        '/api/v1/users/00000000-0000-4000-8000-000000000000',
        undefined,
        {
          headers: {
            Origin: ORIGIN,
            'Access-Control-Request-Method': 'PATCH',
            'Access-Control-Request-Headers': 'authorization,content-type,if-match',
          },
        },
      );
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(res.headers['access-control-allow-methods']).toBe('GET, POST, PATCH, DELETE, OPTIONS');
      expect(res.headers['access-control-allow-headers']).toBe(
        'Authorization, Content-Type, If-Match, Idempotency-Key, X-Request-Id, Accept-Language',
      );
      expect(res.headers['access-control-max-age']).toBe('600');
    });

    it('exposes ETag, Location, X-Request-Id, Retry-After and the RateLimit headers', async () => {
      const res = await http.get('anonymous', '/api/v1/health/live', {
        headers: { Origin: ORIGIN },
      });
      expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(res.headers['access-control-expose-headers']?.split(', ')).toEqual([
        'ETag',
        'Location',
        'X-Request-Id',
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ]);
    });

    it('gives an unlisted origin no CORS headers', async () => {
      const res = await http.send('anonymous', 'options', '/api/v1/users', undefined, {
        headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'PATCH' },
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('GET /labels', () => {
    it('gives German display names with ?lang=de, English with ?lang=en', async () => {
      const de = await http.get('anonymous', '/api/v1/labels?lang=de').expect(200);
      expect(de.body.lang).toBe('de');
      expect(de.body.enums.ReferralState.accepted).toBe('Zugesagt');
      expect(de.body.enums.Role.caseworker).toBe('Fallmanager/in');
      const en = await http.get('anonymous', '/api/v1/labels?lang=en').expect(200);
      expect(en.body.enums.ReferralState.accepted).toBe('Accepted');
      expect(Object.keys(en.body.enums)).toEqual(Object.keys(de.body.enums));
    });

    it('follows Accept-Language without ?lang, and refuses another language', async () => {
      const res = await http.get('anonymous', '/api/v1/labels', {
        headers: { 'Accept-Language': 'de-DE,de;q=0.9' },
      });
      expect(res.body.lang).toBe('de');
      expect((await http.get('anonymous', '/api/v1/labels')).body.lang).toBe('en');
      const fr = await http.get('anonymous', '/api/v1/labels?lang=fr');
      expect(fr.status).toBe(400);
    });
  });

  describe('problem titles', () => {
    it('are German when Accept-Language prefers it; the type stays the same', async () => {
      const de = await http.get('anonymous', '/api/v1/referrals', {
        headers: { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' },
      });
      expect(de.status).toBe(401);
      expect(de.body).toMatchObject({
        type: 'urn:lotse:problem:unauthorized',
        title: 'Nicht angemeldet',
      });
      const en = await http.get('anonymous', '/api/v1/referrals', {
        headers: { 'Accept-Language': 'en' },
      });
      expect(en.body).toMatchObject({
        type: 'urn:lotse:problem:unauthorized',
        title: 'Unauthorized',
      });
    });

    it('also for a validation error and for If-Match missing', async () => {
      const admin = await createUser(app, { roles: [Role.Admin] });
      const patch = await http.patch(
        admin,
        `/api/v1/users/${admin.userId}`,
        { displayName: 'Neu' },
        { headers: { 'Accept-Language': 'de' } },
      );
      expect(patch.status).toBe(428);
      expect(patch.body.title).toBe('If-Match fehlt');
      const invalid = await http.get(admin, '/api/v1/users?limit=0', {
        headers: { 'Accept-Language': 'de' },
      });
      expect(invalid.body).toMatchObject({
        type: 'urn:lotse:problem:validation-error',
        title: 'Ungültige Anfrage',
      });
    });
  });

  describe('the served OpenAPI document', () => {
    it('declares If-Match on the operations that need it, so that Swagger UI offers a field', async () => {
      const doc = (await http.get('anonymous', '/api/docs-json').expect(200)).body;
      const patchUser = doc.paths['/api/v1/users/{id}'].patch;
      const refs = patchUser.parameters.map(
        (p: { $ref?: string; name?: string }) => p.$ref ?? p.name,
      );
      expect(refs).toContain('#/components/parameters/IfMatchHeader');
      expect(doc.components.parameters.IfMatchHeader).toMatchObject({
        name: 'If-Match',
        in: 'header',
        required: true,
      });
    });

    it('prefills no real account in the login example without the demo data', async () => {
      const doc = (await http.get('anonymous', '/api/docs-json').expect(200)).body;
      const example = doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'];
      expect(example.example.email).toMatch(/\.example$/);
      expect(JSON.stringify(doc)).not.toContain(DEMO_PASSWORD);
    });
  });
});

describe('API_DOCS=false', () => {
  it('serves neither Swagger UI nor the document', async () => {
    const app = await createTestApp({ env: { API_DOCS: 'false' } });
    try {
      for (const path of ['/api/docs', '/api/docs-json', '/api/docs-yaml']) {
        expect([path, (await httpOf(app).get('anonymous', path)).status]).toEqual([path, 404]);
      }
      expect((await httpOf(app).get('anonymous', '/api/v1/health/live')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('DEMO_DATA=true', () => {
  it('prefills the demo administrator in Swagger UI’s login example', async () => {
    const app = await createTestApp({ env: { DEMO_DATA: 'true' } });
    try {
      const doc = (await httpOf(app).get('anonymous', '/api/docs-json').expect(200)).body;
      const media = doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'];
      expect(media.example).toEqual({ email: 'admin@lotse-betrieb.demo', password: DEMO_PASSWORD });
    } finally {
      await app.close();
    }
  });
});
