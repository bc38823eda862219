import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportEntity } from './report.entity';

export type ReportItemKind = 'problem' | 'plan' | 'placeholder';

/** A problem (存在问题), a plan (下步打算) or a template placeholder left in a report. */
@Entity('report_items')
@Index('ix_report_items_report', ['reportId', 'kind', 'ord'])
export class ReportItemEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'report_id', type: 'int', unsigned: true })
  reportId!: number;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_items_report' })
  report?: ReportEntity;

  @Column({ type: 'varchar', length: 16 })
  kind!: ReportItemKind;

  @Column({ type: 'smallint', unsigned: true })
  ord!: number;

  @Column({ type: 'varchar', length: 2000 })
  text!: string;

  @Column({ name: 'evidence_start', type: 'int', unsigned: true })
  evidenceStart!: number;

  @Column({ name: 'evidence_end', type: 'int', unsigned: true })
  evidenceEnd!: number;
}
