import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText, type JsonValue } from '../json';
import { PeriodEntity } from './period.entity';
import { UnitEntity } from './unit.entity';

/** One unit in one period, as the `aggregate` job computed it: what the dashboard reads. */
@Entity('unit_period_stats')
@Index('ix_ups_unit', ['unitId', 'periodId'])
export class UnitPeriodStatsEntity {
  @PrimaryColumn({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @PrimaryColumn({ name: 'unit_id', type: 'int', unsigned: true })
  unitId!: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_ups_period' })
  period?: PeriodEntity;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_ups_unit' })
  unit?: UnitEntity;

  @Column({ name: 'report_id', type: 'int', unsigned: true, nullable: true, default: null })
  reportId!: number | null;

  /** reported | missing | not_due */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'double', nullable: true, default: null })
  temperature!: number | null;

  @Column({ type: 'longtext', nullable: true, default: null, transformer: jsonText })
  components!: JsonValue | null;

  @Column({ type: 'longtext', transformer: jsonText })
  totals!: JsonValue;

  @Column({ type: 'longtext', nullable: true, default: null, transformer: jsonText })
  facts!: JsonValue | null;

  @Column({ type: 'longtext', transformer: jsonText })
  flags!: JsonValue;

  /** ',cold,late_report,' — lets SQL filter by flag without parsing JSON. */
  @Column({ name: 'flag_codes', type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin', default: '' })
  flagCodes!: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt!: Date;

  /** The unit's place in the tree when aggregated: a closed period keeps the shape it had. */
  @Column({ name: 'parent_id', type: 'int', unsigned: true, nullable: true, default: null })
  parentId!: number | null;

  @Column({ type: 'smallint', unsigned: true, nullable: true, default: null })
  level!: number | null;

  @Column({ type: 'varchar', length: 700, charset: 'ascii', collation: 'ascii_bin', nullable: true, default: null })
  path!: string | null;
}

/** One metric of one unit in one period: comparison charts and the heatmap read these. */
@Entity('unit_period_metrics')
@Index('ix_upm_unit', ['unitId', 'metricKey', 'periodId'])
export class UnitPeriodMetricEntity {
  @PrimaryColumn({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @PrimaryColumn({ name: 'metric_key', type: 'varchar', length: 64 })
  metricKey!: string;

  @PrimaryColumn({ name: 'unit_id', type: 'int', unsigned: true })
  unitId!: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_upm_period' })
  period?: PeriodEntity;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_upm_unit' })
  unit?: UnitEntity;

  @Column({ type: 'double' })
  total!: number;

  /** Per 100 members or per unit, as the metric's normalisation says. */
  @Column({ type: 'double' })
  normalized!: number;

  /** 0..1 against the level's reference; null when the metric had no reference. */
  @Column({ type: 'double', nullable: true, default: null })
  score!: number | null;
}

@Entity('period_aggregations')
export class PeriodAggregationEntity {
  @PrimaryColumn({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_pa_period' })
  period?: PeriodEntity;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt!: Date;

  @Column({ name: 'duration_ms', type: 'int', unsigned: true })
  durationMs!: number;

  @Column({ name: 'unit_count', type: 'int', unsigned: true })
  unitCount!: number;
}

/** Named settings edited by admins (analytics weights and thresholds, reminder rules…), as JSON. */
@Entity('settings')
export class SettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'longtext', transformer: jsonText })
  value!: JsonValue;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'int', unsigned: true, nullable: true, default: null })
  updatedBy!: number | null;
}

/** A re-extraction of a period's reports requested by an admin; progress is read from the reports. */
@Entity('reextract_runs')
@Index('ix_reextract_period', ['periodId', 'startedAt'])
export class ReextractRunEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Column({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_reextract_period' })
  period?: PeriodEntity;

  @Column({ name: 'report_ids', type: 'longtext', transformer: jsonText })
  reportIds!: number[];

  @Column({ type: 'int', unsigned: true })
  total!: number;

  @Column({ name: 'requested_by', type: 'int', unsigned: true, nullable: true, default: null })
  requestedBy!: number | null;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt!: Date;
}
