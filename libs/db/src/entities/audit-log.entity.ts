import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText, type JsonObject } from '../json';

/** Who did what to which record. Append-only. */
@Entity('audit_log')
@Index('ix_audit_entity', ['entity', 'entityId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Index('ix_audit_at')
  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'int', unsigned: true, nullable: true, default: null })
  actorUserId!: number | null;

  /** Kept as text so the entry stays readable after the user is gone; 'system' for the worker. */
  @Column({ name: 'actor', type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 32 })
  entity!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true, default: null })
  entityId!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true, default: null })
  requestId!: string | null;

  /**
   * Materialised path of the unit the entry concerned when it was written: an administrator of a
   * sub-tree sees the entries whose path lies in it, wherever the actor has moved since.
   */
  @Index('ix_audit_scope')
  @Column({ name: 'scope_path', type: 'varchar', length: 700, charset: 'ascii', collation: 'ascii_bin', nullable: true, default: null })
  scopePath!: string | null;

  @Column({ type: 'longtext', nullable: true, transformer: jsonText })
  detail!: JsonObject | null;
}
