import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The successor of a rotated refresh token, sealed with a key only the rotated token itself
 * yields (AES-256-GCM, key = SHA-256 of a label and the token). The database holds the token's
 * SHA-256 and this box: neither gives the successor to someone who read the table, while a
 * second request carrying the rotated token inside the grace window can open it and get the
 * same new pair (ADR 0014).
 */
const LABEL = 'lotse refresh successor v1\u0000';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function keyOf(token: string): Buffer {
  return createHash('sha256').update(LABEL, 'utf8').update(token, 'utf8').digest();
}

export function sealSuccessor(rotated: string, successor: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(rotated), nonce);
  const body = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** The successor, or undefined when the box was not sealed with this token (or is damaged). */
export function openSuccessor(rotated: string, sealed: Buffer): string | undefined {
  if (sealed.length <= NONCE_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyOf(rotated),
      sealed.subarray(0, NONCE_BYTES),
    );
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
