import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SessionEndReason } from '../session.entity';
import { OidcSession } from './oidc-session.entity';

/**
 * The Lotse sessions begun by single sign-on, and ending them by what the identity provider
 * knows of them: the subject, or its own session id (`sid`).
 */
@Injectable()
export class OidcSessionRepository {
  async insert(manager: EntityManager, row: OidcSession): Promise<void> {
    await manager.insert(OidcSession, row);
  }

  /**
   * Ends the open sessions of the provider matching `match`: a subject, a subject's one
   * session at the provider, or (neither) every session begun through the provider.
   */
  async end(
    manager: EntityManager,
    providerId: string,
    match: { subject?: string; idpSessionId?: string },
    reason: SessionEndReason,
  ): Promise<number> {
    const result = await manager.query<[unknown[], number]>(
      `UPDATE sessions s SET ended_at = now(), end_reason = $2
         FROM oidc_sessions o
        WHERE o.session_id = s.id AND o.provider_id = $1 AND s.ended_at IS NULL
          AND ($3::varchar IS NULL OR o.subject = $3)
          AND ($4::varchar IS NULL OR o.idp_session_id = $4)`,
      [providerId, reason, match.subject ?? null, match.idpSessionId ?? null],
    );
    return result[1];
  }
}
