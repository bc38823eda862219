import type { MentionOrigin, ReviewState } from '@thermocline/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumns } from './date-columns';
import { ReportEntity } from './report.entity';

/** One number read from a report (or added by a reviewer), with the sentence it came from. */
@Entity('mentions')
@Index('ix_mentions_report', ['reportId', 'metricKey'])
@Index('ix_mentions_phrase', ['phrase'])
export class MentionEntity extends DateColumns {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'report_id', type: 'int', unsigned: true })
  reportId!: number;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_mentions_report' })
  report?: ReportEntity;

  /** NULL: an unclassified count (no metric took it) — shown for review, never in totals. */
  @Column({ name: 'metric_key', type: 'varchar', length: 64, nullable: true, default: null })
  metricKey!: string | null;

  /** An unclassified count's normalised wording ("播放政策提示N次"), grouped for the administrators. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  phrase!: string | null;

  @Column({ type: 'double' })
  value!: number;

  @Column({ type: 'boolean', default: false })
  approx!: boolean;

  /** The measure word (量词) as written: 次, 篇, 人次… */
  @Column({ name: 'unit_word', type: 'varchar', length: 16, default: '' })
  unitWord!: string;

  /** A 其中 subset of a whole with the same key: shown, never added to the total twice. */
  @Column({ type: 'boolean', default: false })
  subset!: boolean;

  @Column({ name: 'evidence_start', type: 'int', unsigned: true })
  evidenceStart!: number;

  @Column({ name: 'evidence_end', type: 'int', unsigned: true })
  evidenceEnd!: number;

  @Column({ name: 'evidence_text', type: 'varchar', length: 1000 })
  evidenceText!: string;

  @Column({ type: 'varchar', length: 8 })
  origin!: MentionOrigin;

  @Column({ type: 'varchar', length: 16 })
  state!: ReviewState;

  /** What the extractor said before a reviewer corrected it. */
  @Column({ name: 'original_key', type: 'varchar', length: 64, nullable: true, default: null })
  originalKey!: string | null;

  @Column({ name: 'original_value', type: 'double', nullable: true, default: null })
  originalValue!: number | null;

  @Column({ name: 'reviewed_by', type: 'int', unsigned: true, nullable: true, default: null })
  reviewedBy!: number | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true, default: null })
  reviewedAt!: Date | null;
}
