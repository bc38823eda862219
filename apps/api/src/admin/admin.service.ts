import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_ANALYTICS_CONFIG } from '@thermocline/analytics';
import { PeriodEntity, ReextractRunEntity, ReportEntity } from '@thermocline/db';
import { enqueueExtract, JobQueues } from '@thermocline/jobs';
import { loadAnalyticsConfig, saveAnalyticsConfig, writeAudit } from '@thermocline/runtime';
import { LOGGER } from '@thermocline/server';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AnalyticsEvents } from '../analytics/analytics-events';
import type { AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { assertPeriodOpen } from '../periods/period-dates';
import type { AnalyticsSettingsDto, ReextractRunDto } from './dto/admin.dto';

@Injectable()
export class AdminService {
  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueues,
    private readonly events: AnalyticsEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async settings(): Promise<AnalyticsSettingsDto> {
    return { config: await loadAnalyticsConfig(this.db.manager), defaults: DEFAULT_ANALYTICS_CONFIG };
  }

  async saveSettings(user: AuthUser, patch: unknown): Promise<AnalyticsSettingsDto> {
    const result = await this.db.transaction(async (m) => {
      const r = await saveAnalyticsConfig(m, patch, user.id);
      if (r.ok) await writeAudit(m, { action: 'settings.analytics', entity: 'settings', entityId: 'analytics', detail: { patch: patch as never } });
      return r;
    });
    if (!result.ok) {
      throw new BadRequestException({ message: `设置有误：${result.errors.map((e) => e.message).join('；')}`, errors: result.errors });
    }
    await this.events.allPeriodsChanged('analytics settings changed');
    return this.settings();
  }

  /**
   * Re-extracts the newest version of every unit's report in a period (after the catalogue changed):
   * one job per report; progress is read back from the reports themselves.
   */
  async reextract(user: AuthUser, periodCode: string): Promise<ReextractRunDto> {
    const period = await this.db.getRepository(PeriodEntity).findOneBy({ code: periodCode });
    if (!period) throw new NotFoundException(`期次「${periodCode}」不存在`);
    assertPeriodOpen(period);
    const rows = (await this.db.query(
      `SELECT r.id FROM reports r JOIN units u ON u.id = r.unit_id
        WHERE r.period_id = ? AND u.path LIKE ?
          AND r.version = (SELECT MAX(v.version) FROM reports v WHERE v.unit_id = r.unit_id AND v.period_id = r.period_id)`,
      [period.id, `${user.unitPath}%`],
    )) as { id: number }[];
    const ids = rows.map((r) => Number(r.id));
    const startedAt = new Date();
    const runId = await this.db.transaction(async (m) => {
      if (ids.length) await m.createQueryBuilder().update(ReportEntity).set({ status: 'queued', updatedAt: startedAt }).whereInIds(ids).execute();
      const r = await m.insert(ReextractRunEntity, { periodId: period.id, reportIds: ids, total: ids.length, requestedBy: user.id, startedAt });
      const id = Number(r.identifiers[0].id);
      await writeAudit(m, { action: 'period.reextract', entity: 'period', entityId: period.code, detail: { runId: id, reports: ids.length } });
      return id;
    });
    try {
      for (const id of ids) await enqueueExtract(this.queues.queues.extraction, id, true);
    } catch (e) {
      // Rows are `queued`: the worker's sweeper enqueues them when Redis is back.
      this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 're-extraction enqueue interrupted; the sweeper will finish it');
    }
    return this.run(user, runId);
  }

  /**
   * A run covers the requester's sub-tree, so it is visible to administrators whose sub-tree holds the
   * requester's unit (a run of the whole bureau is not an administrator of one branch's business).
   */
  async run(user: AuthUser, id: number): Promise<ReextractRunDto> {
    const run = Number.isSafeInteger(id) ? await this.db.getRepository(ReextractRunEntity).findOneBy({ id }) : null;
    if (!run) throw outOfScope('重新抽取任务');
    const [requester] = run.requestedBy === null ? [] : ((await this.db.query('SELECT un.path FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = ?', [run.requestedBy])) as { path: string }[]);
    const inScope = requester ? requester.path.startsWith(user.unitPath) : user.unitLevel === 0;
    if (!inScope) throw outOfScope('重新抽取任务');
    const period = await this.db.getRepository(PeriodEntity).findOneByOrFail({ id: run.periodId });
    let done = 0;
    let failed = 0;
    if (run.reportIds.length) {
      const [row] = (await this.db.query(
        `SELECT SUM(status = 'extracted' AND extracted_at >= ?) AS done, SUM(status = 'failed' AND updated_at >= ?) AS failed FROM reports WHERE id IN (${run.reportIds.map(() => '?').join(',')})`,
        [run.startedAt, run.startedAt, ...run.reportIds],
      )) as { done: string | null; failed: string | null }[];
      done = Number(row?.done ?? 0);
      failed = Number(row?.failed ?? 0);
    }
    return { id: run.id, periodCode: period.code, total: run.total, done, failed, pending: run.total - done - failed, finished: done + failed >= run.total, startedAt: run.startedAt.toISOString() };
  }
}
