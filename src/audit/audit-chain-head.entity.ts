import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The end of the hash chain: one row (id 1), seeded by the migration with position 0 and 32
 * zero bytes. Sealers lock it `FOR UPDATE`, which keeps the chain linear across instances.
 */
@Entity({ name: 'audit_chain_head' })
@Check('audit_chain_head_single_row', '"id" = 1')
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'audit_chain_head_pkey' })
  id: number;

  /** A bigint; the driver returns it as a string. */
  @Column({ type: 'bigint' })
  position: string;

  @Column({ type: 'bytea' })
  hash: Buffer;
}
