import type { INestApplication } from '@nestjs/common';
import request, { type Response, type Test } from 'supertest';
import type { ReferralAction } from '../../src/referrals/referral-state';

/** An `Authorization` header as the API takes it: a bearer token or an API key. */
export type AuthHeader = { Authorization: string };

/**
 * Who sends a request: a signed-in test user or an API key (anything with an `authHeader`, as
 * the factories make them), a bare header (a token a test crafted or took from a response), or
 * nobody.
 */
export type HttpActor = { readonly authHeader: AuthHeader } | AuthHeader | 'anonymous';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

export interface RequestOptions {
  /** Sent as `If-Match`: a row version as the API's strong ETag `"N"`, a string as it is. */
  ifMatch?: number | string;
  /** Further headers, set after the actor's, so they may replace its `Authorization`. */
  headers?: Readonly<Record<string, string>>;
  /** The query string, as an object (`undefined` members are left out) or already encoded. */
  query?: string | Readonly<Record<string, string | number | boolean | undefined>>;
}

/** The actions of a referral, each a `POST /referrals/{id}/{action}`. */
export type ReferralActionName = ReferralAction | `${ReferralAction}` | 'assign';

const REFERRALS = '/api/v1/referrals';

/** The strong ETag the API gives a row version (docs/architecture/0004-referral-workflow.md). */
export function versionTag(version: number): string {
  return `"${version}"`;
}

function headerOf(actor: HttpActor): Partial<AuthHeader> {
  if (actor === 'anonymous') return {};
  return 'authHeader' in actor ? actor.authHeader : actor;
}

/**
 * The one way specs call the API. Every request goes to the test app's own server (or to the
 * URL of one it listens on), so the per-response OpenAPI check of `createTestApp` sees it.
 * Returns supertest's `Test`: await it for the `Response`, or chain `.expect(...)`.
 */
export class TestHttp {
  constructor(private readonly target: INestApplication | string) {}

  send(
    actor: HttpActor,
    method: Method,
    path: string,
    body?: object | string,
    options: RequestOptions = {},
  ): Test {
    const server = typeof this.target === 'string' ? this.target : this.target.getHttpServer();
    let req = request(server)[method](path).set(headerOf(actor));
    if (options.ifMatch !== undefined) {
      req = req.set(
        'If-Match',
        typeof options.ifMatch === 'number' ? versionTag(options.ifMatch) : options.ifMatch,
      );
    }
    if (options.headers) req = req.set(options.headers);
    if (options.query) req = req.query(options.query);
    return body === undefined ? req : req.send(body);
  }

  get(actor: HttpActor, path: string, options?: RequestOptions): Test {
    return this.send(actor, 'get', path, undefined, options);
  }

  post(actor: HttpActor, path: string, body?: object | string, options?: RequestOptions): Test {
    return this.send(actor, 'post', path, body, options);
  }

  put(actor: HttpActor, path: string, body?: object | string, options?: RequestOptions): Test {
    return this.send(actor, 'put', path, body, options);
  }

  patch(actor: HttpActor, path: string, body?: object | string, options?: RequestOptions): Test {
    return this.send(actor, 'patch', path, body, options);
  }

  delete(actor: HttpActor, path: string, options?: RequestOptions): Test {
    return this.send(actor, 'delete', path, undefined, options);
  }

  /** One action of the referral workflow, with the `If-Match` the caller holds (if any). */
  act(
    actor: HttpActor,
    referralId: string,
    action: ReferralActionName,
    body?: object,
    ifMatch?: number | string,
  ): Test {
    return this.post(actor, `${REFERRALS}/${referralId}/${action}`, body, { ifMatch });
  }

  /**
   * One action that must succeed, as a client makes it: the actor reads the referral for its
   * current ETag, then acts with it. Fails (with the status and the problem) unless both answer
   * 200.
   */
  async advance(
    actor: HttpActor,
    referralId: string,
    action: ReferralActionName,
    body: object = {},
  ): Promise<Response> {
    const read = await this.get(actor, `${REFERRALS}/${referralId}`);
    if (read.status !== 200) throw new Error(`read before ${action}: ${read.status}`);
    const res = await this.act(actor, referralId, action, body, read.headers.etag);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}

/** The HTTP helper of a test app (or of the URL it listens on). */
export function httpOf(target: INestApplication | string): TestHttp {
  return new TestHttp(target);
}
