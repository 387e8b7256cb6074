import { BACKCHANNEL_LOGOUT_EVENT, logoutTargetOf } from './logout-token';

const EVENT = { [BACKCHANNEL_LOGOUT_EVENT]: {} };
const iat = 1_800_000_000;

describe('logout token claims (OpenID Back-Channel Logout 1.0 §2.6)', () => {
  it('names a subject, a provider session, or both', () => {
    expect(logoutTargetOf({ iat, events: EVENT, sub: 's' })).toEqual({ subject: 's' });
    expect(logoutTargetOf({ iat, events: EVENT, sid: 'x' })).toEqual({ idpSessionId: 'x' });
    expect(logoutTargetOf({ iat, events: EVENT, sub: 's', sid: 'x' })).toEqual({
      subject: 's',
      idpSessionId: 'x',
    });
  });

  it.each([
    ['without iat', { events: EVENT, sub: 's' }],
    ['without the logout event', { iat, events: {}, sub: 's' }],
    [
      'with the event not an object',
      { iat, events: { [BACKCHANNEL_LOGOUT_EVENT]: true }, sub: 's' },
    ],
    ['without sub and sid', { iat, events: EVENT }],
    ['with a nonce (an ID token)', { iat, events: EVENT, sub: 's', nonce: 'n' }],
  ])('refuses a token %s', (_what, payload) => {
    expect(logoutTargetOf(payload)).toBeUndefined();
  });
});
