import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DataCategory } from '../confidentiality/data-category';
import { Report } from './report.entity';

/** One section of a report: exactly one data category, a bounded text, optional fields. */
@Entity({ name: 'report_sections' })
@Index('report_sections_report_id_position_key', ['reportId', 'position'], { unique: true })
@Index('report_sections_report_id_category_idx', ['reportId', 'category'])
export class ReportSection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'report_sections_report_id_fkey' })
  report?: Report;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'enum', enum: DataCategory, enumName: 'data_category' })
  category: DataCategory;

  @Column({ type: 'varchar', length: 5000 })
  text: string;

  /** Structured facts of the category (e.g. housing: `threatenedLoss`), validated per category. */
  @Column({ type: 'jsonb', nullable: true })
  fields: Record<string, unknown> | null;
}
