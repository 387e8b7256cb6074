import { HELMET_OPTIONS, securityHeaders } from './security-headers';

describe('security headers', () => {
  it('are helmet’s headers with the CSP under which Swagger UI renders', () => {
    const headers = securityHeaders();
    expect(new Set(headers['content-security-policy'].split(';'))).toEqual(
      new Set([
        "default-src 'self'",
        "base-uri 'self'",
        "font-src 'self' https: data:",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "img-src 'self' data:",
        "object-src 'none'",
        "script-src 'self'",
        "script-src-attr 'none'",
        "style-src 'self' 'unsafe-inline'",
        "connect-src 'self'",
      ]),
    );
    expect(headers).toMatchObject({
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('are computed from the options: another policy gives other headers', () => {
    const other = securityHeaders({
      contentSecurityPolicy: HELMET_OPTIONS.contentSecurityPolicy,
      xFrameOptions: { action: 'deny' },
    });
    expect(other['x-frame-options']).toBe('DENY');
  });
});
