import type { ReportStatus } from '@thermocline/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumns } from './date-columns';
import { PeriodEntity } from './period.entity';
import { UnitEntity } from './unit.entity';

/**
 * One uploaded version of a unit's report for a period. A re-upload is version N+1; nothing is
 * overwritten. The same bytes for the same unit and period are one report (uq_reports_bytes).
 */
@Entity('reports')
@Index('uq_reports_version', ['unitId', 'periodId', 'version'], { unique: true })
@Index('uq_reports_bytes', ['unitId', 'periodId', 'sha256'], { unique: true })
@Index('ix_reports_period', ['periodId', 'unitId'])
@Index('ix_reports_status', ['status', 'updatedAt'])
export class ReportEntity extends DateColumns {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Column({ name: 'unit_id', type: 'int', unsigned: true })
  unitId!: number;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_reports_unit' })
  unit?: UnitEntity;

  @Column({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_reports_period' })
  period?: PeriodEntity;

  @Column({ type: 'smallint', unsigned: true })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ReportStatus;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true, default: null })
  errorCode!: string | null;

  /** Why extraction failed, in words a branch secretary can act on. */
  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  error!: string | null;

  /** The uploader's file name, made safe for display; never used as a path. */
  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName!: string;

  @Column({ type: 'varchar', length: 8 })
  format!: string;

  @Column({ type: 'varchar', length: 100 })
  mime!: string;

  @Column({ name: 'size_bytes', type: 'int', unsigned: true })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin' })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'int', unsigned: true, nullable: true, default: null })
  uploadedBy!: number | null;

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 })
  submittedAt!: Date;

  /** Submitted after the end of the period's due day (TZ_REPORTS). */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ name: 'extracted_at', type: 'datetime', precision: 3, nullable: true, default: null })
  extractedAt!: Date | null;

  @Column({ name: 'extraction_ms', type: 'int', unsigned: true, nullable: true, default: null })
  extractionMs!: number | null;

  @Column({ name: 'text_chars', type: 'int', unsigned: true, nullable: true, default: null })
  textChars!: number | null;

  /** Quantified mentions per 1,000 characters. */
  @Column({ type: 'double', nullable: true, default: null })
  specificity!: number | null;

  @Column({ type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin', nullable: true, default: null })
  fingerprint!: string | null;

  @Column({ name: 'placeholder_count', type: 'smallint', unsigned: true, default: 0 })
  placeholderCount!: number;
}
