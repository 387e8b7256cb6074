import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Public } from '../../../src/auth/public.decorator';
import { IdentityModule } from '../../../src/identity/identity.module';
import { ProbeController } from '../probe.controller';
import { createTestApp } from '../test-app';
import { EXEMPT_ROUTES, routesOf, takeViolations } from './contract-hook';
import { ResponseContract, type ObservedResponse } from './response-contract';
import { httpOf, type TestHttp } from '../http';

/** Not a test-only probe as far as the contract knows: imported, not passed as a controller. */
@Public()
@Controller('contract-rogue')
class RogueController {
  @Get()
  rogue(): { leaked: string } {
    return { leaked: 'passwordHash' };
  }
}

@Module({ controllers: [RogueController] })
class RogueModule {}

const contract = ResponseContract.fromFile();

function json(
  method: string,
  route: string | undefined,
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
): ObservedResponse {
  return { method, route, url: route ?? '/x', status, contentType, body: JSON.stringify(body) };
}

const problem = {
  type: 'urn:lotse:problem:not-found',
  title: 'Not Found',
  status: 404,
  detail: 'The referral does not exist or is not visible to you.',
  instance: '/api/v1/referrals/1',
  requestId: 'r-1',
};

describe('the response contract (openapi.json, undeclared fields forbidden)', () => {
  const live = { status: 'ok', checks: { database: { status: 'up' } } };
  const LIVE = '/api/v1/health/live';

  it('accepts a response as documented', () => {
    expect(contract.check(json('GET', LIVE, 200, live))).toEqual([]);
    expect(contract.check({ ...json('HEAD', LIVE, 200, ''), body: '' })).toEqual([]);
  });

  it('rejects an undeclared field, naming it', () => {
    const [violation, ...more] = contract.check(json('GET', LIVE, 200, { ...live, secret: 'x' }));
    expect(more).toEqual([]);
    expect(violation).toMatchObject({ kind: 'invalid-body', route: LIVE, status: 200 });
    expect(violation.errors).toContainEqual(
      expect.objectContaining({
        keyword: 'additionalProperties',
        params: { additionalProperty: 'secret' },
      }),
    );
  });

  it('rejects an undeclared field in a nested schema reached by $ref', () => {
    const page = { items: [{ id: 'x', leaked: true }], nextCursor: null };
    const violations = contract.check(json('GET', '/api/v1/providers', 200, page));
    expect(violations.map((v) => v.kind)).toEqual(['invalid-body']);
    expect(violations[0].errors).toContainEqual(
      expect.objectContaining({ params: { additionalProperty: 'leaked' } }),
    );
  });

  it('rejects a field of the wrong type, and accepts null only where it is nullable', () => {
    expect(contract.check(json('GET', LIVE, 200, { ...live, status: 42 }))).toEqual([
      expect.objectContaining({ kind: 'invalid-body', message: expect.stringContaining('string') }),
    ]);
    const page = (nextCursor: unknown) =>
      json('GET', '/api/v1/organisations', 200, { items: [], nextCursor });
    expect(contract.check(page(null))).toEqual([]);
    expect(contract.check(page('abc'))).toEqual([]);
    expect(contract.check(page(5))).toHaveLength(1);
    const items = json('GET', '/api/v1/organisations', 200, { items: null, nextCursor: null });
    expect(contract.check(items)).toHaveLength(1);
  });

  it('holds ETag and Location to the document: sent only where declared, Location always', () => {
    const organisation = {
      id: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      kind: 'provider',
      name: 'Aufwind',
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    // The body is beside the point here: only the header findings count.
    const created = (headers: { etag?: boolean; location?: boolean }) =>
      contract
        .check({ ...json('POST', '/api/v1/organisations', 201, organisation), headers })
        .filter((violation) => violation.kind === 'header-mismatch');
    expect(created({ etag: true, location: true })).toEqual([]);
    expect(created({ etag: true, location: false })).toEqual([
      expect.objectContaining({
        kind: 'header-mismatch',
        message: expect.stringContaining('Location'),
      }),
    ]);
    const live = {
      ...json('GET', LIVE, 200, { status: 'ok', checks: {} }),
      headers: { etag: true },
    };
    expect(contract.check(live)).toEqual([
      expect.objectContaining({
        kind: 'header-mismatch',
        message: expect.stringContaining('ETag'),
      }),
    ]);
  });

  it('rejects an undocumented status', () => {
    expect(contract.check(json('GET', LIVE, 418, problem, 'application/problem+json'))).toEqual([
      expect.objectContaining({ kind: 'undocumented-status', status: 418 }),
    ]);
  });

  it('rejects a wrong content type, and a body where none is documented', () => {
    const route = '/api/v1/referrals/:id';
    expect(contract.check(json('GET', route, 404, problem, 'application/problem+json'))).toEqual(
      [],
    );
    expect(contract.check(json('GET', route, 404, problem))).toEqual([
      expect.objectContaining({ kind: 'wrong-content-type' }),
    ]);
    expect(contract.check(json('POST', '/api/v1/auth/logout', 204, { done: true }))).toEqual([
      expect.objectContaining({ kind: 'wrong-content-type' }),
    ]);
  });

  it('checks a problem body against the problem schema, also when no route matched', () => {
    expect(
      contract.check(json('GET', undefined, 404, problem, 'application/problem+json')),
    ).toEqual([]);
    const sloppy = { ...problem, stack: 'at /src/x.ts' };
    expect(contract.check(json('GET', undefined, 404, sloppy, 'application/problem+json'))).toEqual(
      [expect.objectContaining({ kind: 'invalid-body', route: '(no route)' })],
    );
    expect(contract.check(json('PUT', '/api/v1/nope', 200, {}))).toEqual([
      expect.objectContaining({ kind: 'undocumented-route' }),
    ]);
  });
});

describe('strict schemas under composition', () => {
  const object = (name: string) => ({
    type: 'object',
    properties: { [name]: { type: 'string' } },
    required: [name],
  });
  const synthetic = new ResponseContract({
    components: { schemas: { A: object('a'), B: object('b') } },
    paths: {
      '/merged': {
        get: {
          responses: {
            200: {
              content: {
                'application/json': {
                  schema: {
                    allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }],
                  },
                },
              },
            },
          },
        },
      },
      '/wrapped': {
        get: {
          responses: {
            200: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      one: {
                        nullable: true,
                        type: 'object',
                        allOf: [{ $ref: '#/components/schemas/A' }],
                      },
                    },
                    required: ['one'],
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const get = (route: string, body: unknown) => synthetic.check(json('GET', route, 200, body));

  it('merges an allOf of objects, so that each part accepts the fields of the others', () => {
    expect(get('/merged', { a: 'x', b: 'y' })).toEqual([]);
    expect(get('/merged', { a: 'x' })).toHaveLength(1);
    expect(get('/merged', { a: 'x', b: 'y', c: 'z' })).toHaveLength(1);
  });

  it('keeps a nullable reference wrapper open and its target strict', () => {
    expect(get('/wrapped', { one: null })).toEqual([]);
    expect(get('/wrapped', { one: { a: 'x' } })).toEqual([]);
    expect(get('/wrapped', { one: { a: 'x', z: 1 } })).toHaveLength(1);
    expect(get('/wrapped', { one: null, two: 2 })).toHaveLength(1);
  });
});

describe('the contract hook of every test app', () => {
  let app: NestFastifyApplication;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp({
      extra: { imports: [IdentityModule, RogueModule], controllers: [ProbeController] },
    });
    http = httpOf(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('records a violation for a response outside the contract, and none for a good one', async () => {
    await http.get('anonymous', '/api/v1/health/live').expect(200);
    await http.get('anonymous', '/api/v1/no-such-route').expect(404);
    expect(takeViolations()).toEqual([]);

    await http.get('anonymous', '/api/v1/contract-rogue').expect(200);
    expect(takeViolations()).toEqual([
      expect.objectContaining({
        kind: 'undocumented-route',
        method: 'GET',
        route: '/api/v1/contract-rogue',
        status: 200,
      }),
    ]);
  });

  it('exempts the test-only probe controller and the listed non-API routes', async () => {
    expect(routesOf([ProbeController])).toContain('GET /api/v1/probe/things/:id');
    await http.get('anonymous', '/api/v1/probe/things/4711').expect(404);
    await http.get('anonymous', '/api/docs-json').expect(200);
    await http.send('anonymous', 'options', '/api/v1/me', undefined, {
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(takeViolations()).toEqual([]);
  });

  it('keeps the exemption list fresh: each entry is a served route that openapi.json lacks', () => {
    const fastify = app.getHttpAdapter().getInstance();
    expect(fastify.hasRoute({ method: 'GET', url: '/api/docs/not-a-route' })).toBe(false);
    for (const entry of EXEMPT_ROUTES) {
      const [method, url] = entry.split(' ');
      // The router keeps Fastify's catch-all `*` (CORS preflight) as `/*`.
      const served = fastify.hasRoute({ method, url: url === '*' ? '/*' : url });
      expect({ entry, served, documented: contract.hasOperation(method, url) }).toEqual({
        entry,
        served: true,
        documented: false,
      });
    }
  });

  it('knows a route for every documented operation (the spec is not stale either)', () => {
    const fastify = app.getHttpAdapter().getInstance();
    const missing = contract.operationKeys().filter((key) => {
      const [method, path] = key.split(' ');
      return !fastify.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') });
    });
    expect(missing).toEqual([]);
  });
});
