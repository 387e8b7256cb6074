import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** Every schema of the API by name: `Schemas['Referral']`, `Schemas['ReferralState']`, … */
export type Schemas = components['schemas'];
/** An error response (application/problem+json, RFC 9457). */
export type Problem = Schemas['ProblemDetails'];
/** The stable kind of an error: translate by it, not by `title`. */
export type ProblemType = Schemas['ProblemType'];

export type LotseClient = Client<paths>;

export interface LotseClientOptions {
  /** Where Lotse runs, without the path: `https://lotse.example.de`. */
  baseUrl: string;
  /** The current access token (from `POST /api/v1/auth/login` or `/auth/refresh`), if any. */
  accessToken?: () => string | undefined | Promise<string | undefined>;
  /** Language of problem titles: `Accept-Language`. */
  language?: 'de' | 'en';
  /** Another fetch (tests, server-side rendering); default: the global one. */
  fetch?: ClientOptions['fetch'];
}

/**
 * A client of the Lotse API whose paths, parameters, bodies, answers and headers are typed from
 * the OpenAPI document. It sends the access token and the language with every request.
 *
 * ```ts
 * const lotse = createLotseClient({ baseUrl, accessToken: () => session.accessToken });
 * const { data, error } = await lotse.GET('/api/v1/referrals', { params: { query: { limit: 20 } } });
 * ```
 */
export function createLotseClient(options: LotseClientOptions): LotseClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const headers: Middleware = {
    async onRequest({ request }) {
      const token = await options.accessToken?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (options.language) request.headers.set('Accept-Language', options.language);
      return request;
    },
  };
  client.use(headers);
  return client;
}

/**
 * The `ETag` of a response, for the `If-Match` header of the next change. Lotse sends it on
 * every read and change of a versioned resource (clients, referrals, reports, users, …).
 */
export function etagOf(response: Response): string {
  const etag = response.headers.get('ETag');
  if (!etag) throw new Error(`${response.url} answered without an ETag`);
  return etag;
}

/** Whether an error body is one of Lotse's problems of the given kind. */
export function isProblem(error: unknown, type?: ProblemType): error is Problem {
  if (typeof error !== 'object' || error === null || !('type' in error)) return false;
  return type === undefined || (error as Problem).type === type;
}
