import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { BillingUnit } from '../providers/billing-unit';
import { BillingStatement } from './billing-statement.entity';

/**
 * One line of a statement: a referral id, a billable unit and its price at the time of the
 * edition. Nothing else: no name, no content (ADR 0023). `referral_id` has no foreign key: a
 * line is kept when its client is erased (a retention duty of the accounts, ADR 0023), and then
 * names a referral that no longer exists.
 */
@Entity({ name: 'billing_statement_lines' })
@Index(
  'billing_statement_lines_statement_id_referral_id_unit_key',
  ['statementId', 'referralId', 'unit'],
  { unique: true },
)
@Check('billing_statement_lines_price_check', '"unit_price_cents" >= 0')
export class BillingStatementLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  @ManyToOne(() => BillingStatement, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'statement_id',
    foreignKeyConstraintName: 'billing_statement_lines_statement_id_fkey',
  })
  statement?: BillingStatement;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ type: 'enum', enum: BillingUnit, enumName: 'billing_unit' })
  unit: BillingUnit;

  @Column({ name: 'unit_price_cents', type: 'int' })
  unitPriceCents: number;
}
