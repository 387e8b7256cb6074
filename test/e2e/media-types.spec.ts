import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '../../src/auth/role';
import { clientBody } from '../factories/clients';
import { createUser, TEST_PASSWORD, type TestUser } from '../factories/identity';
import { expectProblem } from '../support/problem';
import { createTestApp } from '../support/test-app';
import { httpOf, type Method, type TestHttp } from '../support/http';

interface Operation {
  requestBody?: { content: Record<string, unknown> };
}
type Document = { paths: Record<string, Record<string, Operation>> };

const DOCUMENT = JSON.parse(
  readFileSync(join(__dirname, '../../openapi.json'), 'utf8'),
) as Document;

/** Bodies in media types no operation declares, each as a browser or a script would send it. */
const FOREIGN_BODIES: [string, string][] = [
  ['application/x-www-form-urlencoded', 'email=a%40b.de&password=x'],
  ['text/plain', '{"email":"a@b.de"}'],
  ['application/xml', '<client><givenName>Erika</givenName></client>'],
  [
    'multipart/form-data; boundary=x',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  ],
  ['application/problem+json', '{"type":"x"}'],
];

/**
 * The one operation that takes another media type than JSON: OpenID Back-Channel Logout posts a
 * form, by its standard (docs/architecture/0018-single-sign-on.md).
 */
const FORM_OPERATION = 'post /api/v1/auth/oidc/backchannel-logout';

/** The media types an operation declares for its body. */
function declaredTypes(op: Operation): string[] {
  return Object.keys(op.requestBody?.content ?? {});
}

/*
 * Every operation accepts exactly the media types its OpenAPI operation lists (issue 16 point
 * 6): each declares `application/json` or no body (the back-channel logout a form only), so
 * anything else is 415 problem+json, for every method that can carry a body, before anything
 * happens.
 */
describe('request media types', () => {
  let app: NestFastifyApplication;
  let caseworker: TestUser;
  let http: TestHttp;

  beforeAll(async () => {
    app = await createTestApp();
    http = httpOf(app);
    caseworker = await createUser(app, { roles: [Role.Caseworker] });
  });
  afterAll(async () => {
    await app.close();
  });

  it('declares application/json as the only request media type of every operation but one', () => {
    const declared = new Map<string, string[]>();
    for (const [path, ops] of Object.entries(DOCUMENT.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const types = declaredTypes(op);
        if (types.length > 0) declared.set(`${method} ${path}`, types);
      }
    }
    expect(declared.get(FORM_OPERATION)).toEqual(['application/x-www-form-urlencoded']);
    declared.delete(FORM_OPERATION);
    expect(new Set([...declared.values()].flat())).toEqual(new Set(['application/json']));
  });

  it('answers 415 to a body of any other media type, on every operation that can take one', async () => {
    const answers: string[] = [];
    for (const [path, ops] of Object.entries(DOCUMENT.paths)) {
      for (const method of Object.keys(ops).filter((m) =>
        ['post', 'patch', 'put', 'delete'].includes(m),
      )) {
        const url = path.replace(/\{\w+\}/g, randomUUID());
        const declared = declaredTypes(ops[method]);
        const foreign = [...FOREIGN_BODIES, ['application/json', '{"email":"a@b.de"}']].filter(
          ([type]) => !declared.includes(type.split(';')[0]),
        );
        // JSON is foreign only where an operation declares a body of another type.
        const bodies = declared.length === 0 ? FOREIGN_BODIES : foreign;
        for (const [type, body] of bodies) {
          const res = await http.send(caseworker, method as Method, url, body, {
            headers: { 'Content-Type': type },
          });
          if (res.status !== 415)
            answers.push(`${method.toUpperCase()} ${path} ${type}: ${res.status}`);
          else expectProblem(res, 415, 'unsupported-media-type');
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it('creates no client from a form post, and signs nobody in with one', async () => {
    const body = clientBody();
    const form = new URLSearchParams(body as Record<string, string>).toString();
    expectProblem(
      await http.post(caseworker, '/api/v1/clients', form, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported-media-type',
    );
    const [{ n }] = await app
      .get(DataSource)
      .query<{ n: number }[]>('SELECT count(*)::int AS n FROM clients WHERE customer_number = $1', [
        body.customerNumber,
      ]);
    expect(n).toBe(0);
    expectProblem(
      await http.post(
        'anonymous',
        '/api/v1/auth/login',
        new URLSearchParams({ email: caseworker.email, password: TEST_PASSWORD }).toString(),
        { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      ),
      415,
      'unsupported-media-type',
    );
    // The same as JSON is fine.
    await http
      .post('anonymous', '/api/v1/auth/login', { email: caseworker.email, password: TEST_PASSWORD })
      .expect(200);
  });
});
