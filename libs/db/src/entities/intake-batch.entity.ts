import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PeriodEntity } from './period.entity';
import { UserEntity } from './user.entity';
import { jsonText, type JsonObject } from '../json';

/** A bulk intake waiting for its confirmation (see apps/api/src/reports/intake). */
@Entity('intake_batches')
export class IntakeBatchEntity {
  @PrimaryColumn({ type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' })
  id!: string;

  @Index('ix_intake_batches_user')
  @Column({ name: 'user_id', type: 'int', unsigned: true })
  userId!: number;

  @Index('ix_intake_batches_period')
  @Column({ name: 'period_id', type: 'int', unsigned: true })
  periodId!: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_intake_batches_user' })
  user?: UserEntity;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_intake_batches_period' })
  period?: PeriodEntity;

  /** One entry per file: its name, store key, bytes' hash and the proposal shown to the clerk. */
  @Column({ type: 'longtext', transformer: jsonText })
  items!: JsonObject[];

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Index('ix_intake_batches_expires')
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true, default: null })
  confirmedAt!: Date | null;
}
