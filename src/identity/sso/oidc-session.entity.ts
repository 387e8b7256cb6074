import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Session } from '../session.entity';

/**
 * A Lotse session begun by single sign-on: which subject (and which session at the identity
 * provider, `sid`) it belongs to, so that a back-channel logout can end it.
 */
@Entity({ name: 'oidc_sessions' })
@Index('oidc_sessions_provider_id_subject_idx', ['providerId', 'subject'])
@Index('oidc_sessions_provider_id_idp_session_id_idx', ['providerId', 'idpSessionId'])
export class OidcSession {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @OneToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'oidc_sessions_session_id_fkey' })
  session?: Session;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'varchar', length: 255 })
  subject: string;

  /** The identity provider's `sid` claim, when it sends one. */
  @Column({ name: 'idp_session_id', type: 'varchar', length: 255, nullable: true })
  idpSessionId: string | null;
}
