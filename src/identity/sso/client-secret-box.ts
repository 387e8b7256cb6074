import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts identity providers' client secrets at rest (AES-256-GCM; ADR 0018). A database dump
 * alone does not hold them; the key comes from `OIDC_SECRET_KEY`, else from `JWT_SECRET` (HKDF),
 * else (development) from chance, and then the secrets are lost with the process.
 * Stored layout: version byte ‖ 12-byte IV ‖ ciphertext ‖ 16-byte tag; the organisation id is
 * bound in as associated data, so a secret copied to another organisation's row does not open.
 */
@Injectable()
export class ClientSecretBox {
  private readonly key: Buffer;

  constructor(config: ConfigService<AppConfig, true>) {
    const auth = config.get('auth', { infer: true });
    const material = auth.oidc.secretKey ?? auth.jwtSecret;
    if (!material) {
      new Logger('SingleSignOn').warn(
        'Neither OIDC_SECRET_KEY nor JWT_SECRET is set: client secrets stored now are lost on restart.',
      );
    }
    this.key = Buffer.from(
      hkdfSync(
        'sha256',
        material ? Buffer.from(material, 'utf8') : randomBytes(32),
        Buffer.alloc(0),
        'lotse oidc client secret',
        32,
      ),
    );
  }

  seal(secret: string, organisationId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(organisationId, 'utf8'));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
  }

  /** The secret, or undefined when it does not open (another key, another organisation). */
  open(sealed: Buffer, organisationId: string): string | undefined {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
    try {
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(organisationId, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const body = sealed.subarray(1 + IV_BYTES, sealed.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
