import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ANONYMOUS } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { RequestValidationError } from '../common/problem/domain-error';
import type { AppConfig } from '../config/app-config';
import { ActivationPurpose } from './activation-code.entity';
import { ActivationCodeRepository } from './activation-code.repository';
import { InvalidActivationCode } from './identity-errors';
import { PasswordHasher } from './password/password-hasher';
import { passwordProblems } from './password/password-policy';
import { UserRepository } from './user.repository';

/** RFC 4648 base32: no 0/1/8/9, so a code read aloud or from paper is not misread as O/I/B/g. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CODE_CHARS = 32;
const GROUP = 4;
/** As typed: 32 characters, grouped by dashes or spaces, in any case. */
const NORMALISED = /^[A-Z2-7]{32}$/;

/** `ABCD-EFGH-…`: 32 characters of 5 random bits each, 160 bits in all, in groups of four. */
function newCode(): string {
  const chars = [...randomBytes(CODE_CHARS)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

function normalise(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Codes carry 160 random bits, so a fast hash is enough: nothing to guess offline. */
function hashCode(normalised: string): Buffer {
  return createHash('sha256').update(normalised, 'utf8').digest();
}

/** A code as it is shown, once, to whoever issued or approved it. */
export interface IssuedActivationCode {
  userId: string;
  code: string;
  purpose: ActivationPurpose;
  expiresAt: Date;
}

/**
 * One-time codes with which a user chooses their own password: for a new account, and after a
 * password reset (ADR 0008). Lotse never sets a password over the API; whoever hands a code over
 * never learns the password chosen with it.
 */
@Injectable()
export class ActivationCodesService {
  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: ActivationCodeRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('auth', { infer: true }).activationCodeTtlHours * 3_600_000;
  }

  /**
   * Issues a code for the user inside the caller's transaction, voiding any earlier one, and
   * returns it: the only time it exists outside a hash. `issuedTo`: who is shown the code.
   */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: ActivationPurpose,
    issuedTo: string | null,
  ): Promise<IssuedActivationCode> {
    await this.codes.voidOpenOfUser(manager, userId);
    const code = newCode();
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await this.codes.insert(manager, {
      userId,
      codeHash: hashCode(normalise(code)),
      purpose,
      issuedTo,
      expiresAt,
    });
    return { userId, code, purpose, expiresAt };
  }

  /** Voids the user's open codes (the user was disabled). */
  async voidAllOfUser(manager: EntityManager, userId: string): Promise<void> {
    await this.codes.voidOpenOfUser(manager, userId);
  }

  /**
   * The user behind the code chooses their password: the code is used up, the password policy
   * applies as everywhere (also against the user's own email address). An unknown, used,
   * voided or expired code, or one whose user or organisation is disabled, fails alike.
   */
  async redeem(code: string, newPassword: string, requestId: string): Promise<void> {
    const normalised = normalise(code);
    const codeHash = NORMALISED.test(normalised) ? hashCode(normalised) : undefined;
    const found = codeHash && (await this.codes.findRedeemable(codeHash, undefined));
    if (!codeHash || !found) return this.refuse(requestId);
    const [problem] = passwordProblems(newPassword, { email: found.email });
    if (problem) {
      throw new RequestValidationError([
        { field: 'newPassword', messages: [problem.replace(/^password/, 'newPassword')] },
      ]);
    }
    const passwordHash = await this.hasher.hash(newPassword);
    const redeemed = await this.dataSource.transaction(async (manager) => {
      // Again under a row lock: of two redemptions at once, exactly one finds it unused.
      const locked = await this.codes.findRedeemable(codeHash, manager);
      if (!locked) return false;
      await this.codes.markUsed(manager, locked.id);
      await this.users.setPassword(manager, locked.userId, passwordHash);
      await this.audit.record(manager, {
        actorKind: 'user',
        actorId: locked.userId,
        organisationId: locked.organisationId,
        action: AuditAction.UserActivate,
        outcome: 'success',
        resourceType: 'user',
        resourceId: locked.userId,
        requestId,
        details: { organisationId: locked.organisationId, purpose: locked.purpose },
      });
      return true;
    });
    if (!redeemed) return this.refuse(requestId);
  }

  private async refuse(requestId: string): Promise<never> {
    await this.audit.recordAlone({
      ...ANONYMOUS,
      action: AuditAction.UserActivate,
      outcome: 'failure',
      requestId,
      details: { reason: 'invalid_code' },
    });
    throw new InvalidActivationCode();
  }
}
