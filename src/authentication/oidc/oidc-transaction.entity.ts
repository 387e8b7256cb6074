import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sign-in begun at `GET /auth/oidc/{id}/login` and not yet finished: what the
 * callback must check (state, nonce, PKCE verifier, the browser that began it). Server-side, so
 * that every instance can finish it; used once, gone after ten minutes.
 */
@Entity({ name: 'oidc_transactions' })
export class OidcTransaction {
  /** SHA-256 of `state`: the row is found by it, and a database reader cannot replay it. */
  @PrimaryColumn({ name: 'state_hash', type: 'bytea' })
  stateHash: Buffer;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ name: 'code_verifier', type: 'varchar', length: 128 })
  codeVerifier: string;

  @Column({ type: 'varchar', length: 128 })
  nonce: string;

  /** SHA-256 of the value of the browser-binding cookie set at the start. */
  @Column({ name: 'browser_hash', type: 'bytea' })
  browserHash: Buffer;

  @Index('oidc_transactions_expires_at_idx')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
