import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { UnitEntity, UserEntity } from '@thermocline/db';
import { Clock, writeAudit, writeAuditMany, type AuditEntry } from '@thermocline/runtime';
import { APP_CONFIG } from '@thermocline/server';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { dayIn } from '../periods/period-dates';
import { AnalyticsEvents } from '../analytics/analytics-events';
import type { AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import type { CreateUnitDto, ImportResultDto, UnitDto, UnitTreeNodeDto, UpdateUnitDto } from './dto/unit.dto';
import { ImportGate, parseUnitFile, unitsWorkbook } from './units-import';
import { childPath, isInSubtree, nest, planImport, planMove, rootPath, type MovePlan, type NestedUnit, type TreeUnit } from './unit-tree';

const COLUMNS = ['u.id', 'u.code', 'u.name', 'u.parentId', 'u.level', 'u.path', 'u.memberCount', 'u.activeFrom', 'u.activeUntil'];

@Injectable()
export class UnitsService {
  /** Two imports at once per api process; a third is told to retry (429). */
  private readonly imports = new ImportGate(2);

  constructor(
    private readonly db: DataSource,
    private readonly events: AnalyticsEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Today in the reporting time zone: a new unit's default start, a deleted unit's end. */
  private today(): string {
    return dayIn(this.clock.now(), this.config.tzReports);
  }

  /** Every current (not deleted) unit in the caller's subtree, parents before children. */
  async subtree(user: AuthUser, manager: EntityManager = this.db.manager): Promise<UnitEntity[]> {
    return manager
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .select(COLUMNS)
      .where('u.path LIKE :prefix AND u.active_until IS NULL', { prefix: `${user.unitPath}%` })
      .orderBy('u.level', 'ASC')
      .addOrderBy('u.code', 'ASC')
      .getMany();
  }

  async list(user: AuthUser): Promise<UnitDto[]> {
    const units = await this.subtree(user);
    const ancestorIds = user.unitPath.split('/').filter(Boolean).map(Number);
    const ancestors = ancestorIds.length
      ? await this.db.getRepository(UnitEntity).createQueryBuilder('u').select(['u.id', 'u.code']).whereInIds(ancestorIds).getMany()
      : [];
    const codeOf = new Map<number, string>([...ancestors, ...units].map((u) => [u.id, u.code]));
    return units.map((u) => this.toDto(u, user, codeOf));
  }

  async tree(user: AuthUser): Promise<UnitTreeNodeDto[]> {
    const strip = (n: NestedUnit): UnitTreeNodeDto => ({
      code: n.code,
      name: n.name,
      parentCode: n.parentCode,
      level: n.level,
      memberCount: n.memberCount,
      children: n.children.map(strip),
    });
    return nest(await this.subtree(user)).map(strip);
  }

  async get(user: AuthUser, code: string): Promise<UnitDto> {
    const unit = await this.findInScope(user, code);
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    const chain = await this.db.getRepository(UnitEntity).createQueryBuilder('u').select(['u.id', 'u.code']).whereInIds(ids).getMany();
    return this.toDto(unit, user, new Map(chain.map((u) => [u.id, u.code])));
  }

  async findInScope(user: AuthUser, code: string, manager: EntityManager = this.db.manager): Promise<UnitEntity> {
    // A deleted unit keeps its history but is no longer one anybody can act on.
    const unit = await manager.getRepository(UnitEntity).findOneBy({ code, activeUntil: IsNull() });
    if (!unit || !isInSubtree(unit.path, user.unitPath)) throw outOfScope('单位');
    return unit;
  }

  async create(user: AuthUser, dto: CreateUnitDto): Promise<UnitDto> {
    if (dto.parentCode === null) throw new BadRequestException('已有根单位：新单位必须指定上级编码 parentCode');
    const created = await this.db.transaction(async (m) => {
      const parent = await this.findInScope(user, dto.parentCode as string, m);
      const taken = await m.getRepository(UnitEntity).findOneBy({ code: dto.code });
      if (taken) throw new ConflictException(taken.activeUntil ? `单位编码「${dto.code}」属于已删除的单位（保留其历史数据），请换一个编码` : `单位编码「${dto.code}」已存在`);
      const unit = await this.insertUnit(m, { code: dto.code, name: dto.name, memberCount: dto.memberCount, activeFrom: dto.activeFrom ?? this.today() }, parent);
      await writeAudit(m, { action: 'unit.create', entity: 'unit', entityId: unit.code, detail: { name: unit.name, parentCode: parent.code, memberCount: unit.memberCount, activeFrom: unit.activeFrom } });
      return unit;
    });
    await this.events.allPeriodsChanged('unit created');
    return this.get(user, created.code);
  }

  async update(user: AuthUser, code: string, dto: UpdateUnitDto): Promise<UnitDto> {
    const newCode = await this.db.transaction(async (m) => {
      const unit = await this.findInScope(user, code, m);
      const detail: Record<string, string | number> = {};
      const patch: Partial<UnitEntity> = { updatedAt: new Date() };
      if (dto.code !== undefined && dto.code !== unit.code) {
        // Reports, users and figures point at the unit's id: a new code keeps all of its history.
        const taken = await m.getRepository(UnitEntity).findOneBy({ code: dto.code });
        if (taken) throw new ConflictException(taken.activeUntil ? `单位编码「${dto.code}」属于已删除的单位（保留其历史数据），请换一个编码` : `单位编码「${dto.code}」已被其他单位使用，请换一个编码`);
        patch.code = dto.code;
        detail.code = dto.code;
        detail.previousCode = unit.code;
      }
      if (dto.name !== undefined && dto.name !== unit.name) {
        patch.name = dto.name;
        detail.name = dto.name;
      }
      if (dto.memberCount !== undefined && dto.memberCount !== unit.memberCount) {
        patch.memberCount = dto.memberCount;
        detail.memberCount = dto.memberCount;
      }
      if (dto.activeFrom !== undefined && dto.activeFrom !== unit.activeFrom) {
        patch.activeFrom = dto.activeFrom;
        detail.activeFrom = dto.activeFrom;
      }
      await m.update(UnitEntity, { id: unit.id }, patch);
      if (dto.parentCode !== undefined) {
        const parent = await this.findInScope(user, dto.parentCode, m);
        if (parent.id !== unit.parentId) {
          if (unit.id === user.unitId) throw new BadRequestException('不能移动您自己所在的单位');
          const plan = planMove(unit, parent);
          if ('error' in plan) throw new BadRequestException(plan.error);
          await this.moveSubtree(m, unit, parent, plan);
          detail.parentCode = parent.code;
        }
      }
      const current = patch.code ?? code;
      if (Object.keys(detail).length) await writeAudit(m, { action: dto.parentCode && detail.parentCode ? 'unit.move' : 'unit.update', entity: 'unit', entityId: current, detail });
      return current;
    });
    await this.events.allPeriodsChanged('unit changed');
    return this.get(user, newCode);
  }

  async remove(user: AuthUser, code: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const unit = await this.findInScope(user, code, m);
      if (unit.parentId === null || unit.id === user.unitId) throw new BadRequestException('不能删除根单位或您自己所在的单位');
      if (await m.getRepository(UnitEntity).existsBy({ parentId: unit.id, activeUntil: IsNull() })) throw new ConflictException('该单位还有下级单位，请先移走或删除下级单位');
      if (await m.getRepository(UserEntity).existsBy({ unitId: unit.id })) throw new ConflictException('该单位还有用户，请先调整这些用户的单位');
      // The row stays with its reports and figures: periods it was active in still count it.
      const activeUntil = this.today();
      await m.update(UnitEntity, { id: unit.id }, { activeUntil, updatedAt: new Date() });
      await writeAudit(m, { action: 'unit.delete', entity: 'unit', entityId: code, detail: { name: unit.name, activeUntil }, scopePath: unit.path });
    });
    await this.events.allPeriodsChanged('unit deleted');
  }

  import(user: AuthUser, bytes: Buffer, dryRun: boolean): Promise<ImportResultDto> {
    return this.imports.run(() => this.importNow(user, bytes, dryRun));
  }

  private async importNow(user: AuthUser, bytes: Buffer, dryRun: boolean): Promise<ImportResultDto> {
    const rows = await parseUnitFile(bytes, this.config.upload);
    const result = await this.db.transaction(async (m): Promise<ImportResultDto> => {
      // Lock the tree for the duration of the import so two imports cannot interleave.
      const existing: TreeUnit[] = await m
        .getRepository(UnitEntity)
        .createQueryBuilder('u')
        .select(COLUMNS)
        .setLock('pessimistic_write')
        .getMany();
      const plan = planImport(existing, rows, user.unitPath);
      if (plan.errors.length) {
        throw new BadRequestException({
          message: `导入文件有 ${plan.errors.length} 行有误，没有写入任何数据；请按提示改正后重新导入`,
          created: 0,
          updated: 0,
          errors: plan.errors,
          dryRun: true,
        });
      }
      if (dryRun) return { created: plan.creates.length, updated: plan.updates.length, errors: [], dryRun: true };

      if (plan.rootRename) {
        // The bureau's own root code replaces the first-start one (same row: history kept).
        await m.update(UnitEntity, { id: plan.rootRename.id }, { code: plan.rootRename.to, updatedAt: new Date() });
        await writeAudit(m, { action: 'unit.update', entity: 'unit', entityId: plan.rootRename.to, detail: { via: 'import', previousCode: plan.rootRename.from, code: plan.rootRename.to } });
        for (const u of existing) if (u.id === plan.rootRename.id) u.code = plan.rootRename.to;
      }
      const byCode = new Map(existing.map((u) => [u.code, u as UnitEntity]));
      const now = new Date();
      const today = this.today();
      // Creates come parents-first; insert one depth at a time as multi-row inserts.
      let pending = plan.creates;
      while (pending.length) {
        const ready = pending.filter((c) => byCode.has(c.parentCode));
        if (!ready.length) throw new Error('import plan has creates whose parent never appears');
        await m
          .createQueryBuilder()
          .insert()
          .into(UnitEntity)
          .values(ready.map((c) => {
            const parent = byCode.get(c.parentCode) as UnitEntity;
            return { code: c.code, name: c.name, parentId: parent.id, level: parent.level + 1, path: '', memberCount: c.memberCount, activeFrom: c.activeFrom ?? today, createdAt: now, updatedAt: now };
          }))
          .execute();
        const inserted = await m.getRepository(UnitEntity).createQueryBuilder('u').select(COLUMNS).where('u.code IN (:...codes)', { codes: ready.map((c) => c.code) }).getMany();
        for (const u of inserted) {
          u.path = childPath((byCode.get(ready.find((c) => c.code === u.code)?.parentCode as string) as UnitEntity).path, u.id);
          byCode.set(u.code, u);
        }
        await m.query(
          `UPDATE units SET path = CASE id ${inserted.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${inserted.map(() => '?').join(',')})`,
          [...inserted.flatMap((u) => [u.id, u.path]), ...inserted.map((u) => u.id)],
        );
        pending = pending.filter((c) => !byCode.has(c.code));
      }
      for (const up of plan.updates) {
        const unit = byCode.get(up.code) as UnitEntity;
        await m.update(UnitEntity, { id: unit.id }, { name: up.name, memberCount: up.memberCount, ...(up.activeFrom ? { activeFrom: up.activeFrom } : {}), updatedAt: now });
        if (up.moved && up.parentCode) {
          const fresh = await m.getRepository(UnitEntity).findOneByOrFail({ id: unit.id });
          const parent = await m.getRepository(UnitEntity).findOneByOrFail({ code: up.parentCode });
          const plan2 = planMove(fresh, parent);
          if ('error' in plan2) throw new BadRequestException(plan2.error);
          await this.moveSubtree(m, fresh, parent, plan2);
        }
      }
      const audit: AuditEntry[] = [
        ...plan.creates.map((c) => ({ action: 'unit.create', entity: 'unit', entityId: c.code, detail: { via: 'import', name: c.name, parentCode: c.parentCode, memberCount: c.memberCount, activeFrom: c.activeFrom ?? today } })),
        ...plan.updates.map((u) => ({ action: u.moved ? 'unit.move' : 'unit.update', entity: 'unit', entityId: u.code, detail: { via: 'import', name: u.name, parentCode: u.parentCode, memberCount: u.memberCount } })),
      ];
      await writeAuditMany(m, audit);
      return { created: plan.creates.length, updated: plan.updates.length, errors: [], dryRun: false };
    });
    if (!result.dryRun && result.created + result.updated > 0) await this.events.allPeriodsChanged('units imported');
    return result;
  }

  /** The import template; its example row is the caller's own unit, so importing it unchanged changes nothing. */
  async templateXlsx(user: AuthUser): Promise<Buffer> {
    return unitsWorkbook([await this.get(user, user.unitCode)]);
  }

  async exportXlsx(user: AuthUser): Promise<Buffer> {
    const units = await this.list(user);
    return unitsWorkbook(units);
  }

  /** Inserts a unit under `parent` and fills in its materialised path from its new id. */
  async insertUnit(m: EntityManager, data: { code: string; name: string; memberCount: number; activeFrom: string }, parent: UnitEntity | null): Promise<UnitEntity> {
    const now = new Date();
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(UnitEntity)
      .values({ ...data, parentId: parent?.id ?? null, level: parent ? parent.level + 1 : 0, path: '', createdAt: now, updatedAt: now })
      .execute();
    const id = Number(result.identifiers[0].id);
    const path = parent ? childPath(parent.path, id) : rootPath(id);
    await m.update(UnitEntity, { id }, { path });
    return m.getRepository(UnitEntity).findOneByOrFail({ id });
  }

  /** Moves a unit with its whole subtree in one statement (paths and levels). */
  private async moveSubtree(m: EntityManager, unit: UnitEntity, parent: UnitEntity, plan: MovePlan): Promise<void> {
    await m.update(UnitEntity, { id: unit.id }, { parentId: parent.id });
    await m.query('UPDATE units SET path = CONCAT(?, SUBSTRING(path, ?)), level = level + ?, updated_at = ? WHERE path LIKE ?', [
      plan.newPrefix,
      plan.oldPrefix.length + 1,
      plan.levelDelta,
      new Date(),
      `${plan.oldPrefix}%`,
    ]);
  }

  private toDto(u: UnitEntity, user: AuthUser, codeOf: Map<number, string>): UnitDto {
    const ids = u.path.split('/').filter(Boolean).map(Number);
    return {
      code: u.code,
      name: u.name,
      parentCode: u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
      level: u.level,
      depth: u.level - user.unitLevel,
      memberCount: u.memberCount,
      pathCodes: ids.map((id) => codeOf.get(id) ?? String(id)),
      activeFrom: u.activeFrom,
      activeUntil: u.activeUntil,
    };
  }
}
