import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { IdentityModule } from '../../src/identity/identity.module';
import { OrganisationKind } from '../../src/common/organisation-kind';
import { OrganisationsService } from '../../src/identity/organisations.service';
import { uniqueName } from '../factories/unique';
import { expectProblem } from '../support/problem';
import { ProbeController } from '../support/probe.controller';
import { createTestApp } from '../support/test-app';
import { httpOf, type TestHttp } from '../support/http';
import { securityHeaders } from '../../src/security-headers';

describe('HTTP conventions', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({
      env: { CORS_ORIGINS: 'https://fallmanagement.example.de' },
      extra: { imports: [IdentityModule], controllers: [ProbeController] },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('errors are problem+json', () => {
    it('answers an unknown route with 404', async () => {
      const res = await http.get('anonymous', '/api/v1/no-such-thing?x=1');
      const body = expectProblem(res, 404, 'not-found');
      expect(body.instance).toBe('/api/v1/no-such-thing');
    });

    it('answers a missing or foreign object with the same 404 from a domain error', async () => {
      const res = await http.get('anonymous', '/api/v1/probe/things/4711');
      const body = expectProblem(res, 404, 'not-found');
      expect(body.detail).toBe('The thing does not exist or is not visible to you.');
      expect(body.instance).toBe('/api/v1/probe/things/4711');
    });

    it('answers a route outside the prefix with 404', async () => {
      expectProblem(await http.get('anonymous', '/health/live'), 404, 'not-found');
    });

    it('answers malformed JSON with 400 invalid-json', async () => {
      const res = await http.post('anonymous', '/api/v1/probe/echo', '{"email": "a@b.de", ', {
        headers: { 'Content-Type': 'application/json' },
      });
      const body = expectProblem(res, 400, 'invalid-json');
      expect(body.detail).toBe('The request body is not valid JSON.');
    });

    it('answers a body over the limit (1 MB) with 413 before parsing it', async () => {
      const res = await http.post(
        'anonymous',
        '/api/v1/probe/echo',
        JSON.stringify({ email: 'a@b.de', count: 1, blob: 'x'.repeat(1024 * 1024) }),
        { headers: { 'Content-Type': 'application/json' } },
      );
      expectProblem(res, 413, 'payload-too-large');
    });

    it('accepts a body just under the default limit of 256 KB', async () => {
      const res = await http.post('anonymous', '/api/v1/probe/echo', {
        email: 'a@b.de',
        count: 1,
        blob: 'x'.repeat(200 * 1024),
      });
      expect(res.status).toBe(200);
    });

    it('answers an unsupported media type with 415', async () => {
      const res = await http.post('anonymous', '/api/v1/probe/echo', '<a/>', {
        headers: { 'Content-Type': 'application/xml' },
      });
      expectProblem(res, 415, 'unsupported-media-type');
    });

    it('refuses a body nested deeper than 32 levels with 400 invalid-json (not a stack overflow)', async () => {
      const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
      const res = await http.post(
        'anonymous',
        '/api/v1/probe/echo',
        `{"email":"a@b.de","count":1,"items":[${deep}]}`,
        { headers: { 'Content-Type': 'application/json' } },
      );
      const body = expectProblem(res, 400, 'invalid-json');
      expect(body.detail).toBe('The request body nests deeper than 32 levels.');
    });

    it('answers a path parameter over the router limit with 414 problem+json', async () => {
      const res = await http.get('anonymous', `/api/v1/probe/things/${'7'.repeat(101)}`);
      const body = expectProblem(res, 414, 'uri-too-long');
      expect(JSON.stringify(body)).not.toContain('FST_');
    });

    it('answers a malformed percent-encoding in the path with 400 problem+json', async () => {
      expectProblem(
        await http.get('anonymous', '/api/v1/probe/things/%E0%A4%A'),
        400,
        'bad-request',
      );
    });

    it('answers headers over the size limit with 431 problem+json from the HTTP parser', async () => {
      const res = await http.get('anonymous', `/api/v1/probe/things/1?q=${'x'.repeat(20_000)}`);
      expect(res.status).toBe(431);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect(res.body).toMatchObject({
        type: 'urn:lotse:problem:request-header-fields-too-large',
        status: 431,
        requestId: res.headers['x-request-id'],
      });
    });

    it('lists every invalid field, nested ones by path', async () => {
      const res = await http.post('anonymous', '/api/v1/probe/echo', {
        email: 'not-an-email',
        count: -1,
        items: [{ label: 'ok' }, { label: 7 }],
      });
      const body = expectProblem(res, 400, 'validation-error');
      const fields = (body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['count', 'email', 'items.1.label']);
    });

    it('refuses properties the DTO does not declare (mass assignment)', async () => {
      const res = await http.post('anonymous', '/api/v1/probe/echo', {
        email: 'a@b.de',
        count: 1,
        role: 'admin',
      });
      const body = expectProblem(res, 400, 'validation-error');
      expect(body.errors).toEqual([
        { field: 'role', messages: ['property role should not exist'] },
      ]);
    });

    it('strips nothing from a valid body and transforms it to the DTO', async () => {
      const sent = { email: 'a@b.de', count: 3, items: [{ label: 'x' }] };
      const res = await http.post('anonymous', '/api/v1/probe/echo', sent);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(sent);
    });

    it('turns an unexpected error into a plain 500 without internals', async () => {
      const res = await http.get('anonymous', '/api/v1/probe/boom');
      const body = expectProblem(res, 500, 'internal-error');
      expect(JSON.stringify(body)).not.toMatch(/secret|password|stack/i);
      expect(Object.keys(body).sort()).toEqual(
        ['detail', 'instance', 'requestId', 'status', 'title', 'type'].sort(),
      );
    });
  });

  describe('request id', () => {
    it('generates one when the caller sends none', async () => {
      const res = await http.get('anonymous', '/api/v1/health/live');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("echoes the caller's id and puts it into problem bodies", async () => {
      const res = await http.get('anonymous', '/api/v1/nowhere', {
        headers: { 'X-Request-Id': 'jc-essen.4711:abc' },
      });
      expect(res.headers['x-request-id']).toBe('jc-essen.4711:abc');
      expect(res.body.requestId).toBe('jc-essen.4711:abc');
    });

    it('replaces an id that is too long or has odd characters', async () => {
      for (const bad of ['x'.repeat(129), 'a b', '<script>']) {
        const res = await http.get('anonymous', '/api/v1/health/live', {
          headers: { 'X-Request-Id': bad },
        });
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });

  describe('security headers and CORS', () => {
    it('sets helmet headers on API responses', async () => {
      const res = await http.get('anonymous', '/api/v1/health/live');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('sets the same headers on problem answers and unknown paths', async () => {
      const expected = securityHeaders();
      for (const path of ['/api/v1/referrals', '/api/v1/no-such-route', '/api/v1/health/live']) {
        const res = await http.get('anonymous', path);
        for (const [name, value] of Object.entries(expected)) {
          expect([path, name, res.headers[name]]).toEqual([path, name, value]);
        }
      }
    });

    it('allows an origin from the allowlist', async () => {
      const res = await http.send('anonymous', 'options', '/api/v1/health/live', undefined, {
        headers: {
          Origin: 'https://fallmanagement.example.de',
          'Access-Control-Request-Method': 'GET',
        },
      });
      expect(res.headers['access-control-allow-origin']).toBe('https://fallmanagement.example.de');
    });

    it('gives no CORS grant to any other origin', async () => {
      const res = await http.get('anonymous', '/api/v1/health/live', {
        headers: { Origin: 'https://evil.example.com' },
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('cursor pagination', () => {
    it.each([['101'], ['0'], ['abc'], ['1.5']])('refuses limit=%s with 400', async (limit) => {
      const res = await http.get('anonymous', `/api/v1/probe/organisations?limit=${limit}`);
      const body = expectProblem(res, 400, 'validation-error');
      expect((body.errors as { field: string }[])[0].field).toBe('limit');
    });

    it('refuses a duplicated query parameter', async () => {
      const res = await http.get('anonymous', '/api/v1/probe/organisations?limit=1&limit=2');
      expectProblem(res, 400, 'validation-error');
    });

    it('refuses a forged cursor with 400 invalid-cursor', async () => {
      const forged = Buffer.from(JSON.stringify(['another-list', 'x', 'y'])).toString('base64url');
      const res = await http.get('anonymous', `/api/v1/probe/organisations?cursor=${forged}`);
      expectProblem(res, 400, 'invalid-cursor');
    });

    /** Each organisation's version and name (some suites rename by SQL, without a version). */
    async function organisationVersions(): Promise<Map<string, string>> {
      const rows: { id: string; version: number; name: string }[] = await app
        .get(DataSource)
        .query('SELECT id, version, name FROM organisations');
      return new Map(rows.map((r) => [r.id, `${r.version} ${r.name}`]));
    }

    it('walks a list page by page without gaps or repeats', async () => {
      const organisations = app.get(OrganisationsService);
      const mine = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          organisations.ensure(OrganisationKind.Provider, uniqueName(`Träger ${n}`)),
        ),
      );
      // Other suites share this database and rename organisations while the walk runs. A
      // renamed row may rightly appear twice (under its old and its new name); a row nobody
      // touched must appear exactly once.
      const versionsBefore = await organisationVersions();
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await http.get('anonymous', '/api/v1/probe/organisations', {
          query: { limit: 2, ...(cursor ? { cursor } : {}) },
        });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((o: { id: string }) => o.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 1000);
      const versionsAfter = await organisationVersions();
      const untouched = (id: string) =>
        versionsBefore.has(id) && versionsBefore.get(id) === versionsAfter.get(id);
      const repeated = seen.filter((id, i) => seen.indexOf(id) !== i);
      expect(repeated.filter(untouched)).toEqual([]);
      for (const { organisation } of mine) {
        expect(seen.filter((id) => id === organisation.id)).toHaveLength(1);
      }
      // Every organisation that existed throughout, unchanged, was on some page.
      const missed = [...versionsBefore.keys()].filter((id) => untouched(id) && !seen.includes(id));
      expect(missed).toEqual([]);
    });
  });
});
