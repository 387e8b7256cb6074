import type { JWTPayload } from 'jose';

/** The event a back-channel logout token carries (OpenID Back-Channel Logout 1.0 §2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** Whom a valid logout token signs out: one session at the provider, or a subject's all. */
export type LogoutTarget = { subject?: string; idpSessionId?: string };

/**
 * The claims rules of a logout token beyond signature, issuer and audience (which jose checks):
 * `iat` present, the logout event, `sub` or `sid`, and no `nonce` (so that an ID token can
 * never pass as one). Pure; undefined for an invalid token.
 */
export function logoutTargetOf(payload: JWTPayload): LogoutTarget | undefined {
  if (typeof payload.iat !== 'number') return undefined;
  const events = payload.events as Record<string, unknown> | undefined;
  const event = events && typeof events === 'object' ? events[BACKCHANNEL_LOGOUT_EVENT] : undefined;
  if (!event || typeof event !== 'object' || Array.isArray(event)) return undefined;
  if ('nonce' in payload) return undefined;
  const sid = typeof payload.sid === 'string' && payload.sid !== '' ? payload.sid : undefined;
  const sub = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined;
  if (!sid && !sub) return undefined;
  return { ...(sub ? { subject: sub } : {}), ...(sid ? { idpSessionId: sid } : {}) };
}
