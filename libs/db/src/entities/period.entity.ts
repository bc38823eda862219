import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumns } from './date-columns';

/** A reporting period such as `2026-H1`. Dates are calendar dates in TZ_REPORTS ('YYYY-MM-DD'). */
@Entity('periods')
export class PeriodEntity extends DateColumns {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Index('uq_periods_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Index('ix_periods_ends')
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  /** Reports are due by the end of this day (TZ_REPORTS); later ones are `late`. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  /** Closed by an administrator: its expected units, temperatures and flags are frozen. */
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true, default: null })
  closedAt!: Date | null;
}
