import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PeriodEntity, UnitEntity, WallLinkEntity } from '@thermocline/db';
import { writeAudit } from '@thermocline/runtime';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { UnitLevelsService } from '../units/unit-levels.service';
import { DashboardService } from '../dashboard/dashboard.service';
import type { WallDataDto, WallLinkDto, WallLinkIssuedDto } from './wall.dto';

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Read-only links for a wall display (大屏) with no login: an administrator issues one for their
 * own unit (the token is shown once; only its SHA-256 is kept) and revokes it; the wall reads its
 * unit's dashboard with it, nothing else.
 */
@Injectable()
export class WallService {
  constructor(
    private readonly db: DataSource,
    private readonly dashboard: DashboardService,
    private readonly levels: UnitLevelsService,
  ) {}

  async list(user: AuthUser): Promise<WallLinkDto[]> {
    const rows = (await this.db.query(
      `SELECT w.id, w.name, u.name AS unit_name, w.created_at, w.revoked_at, w.last_used_at
         FROM wall_links w JOIN units u ON u.id = w.unit_id WHERE u.path LIKE ? ORDER BY w.id DESC`,
      [`${user.unitPath}%`],
    )) as { id: number; name: string; unit_name: string; created_at: Date; revoked_at: Date | null; last_used_at: Date | null }[];
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return rows.map((r) => ({ id: Number(r.id), name: r.name, unitName: r.unit_name, createdAt: iso(r.created_at)!, revokedAt: iso(r.revoked_at), lastUsedAt: iso(r.last_used_at) }));
  }

  async issue(user: AuthUser, name: string): Promise<WallLinkIssuedDto> {
    const token = randomBytes(32).toString('base64url');
    const id = await this.db.transaction(async (m) => {
      const r = await m.insert(WallLinkEntity, { unitId: user.unitId, name, tokenHash: hash(token), createdBy: user.id, createdAt: new Date() });
      const newId = Number(r.identifiers[0].id);
      await writeAudit(m, { action: 'wall.issue', entity: 'wall_link', entityId: newId, detail: { name, unit: user.unitCode } });
      return newId;
    });
    // The token travels in the address's fragment: browsers never send it to a server or a log.
    return { id, name, token, path: `/wall/link#${token}` };
  }

  async revoke(user: AuthUser, id: number): Promise<void> {
    const row = (await this.db.query('SELECT w.id, w.name, w.revoked_at FROM wall_links w JOIN units u ON u.id = w.unit_id WHERE w.id = ? AND u.path LIKE ?', [id, `${user.unitPath}%`])) as { id: number; name: string; revoked_at: Date | null }[];
    if (!row.length) throw new NotFoundException('大屏链接不存在或不在您的管理范围内');
    if (row[0].revoked_at) return;
    await this.db.transaction(async (m) => {
      await m.update(WallLinkEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
      await writeAudit(m, { action: 'wall.revoke', entity: 'wall_link', entityId: id, detail: { name: row[0].name } });
    });
  }

  /** The wall's data for a token: its unit's gap and trend, as a leader of that unit would see them. */
  async data(token: string | undefined, periodCode: string | undefined): Promise<WallDataDto> {
    if (!token || token.length > 100) throw new UnauthorizedException('大屏链接无效或已撤销：请向管理员索取新链接');
    const link = await this.db.getRepository(WallLinkEntity).findOneBy({ tokenHash: hash(token) });
    const unit = link && !link.revokedAt ? await this.db.getRepository(UnitEntity).findOneBy({ id: link.unitId }) : null;
    if (!link || !unit) throw new UnauthorizedException('大屏链接无效或已撤销：请向管理员索取新链接');
    await this.db.getRepository(WallLinkEntity).update({ id: link.id }, { lastUsedAt: new Date() });
    const viewer: AuthUser = { id: 0, username: 'wall', displayName: link.name, role: 'leader', unitId: unit.id, unitCode: unit.code, unitPath: unit.path, unitLevel: unit.level };
    const periods = await this.db.getRepository(PeriodEntity).find({ order: { startsOn: 'ASC' } });
    const today = new Date().toISOString().slice(0, 10);
    const current = [...periods].reverse().find((p) => String(p.startsOn) <= today) ?? periods[0];
    const period = periods.find((p) => p.code === periodCode) ?? current;
    if (!period) return { unitName: unit.name, period: null, gap: null, trend: null, levelNames: [] };
    const [gap, trend, nameOf] = await Promise.all([this.dashboard.gap(viewer, period.code), this.dashboard.trend(viewer, undefined, 'temperature', 6).catch(() => null), this.levels.nameOf()]);
    // The wall has no login to ask /api/units/levels with: the names come with the figures.
    const depth = Math.max(0, ...gap.levels.map((l) => l.level));
    return { unitName: unit.name, period: { code: period.code, name: period.name }, gap, trend, levelNames: Array.from({ length: depth + 1 }, (_, i) => nameOf(unit.level + i)) };
  }
}
