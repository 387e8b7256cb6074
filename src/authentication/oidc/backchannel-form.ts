import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** The one route that reads a form body: OpenID Back-Channel Logout posts one (ADR 0018). */
export const BACKCHANNEL_LOGOUT_ROUTE = 'auth/oidc/backchannel-logout';
const FORM_BODY_LIMIT = 16384;
const FORM = 'application/x-www-form-urlencoded';

/**
 * Registers an `application/x-www-form-urlencoded` parser that serves the back-channel logout
 * route only; every other route answers a form body `415`, as before, so that no operation
 * becomes reachable by a cross-site form post. The route itself takes the form and nothing else
 * (a JSON body is `415` there), as its operation declares.
 */
export function acceptBackchannelLogoutForm(fastify: FastifyInstance, prefix: string): void {
  const path = `/${prefix}/${BACKCHANNEL_LOGOUT_ROUTE}`;
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const type = request.headers['content-type'];
    const mediaType = type?.split(';')[0].trim().toLowerCase();
    if (request.url.split('?')[0] === path && mediaType !== undefined && mediaType !== FORM) {
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(type), payload);
      return;
    }
    done(null, payload);
  });
  fastify.addContentTypeParser(
    FORM,
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (request: FastifyRequest, body: string | Buffer, done) => {
      if (request.url.split('?')[0] !== path) {
        done(
          new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']),
          undefined,
        );
        return;
      }
      done(null, Object.fromEntries(new URLSearchParams(body.toString())));
    },
  );
}
