import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-actions';
import { ActivationCodesService } from '../identity/activation-codes.service';
import { SessionEndReason } from '../identity/session.entity';
import { SessionsService } from '../identity/sessions.service';
import { UsersService } from '../identity/users.service';
import { KnownDevicesService } from '../mfa/known-devices.service';
import { AccessTokens } from './access-tokens';
import { ANONYMOUS, type UserActor } from '../auth/actor';
import { InvalidCredentials, InvalidRefreshToken } from './auth-errors';
import type { ActivateAccountDto } from './dto/activate.dto';
import type { TokenPairDto } from './dto/login.dto';

/** A person whose password was just verified by the login strategy. */
export interface VerifiedLogin {
  userId: string;
  organisationId: string;
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
  ) {}

  /** Unknown account, wrong password and disabled account fail alike (status, body, time). */
  async verifyLogin(email: string, password: string, requestId: string): Promise<VerifiedLogin> {
    const check = await this.users.checkCredentials(email, password);
    if (check.ok) return { userId: check.userId, organisationId: check.organisationId };
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
   */
  async startSession(
    login: VerifiedLogin,
    requestId: string,
    device?: { presented: string | undefined },
  ): Promise<TokenPairDto> {
    const { sessionId, refreshToken } = await this.dataSource.transaction(async (manager) => {
      const started = await this.sessions.start(manager, login.userId);
      await this.audit.record(manager, {
        actorKind: 'user',
        actorId: login.userId,
        organisationId: login.organisationId,
        action: AuditAction.AuthLogin,
        outcome: 'success',
        resourceType: 'session',
        resourceId: started.sessionId,
        requestId,
      });
      return started;
    });
    const pair = this.pair(login.userId, sessionId, refreshToken);
    if (!device) return pair;
    return { ...pair, deviceToken: await this.devices.remember(login.userId, device.presented) };
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
