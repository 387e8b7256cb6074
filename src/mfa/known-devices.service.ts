import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { joinUser } from '../identity/identity.sql';

/** A device token: 256 random bits, base64url; stored as SHA-256 only, like refresh tokens. */
export const DEVICE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Devices are forgotten after this long without a sign-in from them. */
export const KNOWN_DEVICE_DAYS = 90;

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * Devices a user signed in from before (OWASP "device cookies", ADR 0017): a successful sign-in
 * hands out a device token, and a later login that presents it is throttled per device instead
 * of per account. So ten wrong passwords from an attacker lock the account for unknown devices
 * only, while its owner, on a device they used before, still gets in (issue 19 point 5).
 */
@Injectable()
export class KnownDevicesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The id of the device behind `token`, if it is a known device of the account with this
   * email address (any case and spacing); else undefined.
   */
  async deviceOf(email: string, token: string): Promise<string | undefined> {
    if (!DEVICE_TOKEN_PATTERN.test(token)) return undefined;
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT d.id FROM known_devices d ${joinUser('u', 'd.user_id')}
        WHERE d.token_hash = $1 AND u.email = $2
          AND d.last_used_at > now() - make_interval(days => $3)`,
      [hashOf(token), email.trim().toLowerCase(), KNOWN_DEVICE_DAYS],
    );
    return rows[0]?.id;
  }

  /**
   * After a successful sign-in: the device token to keep. The presented one when it belongs to
   * this user (its use is recorded), else a new one.
   */
  async remember(userId: string, presented: string | undefined): Promise<string> {
    if (presented && DEVICE_TOKEN_PATTERN.test(presented)) {
      const touched = await this.dataSource.query<[unknown[], number]>(
        `UPDATE known_devices SET last_used_at = now()
          WHERE token_hash = $1 AND user_id = $2
            AND last_used_at > now() - make_interval(days => $3)`,
        [hashOf(presented), userId, KNOWN_DEVICE_DAYS],
      );
      if (touched[1] === 1) return presented;
    }
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(`INSERT INTO known_devices (user_id, token_hash) VALUES ($1, $2)`, [
      userId,
      hashOf(token),
    ]);
    return token;
  }
}
