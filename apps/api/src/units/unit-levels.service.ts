import { BadRequestException, Injectable } from '@nestjs/common';
import { writeAudit } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { defaultLevelNames, levelNames } from './unit-levels';

const SETTING = 'unit_levels';

export interface LevelNameRow {
  level: number;
  name: string;
  defaultName: string;
  custom: boolean;
}

/** Names of the tree's depths (absolute levels), shown on screen and in Excel; stored in `settings`. */
@Injectable()
export class UnitLevelsService {
  constructor(private readonly db: DataSource) {}

  private async custom(): Promise<(string | null)[]> {
    const [row] = (await this.db.query('SELECT value FROM settings WHERE name = ?', [SETTING])) as { value: string }[];
    const v = row ? (JSON.parse(row.value) as unknown) : [];
    return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : null)) : [];
  }

  async list(): Promise<LevelNameRow[]> {
    const units = (await this.db.query('SELECT level, name FROM units WHERE active_until IS NULL')) as { level: number; name: string }[];
    return levelNames(defaultLevelNames(units.map((u) => ({ level: Number(u.level), name: u.name }))), await this.custom());
  }

  /** Absolute level → name, for exports. */
  async nameOf(): Promise<(level: number) => string> {
    const rows = await this.list();
    return (level) => rows[level]?.name ?? `第${level}级`;
  }

  async save(user: AuthUser, names: (string | null)[]): Promise<LevelNameRow[]> {
    const clean = names.map((n) => (typeof n === 'string' ? n.trim() : ''));
    if (clean.some((n) => n.length > 20)) throw new BadRequestException('层级名称最长 20 个字');
    await this.db.transaction(async (m) => {
      await m.query('INSERT INTO settings (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)', [
        SETTING,
        JSON.stringify(clean),
        new Date(),
        user.id,
      ]);
      await writeAudit(m, { action: 'unit.levels', entity: 'unit', entityId: 'levels', detail: { names: clean } });
    });
    return this.list();
  }
}
