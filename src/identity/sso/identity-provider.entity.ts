import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { Role } from '../../auth/role';
import { Organisation } from '../organisation.entity';

/** One value of the roles claim and the Lotse role it stands for. */
export interface RoleMappingEntry {
  /** A group path or role name as the identity provider puts it into the claim. */
  value: string;
  role: Role;
}

/**
 * An organisation's OpenID provider (its Keycloak realm, its AD FS): who signs its people in,
 * and how their groups become Lotse roles (ADR 0018). At most one per organisation.
 */
@Entity({ name: 'identity_providers' })
export class IdentityProvider {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('identity_providers_organisation_id_key', { unique: true })
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'identity_providers_organisation_id_fkey',
  })
  organisation?: Organisation;

  /** The issuer identifier (`iss`); discovery is read from `<issuer>/.well-known/…`. */
  @Index('identity_providers_issuer_idx')
  @Column({ type: 'varchar', length: 500 })
  issuer: string;

  @Column({ name: 'client_id', type: 'varchar', length: 200 })
  clientId: string;

  /**
   * The client secret, AES-256-GCM encrypted (`src/identity/sso/client-secret-box.ts`); null
   * for a public client (PKCE only). Never leaves the identity module, never in an answer.
   */
  @Column({ name: 'client_secret_enc', type: 'bytea', nullable: true })
  clientSecretEnc: Buffer | null;

  /** The ID-token claim with the person's groups or roles, e.g. `groups`; dots descend. */
  @Column({ name: 'roles_claim', type: 'varchar', length: 100 })
  rolesClaim: string;

  /** Which claim values make which Lotse roles; a person with none of them is no member. */
  @Column({ name: 'role_mapping', type: 'jsonb' })
  roleMapping: RoleMappingEntry[];

  /** false: the organisation's people can no longer sign in with a Lotse password. */
  @Column({ name: 'password_login', type: 'boolean', default: true })
  passwordLogin: boolean;

  /** false: nobody signs in through this provider (its links are kept). */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
