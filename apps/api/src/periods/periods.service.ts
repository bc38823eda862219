import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { PeriodEntity } from '@thermocline/db';
import { Clock, writeAudit } from '@thermocline/runtime';
import { APP_CONFIG } from '@thermocline/server';
import { DataSource } from 'typeorm';
import { AnalyticsEvents } from '../analytics/analytics-events';
import { pinAssessmentRules, unpinAssessmentRules } from '../assessment/rules-pin';
import type { CreatePeriodDto, PeriodDto, UpdatePeriodDto } from './dto/period.dto';
import { deadlineFor } from '@thermocline/analytics';
import { assertPeriodOpen, periodDatesProblem } from './period-dates';

/** Reporting periods are bureau-wide (not org-scoped): every signed-in user reads them. */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: AnalyticsEvents,
    private readonly clock: Clock,
  ) {}

  toDto(p: PeriodEntity, hasReports: boolean, now = this.clock.now()): PeriodDto {
    return {
      code: p.code,
      name: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      dueOn: p.dueOn,
      overdue: now >= deadlineFor(p.dueOn, this.config.tzReports),
      hasReports,
      closedAt: p.closedAt ? p.closedAt.toISOString() : null,
    };
  }

  async list(): Promise<PeriodDto[]> {
    const rows = await this.db.getRepository(PeriodEntity).find({ order: { endsOn: 'DESC', code: 'DESC' } });
    const withReports = new Set(((await this.db.query('SELECT p.id FROM periods p WHERE EXISTS (SELECT 1 FROM reports r WHERE r.period_id = p.id)')) as { id: number }[]).map((r) => Number(r.id)));
    return rows.map((p) => this.toDto(p, withReports.has(p.id)));
  }

  async findByCode(code: string): Promise<PeriodEntity> {
    const p = await this.db.getRepository(PeriodEntity).findOneBy({ code });
    if (!p) throw new NotFoundException(`期次「${code}」不存在`);
    return p;
  }

  async get(code: string): Promise<PeriodDto> {
    return this.dto(await this.findByCode(code));
  }

  private async dto(p: PeriodEntity): Promise<PeriodDto> {
    const [row] = (await this.db.query('SELECT EXISTS (SELECT 1 FROM reports WHERE period_id = ?) AS has', [p.id])) as { has: number | string }[];
    return this.toDto(p, Number(row?.has) === 1);
  }

  async create(dto: CreatePeriodDto): Promise<PeriodDto> {
    const problem = periodDatesProblem(dto);
    if (problem) throw new BadRequestException(problem);
    await this.db.transaction(async (m) => {
      if (await m.getRepository(PeriodEntity).existsBy({ code: dto.code })) throw new ConflictException(`期次「${dto.code}」已存在`);
      const now = new Date();
      await m.insert(PeriodEntity, { code: dto.code, name: dto.name ?? dto.code, startsOn: dto.startsOn, endsOn: dto.endsOn, dueOn: dto.dueOn, createdAt: now, updatedAt: now });
      await writeAudit(m, { action: 'period.create', entity: 'period', entityId: dto.code, detail: { ...dto } });
    });
    const created = await this.findByCode(dto.code);
    await this.events.periodChanged(created.id, 'period created');
    return this.dto(created);
  }

  async update(code: string, dto: UpdatePeriodDto): Promise<PeriodDto> {
    await this.db.transaction(async (m) => {
      const p = await m.getRepository(PeriodEntity).findOneBy({ code });
      if (!p) throw new NotFoundException(`期次「${code}」不存在`);
      if (dto.startsOn !== undefined || dto.endsOn !== undefined || dto.dueOn !== undefined) assertPeriodOpen(p);
      const next = { startsOn: dto.startsOn ?? p.startsOn, endsOn: dto.endsOn ?? p.endsOn, dueOn: dto.dueOn ?? p.dueOn };
      const problem = periodDatesProblem(next);
      if (problem) throw new BadRequestException(problem);
      await m.update(PeriodEntity, { id: p.id }, { ...next, name: dto.name ?? p.name, updatedAt: new Date() });
      await writeAudit(m, { action: 'period.update', entity: 'period', entityId: code, detail: { ...dto } });
    });
    const updated = await this.findByCode(code);
    await this.events.periodChanged(updated.id, 'period changed');
    return this.dto(updated);
  }

  /** Freezes the period: the worker no longer re-aggregates it and writes into it answer 409. */
  async close(code: string): Promise<PeriodDto> {
    return this.setClosed(code, true);
  }

  /** Opens a closed period again; it is re-aggregated with today's tree, catalogue and weights. */
  async reopen(code: string): Promise<PeriodDto> {
    return this.setClosed(code, false);
  }

  private async setClosed(code: string, close: boolean): Promise<PeriodDto> {
    await this.db.transaction(async (m) => {
      const p = await m.getRepository(PeriodEntity).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw new NotFoundException(`期次「${code}」不存在`);
      if (close && p.closedAt) throw new ConflictException(`期次「${p.name}」已经关闭`);
      if (!close && !p.closedAt) throw new ConflictException(`期次「${p.name}」没有关闭，无需重新开放`);
      const now = new Date();
      await m.update(PeriodEntity, { id: p.id }, { closedAt: close ? now : null, updatedAt: now });
      // A closed period keeps the 考核细则 version it was scored with (issue #20).
      if (close) await pinAssessmentRules(m, p.id, now);
      else await unpinAssessmentRules(m, p.id);
      await writeAudit(m, { action: close ? 'period.close' : 'period.reopen', entity: 'period', entityId: code, detail: { name: p.name } });
    });
    const p = await this.findByCode(code);
    if (!close) await this.events.periodChanged(p.id, 'period reopened');
    return this.dto(p);
  }
}
