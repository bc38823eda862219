import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ReportEntity } from './report.entity';

/** The stored plain text of a report: every evidence offset points into it. Kept apart from
 * `reports` so listing reports never drags the texts along. */
@Entity('report_texts')
export class ReportTextEntity {
  @PrimaryColumn({ name: 'report_id', type: 'int', unsigned: true })
  reportId!: number;

  @OneToOne(() => ReportEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_texts_report' })
  report?: ReportEntity;

  @Column({ type: 'longtext' })
  text!: string;
}
