// The current TOTP code of a base32 secret (RFC 6238: SHA-1, 6 digits, 30-second steps),
// computed independently of the app (which uses otplib). `node .ci/totp.mjs SECRET` prints it.
import { createHmac } from 'node:crypto';
import { pathToFileURL } from 'node:url';

export function totp(secret, epochSeconds = Date.now() / 1000) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) throw new Error('usage: node .ci/totp.mjs BASE32SECRET');
  console.log(totp(process.argv[2]));
}
