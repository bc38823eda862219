import type { CadencePeriod } from '@thermocline/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportEntity } from './report.entity';

/** A standing rule such as 每月召开一次支委会. */
@Entity('cadences')
export class CadenceEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Index('ix_cadences_report')
  @Column({ name: 'report_id', type: 'int', unsigned: true })
  reportId!: number;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_cadences_report' })
  report?: ReportEntity;

  @Column({ name: 'metric_key', type: 'varchar', length: 64 })
  metricKey!: string;

  @Column({ type: 'varchar', length: 16 })
  per!: CadencePeriod;

  @Column({ type: 'smallint', unsigned: true })
  times!: number;

  @Column({ name: 'evidence_start', type: 'int', unsigned: true })
  evidenceStart!: number;

  @Column({ name: 'evidence_end', type: 'int', unsigned: true })
  evidenceEnd!: number;

  @Column({ name: 'evidence_text', type: 'varchar', length: 1000 })
  evidenceText!: string;
}
