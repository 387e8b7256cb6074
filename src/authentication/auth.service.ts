import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditDetails } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { ActivationCodesService } from '../identity/activation-codes.service';
import { SessionEndReason } from '../identity/session.entity';
import { SessionsService } from '../identity/sessions.service';
import { IdentityProvidersService } from '../identity/sso/identity-providers.service';
import { UsersService } from '../identity/users.service';
import { KnownDevicesService } from '../mfa/known-devices.service';
import { InvalidMfaChallenge, InvalidMfaCode, MfaAlreadyEnrolled } from './mfa-errors';
import { MfaService } from '../mfa/mfa.service';
import { MFA_CHALLENGE_SECONDS } from '../identity/sessions.service';
import type { PendingChallenge } from '../identity/sessions.service';
import { AccessTokens } from './access-tokens';
import { ANONYMOUS, type UserActor } from '../auth/actor';
import { InvalidCredentials, InvalidRefreshToken } from './auth-errors';
import { PasswordLoginDisabled } from './oidc/oidc-errors';
import type { ActivateAccountDto } from './dto/activate.dto';
import type { TokenPairDto } from './dto/login.dto';
import type {
  ConfirmMfaEnrolmentDto,
  MfaChallengeDto,
  MfaEnrolledDto,
  MfaEnrolmentDto,
  VerifyMfaDto,
} from './dto/mfa.dto';

/** A person whose password was just verified by the login strategy. */
export interface VerifiedLogin {
  userId: string;
  organisationId: string;
}

/** How a session other than a password login began (single sign-on, ADR 0018). */
export interface SessionOrigin {
  /** Added to the `auth.login` event. */
  details: AuditDetails;
  /** Runs in the session's transaction once the session exists. */
  record(manager: EntityManager, sessionId: string): Promise<void>;
}

/**
 * Sign-in, activation, token refresh and sign-out; every outcome that matters lands in the
 * audit trail.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly codes: ActivationCodesService,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
    private readonly devices: KnownDevicesService,
    private readonly mfa: MfaService,
    private readonly identityProviders: IdentityProvidersService,
  ) {}

  /**
   * After the password: a session, or, for a user who has or needs a second factor, a
   * challenge (a pending session that opens nothing) to complete at `/auth/mfa/*`.
   */
  async signIn(
    login: VerifiedLogin,
    requestId: string,
    device: { presented: string | undefined },
  ): Promise<TokenPairDto | MfaChallengeDto> {
    const state = await this.mfa.stateOf(login.userId);
    if (!state.enrolled && !state.required) return this.startSession(login, requestId, device);
    const { challenge } = await this.dataSource.transaction(async (manager) => {
      const pending = await this.sessions.startPending(manager, login.userId);
      await this.recordSessionEvent(manager, login, pending.sessionId, {
        action: AuditAction.AuthMfaChallenge,
        requestId,
      });
      return pending;
    });
    return {
      mfaToken: challenge,
      expiresIn: MFA_CHALLENGE_SECONDS,
      enrolmentRequired: !state.enrolled,
    };
  }

  /** The second factor (a TOTP code or a recovery code) completes a pending sign-in. */
  async verifyMfa(
    dto: VerifyMfaDto,
    requestId: string,
    device: { presented: string | undefined },
  ): Promise<TokenPairDto> {
    if ((dto.code === undefined) === (dto.recoveryCode === undefined)) throw new InvalidMfaCode();
    return this.completeMfa(dto.mfaToken, requestId, device, async (manager, pending) => {
      const how = await this.mfa.verify(manager, pending.userId, dto);
      return how ? { how } : undefined;
    });
  }

  /** A new TOTP secret for a pending sign-in of someone without a second factor. */
  async startMfaEnrolment(mfaToken: string): Promise<MfaEnrolmentDto> {
    const pending = await this.sessions.findPending(undefined, mfaToken);
    if (!pending) throw new InvalidMfaChallenge();
    if ((await this.mfa.stateOf(pending.userId)).enrolled) throw new MfaAlreadyEnrolled();
    return this.mfa.startEnrolment(pending.userId, pending.email);
  }

  /** A code of the new secret confirms it and completes the sign-in, with recovery codes. */
  async confirmMfaEnrolment(
    dto: ConfirmMfaEnrolmentDto,
    requestId: string,
    device: { presented: string | undefined },
  ): Promise<MfaEnrolledDto> {
    let recoveryCodes: string[] = [];
    const pair = await this.completeMfa(dto.mfaToken, requestId, device, async (manager, p) => {
      if ((await this.mfa.stateOf(p.userId, manager)).enrolled) throw new MfaAlreadyEnrolled();
      const codes = await this.mfa.confirmEnrolment(manager, p.userId, dto.code);
      if (!codes) return undefined;
      recoveryCodes = codes;
      return { how: 'enrolment' };
    });
    return { ...pair, recoveryCodes };
  }

  private async completeMfa(
    mfaToken: string,
    requestId: string,
    device: { presented: string | undefined },
    check: (
      manager: EntityManager,
      pending: PendingChallenge,
    ) => Promise<{ how: string } | undefined>,
  ): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const pending = await this.sessions.findPending(manager, mfaToken);
      if (!pending) return { result: 'no-challenge' as const };
      const passed = await check(manager, pending);
      if (!passed) return { result: 'wrong-code' as const, pending };
      const refreshToken = await this.sessions.completePending(manager, pending.sessionId);
      await this.recordSessionEvent(manager, pending, pending.sessionId, {
        action: AuditAction.AuthLogin,
        requestId,
        details: { secondFactor: passed.how },
      });
      return { result: 'ok' as const, pending, refreshToken };
    });
    if (outcome.result === 'no-challenge') throw new InvalidMfaChallenge();
    if (outcome.result === 'wrong-code') {
      await this.audit.recordAlone({
        actorKind: 'user',
        actorId: outcome.pending.userId,
        organisationId: outcome.pending.organisationId,
        action: AuditAction.AuthMfa,
        outcome: 'failure',
        resourceType: 'session',
        resourceId: outcome.pending.sessionId,
        requestId,
      });
      throw new InvalidMfaCode();
    }
    const pair = this.pair(outcome.pending.userId, outcome.pending.sessionId, outcome.refreshToken);
    return {
      ...pair,
      deviceToken: await this.devices.remember(outcome.pending.userId, device.presented),
    };
  }

  /** Unknown account, wrong password and disabled account fail alike (status, body, time). */
  async verifyLogin(email: string, password: string, requestId: string): Promise<VerifiedLogin> {
    const check = await this.users.checkCredentials(email, password);
    if (check.ok) {
      const login = { userId: check.userId, organisationId: check.organisationId };
      // Checked after the password, so that the answer tells nothing to who does not know it.
      if (await this.identityProviders.passwordLoginAllowed(check.organisationId)) return login;
      await this.audit.recordAlone({
        actorKind: 'user',
        actorId: check.userId,
        organisationId: check.organisationId,
        action: AuditAction.AuthLogin,
        outcome: 'failure',
        requestId,
        details: { reason: 'password_login_disabled' },
      });
      throw new PasswordLoginDisabled();
    }
    await this.audit.recordAlone({
      ...(check.userId
        ? { actorKind: 'user', actorId: check.userId, organisationId: check.organisationId }
        : ANONYMOUS),
      action: AuditAction.AuthLogin,
      outcome: 'failure',
      requestId,
      details: { reason: check.reason },
    });
    throw new InvalidCredentials();
  }

  /**
   * Opens a session for a verified login. With `device` (a sign-in over HTTP), the answer
   * carries the device token to keep: the one presented, if it is this user's, else a new one.
   * With `origin` (a single sign-on), the session records where it began.
   */
  async startSession(
    login: VerifiedLogin,
    requestId: string,
    device?: { presented: string | undefined },
    origin?: SessionOrigin,
  ): Promise<TokenPairDto> {
    const { sessionId, refreshToken } = await this.dataSource.transaction(async (manager) => {
      const started = await this.sessions.start(manager, login.userId);
      await origin?.record(manager, started.sessionId);
      await this.recordSessionEvent(manager, login, started.sessionId, {
        action: AuditAction.AuthLogin,
        requestId,
        details: origin?.details,
      });
      return started;
    });
    const pair = this.pair(login.userId, sessionId, refreshToken);
    if (!device) return pair;
    return { ...pair, deviceToken: await this.devices.remember(login.userId, device.presented) };
  }

  /** A successful event of a user's session, in the transaction that made or changed it. */
  private recordSessionEvent(
    manager: EntityManager,
    who: { userId: string; organisationId: string },
    sessionId: string,
    event: { action: AuditAction; requestId: string; details?: AuditDetails },
  ): Promise<void> {
    return this.audit.record(manager, {
      actorKind: 'user',
      actorId: who.userId,
      organisationId: who.organisationId,
      action: event.action,
      outcome: 'success',
      resourceType: 'session',
      resourceId: sessionId,
      requestId: event.requestId,
      ...(event.details ? { details: event.details } : {}),
    });
  }

  async refresh(refreshToken: string, requestId: string): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const result = await this.sessions.refresh(manager, refreshToken);
      if (result.result === 'reused') {
        await this.audit.record(manager, {
          actorKind: 'user',
          actorId: result.userId,
          organisationId: result.organisationId,
          action: AuditAction.AuthRefreshReuse,
          outcome: 'denied',
          resourceType: 'session',
          resourceId: result.sessionId,
          requestId,
        });
      }
      return result;
    });
    if (outcome.result !== 'rotated') throw new InvalidRefreshToken();
    return this.pair(outcome.userId, outcome.sessionId, outcome.refreshToken);
  }

  /** The user behind a one-time code chooses their password (ADR 0008). */
  activate(dto: ActivateAccountDto, requestId: string): Promise<void> {
    return this.codes.redeem(dto.code, dto.newPassword, requestId);
  }

  async logout(actor: UserActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.end(manager, actor.sessionId, SessionEndReason.Logout);
      await this.audit.recordBy(manager, actor, {
        action: AuditAction.AuthLogout,
        outcome: 'success',
        resourceType: 'session',
        resourceId: actor.sessionId,
      });
    });
  }

  private pair(userId: string, sessionId: string, refreshToken: string): TokenPairDto {
    const { accessToken, expiresIn } = this.tokens.issue({ userId, sessionId });
    return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken };
  }
}
