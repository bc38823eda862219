import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText, type JsonValue } from '../json';
import { PeriodEntity } from './period.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** One version of the 考核细则: every save is a new row, so a closed period keeps what it was scored with. */
@Entity('assessment_rules')
export class AssessmentRulesEntity {
  /** The version number. */
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Column({ type: 'longtext', transformer: jsonText })
  rules!: JsonValue;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ name: 'created_by', type: 'int', unsigned: true, nullable: true, default: null })
  createdBy!: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_assessment_rules_user' })
  creator?: UserEntity | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 64, default: '' })
  createdByName!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}

/** A person's score of one unit on one item in one period: a manual item, or an override with its reason. */
@Entity('assessment_scores')
export class AssessmentScoreEntity {
  @PrimaryColumn({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @Index('ix_assessment_scores_unit')
  @PrimaryColumn({ name: 'unit_id', type: 'int', unsigned: true })
  unitId!: number;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  itemId!: string;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_assessment_scores_period' })
  period?: PeriodEntity;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_assessment_scores_unit' })
  unit?: UnitEntity;

  @Column({ type: 'double' })
  score!: number;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  @Column({ name: 'updated_by', type: 'int', unsigned: true, nullable: true, default: null })
  updatedBy!: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'fk_assessment_scores_user' })
  updater?: UserEntity | null;

  @Column({ name: 'updated_by_name', type: 'varchar', length: 64, default: '' })
  updatedByName!: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

/** The rules version a period is scored with once it is closed. */
@Entity('assessment_period_rules')
export class AssessmentPeriodRulesEntity {
  @PrimaryColumn({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_apr_period' })
  period?: PeriodEntity;

  @Index('ix_assessment_period_rules_version')
  @Column({ name: 'rules_version', type: 'int', unsigned: true })
  rulesVersion!: number;

  @ManyToOne(() => AssessmentRulesEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'rules_version', foreignKeyConstraintName: 'fk_apr_rules' })
  rules?: AssessmentRulesEntity;

  @Column({ name: 'pinned_at', type: 'datetime', precision: 3 })
  pinnedAt!: Date;
}
