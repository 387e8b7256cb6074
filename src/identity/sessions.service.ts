import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { openSuccessor, sealSuccessor } from './refresh-successor';
import {
  SessionRepository,
  type PendingChallenge,
  type RefreshTokenState,
  type SessionPrincipal,
} from './session.repository';
import { SessionEndReason } from './session.entity';

export type { PendingChallenge } from './session.repository';

/** A session ends 12 hours after sign-in however active it is (ASVS 7.3.2). */
export const SESSION_MAX_SECONDS = 12 * 60 * 60;
/** A refresh token unused for an hour is dead: the idle limit (ASVS 7.3.1). */
export const REFRESH_IDLE_SECONDS = 60 * 60;
/** How long an ended or expired session is kept (for the lead's and auditor's questions). */
export const SESSION_KEPT_DAYS = 30;

/**
 * A second use of a just-rotated refresh token within this many seconds gets the same new pair
 * (two tabs refreshing at once); later, it is reuse and ends the family (ADR 0017).
 */
export const REFRESH_REUSE_GRACE_SECONDS = 10;
/** How long a password sign-in waits for its second factor (ADR 0017). */
export const MFA_CHALLENGE_SECONDS = 5 * 60;

export type RefreshOutcome =
  | { result: 'rotated'; userId: string; sessionId: string; refreshToken: string }
  /** An already exchanged token came back: its whole session (token family) is now ended. */
  | { result: 'reused'; userId: string; organisationId: string; sessionId: string }
  | { result: 'invalid' };

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function secondsFromNow(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}

/** Sessions and their rotating refresh tokens. Tokens are stored as SHA-256 only. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findLivePrincipal(sessionId: string, userId: string): Promise<SessionPrincipal | undefined> {
    return this.sessions.findLivePrincipal(sessionId, userId);
  }

  /**
   * Deletes what can never be used again (a job, ADR 0019): refresh tokens past their expiry,
   * and sessions ended or expired more than `SESSION_KEPT_DAYS` ago, with their tokens. Safe to
   * run in every instance at once.
   */
  async prune(
    manager: EntityManager,
    now: Date,
  ): Promise<{ refreshTokens: number; sessions: number }> {
    const [, refreshTokens] = await manager.query<[unknown, number]>(
      'DELETE FROM refresh_tokens WHERE expires_at < $1',
      [now],
    );
    const cutoff = new Date(now.getTime() - SESSION_KEPT_DAYS * 86_400_000);
    const [, sessions] = await manager.query<[unknown, number]>(
      'DELETE FROM sessions WHERE coalesce(ended_at, expires_at) < $1 OR expires_at < $1',
      [cutoff],
    );
    return { refreshTokens, sessions };
  }

  /** Opens a session for a verified user; returns its id and first refresh token. */
  async start(
    manager: EntityManager,
    userId: string,
  ): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = randomUUID();
    const expiresAt = secondsFromNow(SESSION_MAX_SECONDS);
    await this.sessions.insertSession(manager, { id: sessionId, userId, expiresAt });
    const refreshToken = await this.addRefreshToken(manager, sessionId, expiresAt);
    return { sessionId, refreshToken };
  }

  /**
   * Opens a session that waits for its second factor: the returned challenge token completes
   * it (`completePending`) within MFA_CHALLENGE_SECONDS; until then it opens nothing.
   */
  async startPending(
    manager: EntityManager,
    userId: string,
  ): Promise<{ sessionId: string; challenge: string }> {
    const sessionId = randomUUID();
    const challenge = randomBytes(32).toString('base64url');
    await this.sessions.insertSession(manager, {
      id: sessionId,
      userId,
      expiresAt: secondsFromNow(MFA_CHALLENGE_SECONDS),
      mfaPending: true,
      mfaChallengeHash: hashToken(challenge),
    });
    return { sessionId, challenge };
  }

  /** The pending session of a challenge token; `lock` in the transaction that completes it. */
  findPending(
    manager: EntityManager | undefined,
    challenge: string,
  ): Promise<PendingChallenge | undefined> {
    return manager
      ? this.sessions.findPendingChallenge(manager, hashToken(challenge), true)
      : this.sessions.findPendingChallenge(this.dataSource, hashToken(challenge));
  }

  /** The second factor was given: the session is a full one, with its first refresh token. */
  async completePending(manager: EntityManager, sessionId: string): Promise<string> {
    const expiresAt = secondsFromNow(SESSION_MAX_SECONDS);
    await this.sessions.completePending(manager, sessionId, expiresAt);
    return this.addRefreshToken(manager, sessionId, expiresAt);
  }

  /**
   * Exchanges a refresh token for a new one (rotation). Presenting a token a second time is
   * taken as theft: the session ends, so neither the thief nor the owner can go on with it.
   * Except within the grace window, while its successor is still unused: then the caller gets
   * that successor again (the OAuth 2.0 Security BCP's allowance for concurrent refreshes).
   */
  async refresh(manager: EntityManager, refreshToken: string): Promise<RefreshOutcome> {
    const state = await this.sessions.lockRefreshToken(
      manager,
      hashToken(refreshToken),
      REFRESH_REUSE_GRACE_SECONDS,
    );
    if (!state) return { result: 'invalid' };
    if (state.used) {
      const successor = await this.successorWithinGrace(manager, refreshToken, state);
      if (successor) {
        return {
          result: 'rotated',
          userId: state.userId,
          sessionId: state.sessionId,
          refreshToken: successor,
        };
      }
      await this.sessions.endSession(manager, state.sessionId, SessionEndReason.RefreshReuse);
      return {
        result: 'reused',
        userId: state.userId,
        organisationId: state.organisationId,
        sessionId: state.sessionId,
      };
    }
    if (!state.valid) return { result: 'invalid' };
    const next = await this.addRefreshToken(manager, state.sessionId, state.sessionExpiresAt);
    await this.sessions.markRefreshTokenUsed(
      manager,
      state.tokenId,
      sealSuccessor(refreshToken, next),
    );
    return {
      result: 'rotated',
      userId: state.userId,
      sessionId: state.sessionId,
      refreshToken: next,
    };
  }

  end(manager: EntityManager, sessionId: string, reason: SessionEndReason): Promise<boolean> {
    return this.sessions.endSession(manager, sessionId, reason);
  }

  endAllOfUser(
    manager: EntityManager,
    userId: string,
    reason: SessionEndReason,
    keep?: string,
  ): Promise<number> {
    return this.sessions.endSessionsOfUser(manager, userId, reason, keep);
  }

  endAllOfOrganisation(
    manager: EntityManager,
    organisationId: string,
    reason: SessionEndReason,
  ): Promise<number> {
    return this.sessions.endSessionsOfOrganisation(manager, organisationId, reason);
  }

  private async successorWithinGrace(
    manager: EntityManager,
    refreshToken: string,
    state: RefreshTokenState,
  ): Promise<string | undefined> {
    if (!state.usedWithinGrace || !state.successorSealed) return undefined;
    const successor = openSuccessor(refreshToken, state.successorSealed);
    if (!successor) return undefined;
    const live = await this.sessions.isUnusedAndValid(
      manager,
      state.sessionId,
      hashToken(successor),
    );
    return live ? successor : undefined;
  }

  private async addRefreshToken(
    manager: EntityManager,
    sessionId: string,
    sessionExpiresAt: Date,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const idle = secondsFromNow(REFRESH_IDLE_SECONDS);
    await this.sessions.insertRefreshToken(manager, {
      sessionId,
      tokenHash: hashToken(token),
      expiresAt: idle < sessionExpiresAt ? idle : sessionExpiresAt,
    });
    return token;
  }
}
