import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A read-only wall-display link (大屏): the token's SHA-256, the unit whose dashboard it shows. */
@Entity('wall_links')
export class WallLinkEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Index('ix_wall_links_unit')
  @Column({ name: 'unit_id', type: 'int', unsigned: true })
  unitId!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('uq_wall_links_token', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  tokenHash!: string;

  @Column({ name: 'created_by', type: 'int', unsigned: true, nullable: true, default: null })
  createdBy!: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true, default: null })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true, default: null })
  lastUsedAt!: Date | null;
}
