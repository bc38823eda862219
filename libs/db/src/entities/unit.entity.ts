import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumns } from './date-columns';

/**
 * A party organisation in the bureau's tree. `path` is the materialised path of ids from the root
 * (`/1/4/17/`), so a subtree is one indexed range scan: `path LIKE '/1/4/%'`.
 */
@Entity('units')
export class UnitEntity extends DateColumns {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Index('uq_units_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('ix_units_parent')
  @Column({ name: 'parent_id', type: 'int', unsigned: true, nullable: true, default: null })
  parentId!: number | null;

  /** Declared for the foreign key only; code reads parentId and never loads this relation. */
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_units_parent' })
  parent?: UnitEntity;

  /** 0 = the bureau (root); children are one deeper than their parent. */
  @Column({ type: 'smallint', unsigned: true })
  level!: number;

  @Index('ix_units_path')
  @Column({ type: 'varchar', length: 700, charset: 'ascii', collation: 'ascii_bin' })
  path!: string;

  /** 党员数: divides per-100-member metrics. */
  @Column({ name: 'member_count', type: 'int', unsigned: true, default: 0 })
  memberCount!: number;

  /** First day (TZ_REPORTS) the unit exists: it is expected in a period only when active on its due date. */
  @Column({ name: 'active_from', type: 'date' })
  activeFrom!: string;

  /** Set on deletion: the unit keeps its row and history but is no longer current from this day. */
  @Column({ name: 'active_until', type: 'date', nullable: true, default: null })
  activeUntil!: string | null;
}
