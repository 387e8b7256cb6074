import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../auth/role';
import type { OrganisationKind } from '../common/organisation-kind';
import { namedStatement } from '../common/database/statement-names';
import { RefreshToken } from './refresh-token.entity';
import { livePrincipalSql } from './principals.sql';
import { Session, SessionEndReason } from './session.entity';

const LIVE_PRINCIPAL = namedStatement('identity_live_principal', livePrincipalSql('$1', '$2'));

/** Who stands behind a live session: checked on every request with an access token. */
export interface SessionPrincipal {
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: Role[];
}

/** A refresh token with the state of its session and user, locked for the exchange. */
export interface RefreshTokenState {
  tokenId: string;
  sessionId: string;
  userId: string;
  organisationId: string;
  used: boolean;
  /** Used no longer ago than the grace window (ADR 0017). */
  usedWithinGrace: boolean;
  /** The successor sealed with this token, once used. */
  successorSealed: Buffer | null;
  /** The token, its session, its user and their organisation are all still valid. */
  valid: boolean;
  sessionExpiresAt: Date;
}

/** A session waiting for its second factor, found by its challenge token. */
export interface PendingChallenge {
  sessionId: string;
  userId: string;
  organisationId: string;
  email: string;
}

@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One indexed query per request: the session is open and unexpired, its user active and
   * their organisation active. Anything else, and the access token is dead at once.
   */
  async findLivePrincipal(
    sessionId: string,
    userId: string,
  ): Promise<SessionPrincipal | undefined> {
    const rows = await this.dataSource.query<SessionPrincipal[]>(LIVE_PRINCIPAL, [
      sessionId,
      userId,
    ]);
    return rows[0];
  }

  async insertSession(manager: EntityManager, session: Partial<Session>): Promise<void> {
    await manager.insert(Session, session);
  }

  async insertRefreshToken(manager: EntityManager, token: Partial<RefreshToken>): Promise<void> {
    await manager.insert(RefreshToken, token);
  }

  /**
   * Locks the token's row so that concurrent exchanges of one token are decided one after the
   * other: the first rotates, the others see it used (and, within `graceSeconds`, its successor).
   */
  async lockRefreshToken(
    manager: EntityManager,
    tokenHash: Buffer,
    graceSeconds: number,
  ): Promise<RefreshTokenState | undefined> {
    const rows = await manager.query<RefreshTokenState[]>(
      `SELECT t.id AS "tokenId", t.session_id AS "sessionId", s.user_id AS "userId",
              u.organisation_id AS "organisationId",
              t.used_at IS NOT NULL AS used,
              coalesce(t.used_at > now() - make_interval(secs => $2), false) AS "usedWithinGrace",
              t.successor_sealed AS "successorSealed",
              (t.expires_at > now() AND s.ended_at IS NULL AND s.expires_at > now()
                 AND u.active AND o.active) AS valid,
              s.expires_at AS "sessionExpiresAt"
         FROM refresh_tokens t
         JOIN sessions s ON s.id = t.session_id
         JOIN users u ON u.id = s.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE t.token_hash = $1
          FOR UPDATE OF t`,
      [tokenHash, graceSeconds],
    );
    return rows[0];
  }

  /** The pending session behind an MFA challenge, while it may still be completed. */
  async findPendingChallenge(
    manager: EntityManager | DataSource,
    challengeHash: Buffer,
    lock = false,
  ): Promise<PendingChallenge | undefined> {
    const rows = await manager.query<PendingChallenge[]>(
      `SELECT s.id AS "sessionId", s.user_id AS "userId", u.organisation_id AS "organisationId",
              u.email
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE s.mfa_challenge_hash = $1 AND s.mfa_pending AND s.ended_at IS NULL
          AND s.expires_at > now() AND u.active AND o.active
        ${lock ? 'FOR UPDATE OF s' : ''}`,
      [challengeHash],
    );
    return rows[0];
  }

  /** A pending session becomes a full one: no challenge any more, the absolute limit anew. */
  async completePending(manager: EntityManager, sessionId: string, expiresAt: Date): Promise<void> {
    await manager.update(
      Session,
      { id: sessionId },
      { mfaPending: false, mfaChallengeHash: null, expiresAt },
    );
  }

  async markRefreshTokenUsed(
    manager: EntityManager,
    tokenId: string,
    successorSealed: Buffer,
  ): Promise<void> {
    await manager.update(RefreshToken, { id: tokenId }, { usedAt: () => 'now()', successorSealed });
  }

  /** Whether the token of this hash, in this session, is unused and still within its limits. */
  async isUnusedAndValid(
    manager: EntityManager,
    sessionId: string,
    tokenHash: Buffer,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM refresh_tokens t
         JOIN sessions s ON s.id = t.session_id
         JOIN users u ON u.id = s.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE t.token_hash = $1 AND t.session_id = $2 AND t.used_at IS NULL
          AND t.expires_at > now() AND s.ended_at IS NULL AND s.expires_at > now()
          AND u.active AND o.active`,
      [tokenHash, sessionId],
    );
    return rows.length === 1;
  }

  /** Ends one session if it is still open; returns whether it was. */
  async endSession(
    manager: EntityManager,
    sessionId: string,
    reason: SessionEndReason,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Session)
      .set({ endedAt: () => 'now()', endReason: reason })
      .where('id = :sessionId AND ended_at IS NULL', { sessionId })
      .execute();
    return result.affected === 1;
  }

  /** Ends every open session of the users of an organisation. */
  async endSessionsOfOrganisation(
    manager: EntityManager,
    organisationId: string,
    reason: SessionEndReason,
  ): Promise<number> {
    const result = await manager.query<[unknown[], number]>(
      `UPDATE sessions s SET ended_at = now(), end_reason = $2
         FROM users u
        WHERE u.id = s.user_id AND u.organisation_id = $1 AND s.ended_at IS NULL`,
      [organisationId, reason],
    );
    return result[1];
  }

  /** Ends every open session of a user, except `keep` (the caller's own, on a password change). */
  async endSessionsOfUser(
    manager: EntityManager,
    userId: string,
    reason: SessionEndReason,
    keep?: string,
  ): Promise<number> {
    const qb = manager
      .createQueryBuilder()
      .update(Session)
      .set({ endedAt: () => 'now()', endReason: reason })
      .where('user_id = :userId AND ended_at IS NULL', { userId });
    if (keep) qb.andWhere('id <> :keep', { keep });
    const result = await qb.execute();
    return result.affected ?? 0;
  }
}
