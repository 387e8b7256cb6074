import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/**
 * TOTP as RFC 6238 and every authenticator app know it: SHA-1, 6 digits, 30-second steps, a
 * 160-bit secret in base32. A code is accepted from the step before to the step after (clock
 * drift of up to 30 s), and never for a step at or before the last one used (replay).
 */
export const TOTP_ISSUER = 'Lotse';
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://` URI an authenticator app reads from a QR code. */
export function totpUri(account: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/** The time step of a valid, not yet used code; undefined otherwise. */
export function acceptedStep(
  secret: string,
  code: string,
  lastStep: number | null,
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = verifySync({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** The current code of a secret (tests, and the demo's printed example). */
export function currentTotp(secret: string, epochSeconds?: number): string {
  return generateSync({ secret, ...(epochSeconds === undefined ? {} : { epoch: epochSeconds }) });
}
