import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { open, seal } from '../common/crypto/sealed-box';
import type { AppConfig } from '../config/app-config';
import { joinOrganisation, joinUser, userWithEmail } from '../identity/identity.sql';
import { acceptedStep, newTotpSecret, totpUri } from './totp';

/** Roles whose holders always sign in with a second factor (docs/security.md item 14). */
export const MFA_ROLES = ['admin', 'auditor'] as const;
export const RECOVERY_CODE_COUNT = 10;

// Used only outside production when neither MFA_SECRET_KEY nor JWT_SECRET is set, so that an
// embedded database kept on disk stays usable across restarts.
const DEVELOPMENT_KEY = 'lotse development key for TOTP secrets, never used in production';

export interface MfaState {
  enrolled: boolean;
  required: boolean;
}

interface FactorRow {
  secret: Buffer | null;
  pending: Buffer | null;
  lastStep: string | null;
}

/** A recovery code: 10 base32 characters (50 bits) shown as `XXXXX-XXXXX`. */
function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = [...randomBytes(10)].map((b) => alphabet[b % 32]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function recoveryHash(code: string): Buffer {
  const normal = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`lotse recovery code\u0000${normal}`, 'utf8').digest();
}

/**
 * TOTP second factor (RFC 6238) and recovery codes (ADR 0017). Secrets are sealed at rest with
 * AES-256-GCM under a key derived from MFA_SECRET_KEY (or JWT_SECRET); recovery codes are kept
 * as SHA-256 and work once; a code's time step is recorded so that it cannot be replayed.
 */
@Injectable()
export class MfaService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    const material = auth.mfaSecretKey ?? auth.jwtSecret;
    if (!material) {
      new Logger('Mfa').warn(
        'Neither MFA_SECRET_KEY nor JWT_SECRET is set: TOTP secrets are sealed with a development key.',
      );
    }
    this.key = Buffer.from(
      hkdfSync('sha256', material ?? DEVELOPMENT_KEY, 'lotse', 'totp secrets v1', 32),
    );
  }

  /** Whether the user has a second factor, and whether they must have one. */
  async stateOf(userId: string, manager?: EntityManager): Promise<MfaState> {
    const [row] = await (manager ?? this.dataSource).query<MfaState[]>(
      `SELECT (f.enrolled_at IS NOT NULL) AS enrolled,
              (o.mfa_required OR u.roles && $2::user_role[]) AS required
         FROM (SELECT $1::uuid AS id) me
         ${joinUser('u', 'me.id')}
         ${joinOrganisation('o', 'u.organisation_id')}
         LEFT JOIN mfa_factors f ON f.user_id = u.id`,
      [userId, MFA_ROLES],
    );
    return row ?? { enrolled: false, required: false };
  }

  /** A new secret to enrol, replacing any unconfirmed one; shown once, confirmed by a code. */
  async startEnrolment(
    userId: string,
    account: string,
  ): Promise<{ secret: string; otpauthUri: string }> {
    const secret = newTotpSecret();
    await this.dataSource.query(
      `INSERT INTO mfa_factors (user_id, pending_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET pending_sealed = excluded.pending_sealed`,
      [userId, seal(this.key, secret)],
    );
    return { secret, otpauthUri: totpUri(account, secret) };
  }

  /** Demo data only: the second factor of the user with this email is this known secret. */
  async enrolKnownSecret(email: string, secret: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO mfa_factors (user_id, secret_sealed, enrolled_at)
       SELECT u.id, $2, now() FROM ${userWithEmail('u', '$1')}
       ON CONFLICT (user_id) DO NOTHING`,
      [email, seal(this.key, secret)],
    );
  }

  /** Confirms the pending secret with a code of it; returns the new recovery codes. */
  async confirmEnrolment(
    manager: EntityManager,
    userId: string,
    code: string,
  ): Promise<string[] | undefined> {
    const row = await this.lockFactor(manager, userId);
    const secret = row?.pending ? open(this.key, row.pending) : undefined;
    const step = secret ? acceptedStep(secret, code, null) : undefined;
    if (!secret || step === undefined) return undefined;
    await manager.query(
      `UPDATE mfa_factors SET secret_sealed = $2, pending_sealed = NULL, enrolled_at = now(),
              last_step = $3
        WHERE user_id = $1`,
      [userId, seal(this.key, secret), step],
    );
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await manager.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    await manager.query(
      `INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`,
      [userId, codes.map(recoveryHash)],
    );
    return codes;
  }

  /** Checks a TOTP code (not replayed) or a recovery code (then used up). */
  async verify(
    manager: EntityManager,
    userId: string,
    proof: { code?: string; recoveryCode?: string },
  ): Promise<'totp' | 'recovery_code' | undefined> {
    const row = await this.lockFactor(manager, userId);
    if (!row?.secret) return undefined;
    if (proof.code !== undefined) {
      const secret = open(this.key, row.secret);
      const last = row.lastStep === null ? null : Number(row.lastStep);
      const step = secret ? acceptedStep(secret, proof.code, last) : undefined;
      if (step === undefined) return undefined;
      await manager.query('UPDATE mfa_factors SET last_step = $2 WHERE user_id = $1', [
        userId,
        step,
      ]);
      return 'totp';
    }
    if (proof.recoveryCode !== undefined) {
      const used = await manager.query<[unknown[], number]>(
        `UPDATE mfa_recovery_codes SET used_at = now()
          WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
        [userId, recoveryHash(proof.recoveryCode)],
      );
      return used[1] === 1 ? 'recovery_code' : undefined;
    }
    return undefined;
  }

  private async lockFactor(manager: EntityManager, userId: string): Promise<FactorRow | undefined> {
    const rows = await manager.query<FactorRow[]>(
      `SELECT secret_sealed AS secret, pending_sealed AS pending, last_step::text AS "lastStep"
         FROM mfa_factors WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0];
  }
}
