import { createHash } from 'node:crypto';
import { open, seal } from '../common/crypto/sealed-box';

/**
 * The successor of a rotated refresh token, sealed with a key only the rotated token itself
 * yields (AES-256-GCM, key = SHA-256 of a label and the token). The database holds the token's
 * SHA-256 and this box: neither gives the successor to someone who read the table, while a
 * second request carrying the rotated token inside the grace window can open it and get the
 * same new pair (ADR 0017).
 */
const LABEL = 'lotse refresh successor v1\u0000';

function keyOf(token: string): Buffer {
  return createHash('sha256').update(LABEL, 'utf8').update(token, 'utf8').digest();
}

export function sealSuccessor(rotated: string, successor: string): Buffer {
  return seal(keyOf(rotated), successor);
}

/** The successor, or undefined when the box was not sealed with this token (or is damaged). */
export function openSuccessor(rotated: string, sealed: Buffer): string | undefined {
  return open(keyOf(rotated), sealed);
}
