import type { Role } from '@thermocline/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';
import { DateColumns } from './date-columns';

@Entity('users')
export class UserEntity extends DateColumns {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  /** Stored normalised (normalizeUsername: NFKC, trimmed, lower case). */
  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The root of the user's scope: they see this unit's subtree; a secretary acts for this unit only. */
  @Index('ix_users_unit')
  @Column({ name: 'unit_id', type: 'int', unsigned: true })
  unitId!: number;

  /** Declared for the foreign key only. */
  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_users_unit' })
  unit?: UnitEntity;

  @Column({ type: 'varchar', length: 254, nullable: true, default: null })
  email!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Bumped on password change or disable: tokens carrying an older version are refused. */
  @Column({ name: 'token_version', type: 'int', unsigned: true, default: 0 })
  tokenVersion!: number;

  /** Set when an admin creates the user or resets the password: the first sign-in must replace it. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true, default: null })
  lastLoginAt!: Date | null;
}
