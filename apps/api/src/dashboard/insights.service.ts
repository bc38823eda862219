import { Injectable } from '@nestjs/common';
import { clusterProblems } from '@thermocline/analytics';
import { PeriodEntity, type ReportItemKind } from '@thermocline/db';
import { planTargets } from '@thermocline/extraction';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { DashboardService } from './dashboard.service';
import type { ProblemsDto, PromisesDto } from './dto/insights.dto';

export interface LatestItem {
  reportId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  text: string;
}

/**
 * What the reports say beyond their figures: the problems units share (共性问题) and whether the
 * targets of the previous period's 下步打算 were met. Read from each unit's latest extracted report
 * in the caller's subtree.
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly db: DataSource,
    private readonly dashboard: DashboardService,
  ) {}

  /** Problems or plans of the latest extracted report of every unit in the subtree, in tree order. */
  async latestItems(user: AuthUser, periodId: number, kind: ReportItemKind): Promise<LatestItem[]> {
    const rows = (await this.db.query(
      `SELECT r.id AS reportId, u.id AS unitId, u.code AS unitCode, u.name AS unitName, ri.text AS text
         FROM report_items ri
         JOIN reports r ON r.id = ri.report_id
         JOIN units u ON u.id = r.unit_id
        WHERE r.period_id = ? AND u.path LIKE ? AND ri.kind = ? AND r.status = 'extracted'
          AND r.version = (SELECT MAX(r2.version) FROM reports r2 WHERE r2.unit_id = r.unit_id AND r2.period_id = r.period_id AND r2.status = 'extracted')
        ORDER BY u.path, ri.ord`,
      [periodId, `${user.unitPath}%`, kind],
    )) as LatestItem[];
    return rows.map((r) => ({ ...r, reportId: Number(r.reportId), unitId: Number(r.unitId) }));
  }

  async problems(user: AuthUser, periodCode: string): Promise<ProblemsDto> {
    const period = await this.dashboard.period(periodCode);
    const items = await this.latestItems(user, period.id, 'problem');
    const clusters = clusterProblems(items.map((i) => ({ unitCode: i.unitCode, unitName: i.unitName, reportId: i.reportId, text: i.text })));
    return {
      periodCode: period.code,
      clusters: clusters.map((c) => ({ label: c.label, count: c.count, units: c.units.map((u) => ({ code: u.unitCode, name: u.unitName, text: u.text, reportId: u.reportId })) })),
    };
  }

  /** The period before this one (the latest that ended before it started). */
  previousPeriod(period: PeriodEntity): Promise<PeriodEntity | null> {
    return this.db.getRepository(PeriodEntity).createQueryBuilder('p').where('p.ends_on < :start', { start: period.startsOn }).orderBy('p.ends_on', 'DESC').getOne();
  }

  async promises(user: AuthUser, periodCode: string): Promise<PromisesDto> {
    const period = await this.dashboard.period(periodCode);
    const previous = await this.previousPeriod(period);
    if (!previous) return { periodCode: period.code, fromPeriod: null, fromPeriodName: null, items: [] };
    const plans = await this.latestItems(user, previous.id, 'plan');
    if (!plans.length) return { periodCode: period.code, fromPeriod: previous.code, fromPeriodName: previous.name || previous.code, items: [] };
    const unitIds = [...new Set(plans.map((p) => p.unitId))];
    const reported = new Set(
      ((await this.db.query(`SELECT DISTINCT unit_id AS unitId FROM reports WHERE period_id = ? AND status = 'extracted' AND unit_id IN (?)`, [period.id, unitIds])) as { unitId: number }[]).map((r) => Number(r.unitId)),
    );
    const totals = new Map<string, number>();
    for (const r of (await this.db.query(`SELECT unit_id AS unitId, metric_key AS metricKey, total FROM unit_period_metrics WHERE period_id = ? AND unit_id IN (?)`, [period.id, unitIds])) as { unitId: number; metricKey: string; total: number }[]) {
      totals.set(`${r.unitId}:${r.metricKey}`, Number(r.total));
    }
    const names = new Map(((await this.db.query('SELECT `key`, name FROM metric_definitions')) as { key: string; name: string }[]).map((m) => [m.key, m.name]));
    const items: PromisesDto['items'] = [];
    for (const plan of plans) {
      for (const t of planTargets(plan.text)) {
        const actual = reported.has(plan.unitId) ? (totals.get(`${plan.unitId}:${t.key}`) ?? 0) : null;
        items.push({ unitCode: plan.unitCode, unitName: plan.unitName, fromPeriod: previous.code, planText: plan.text, key: t.key, metricName: names.get(t.key) ?? t.key, target: t.target, actual, kept: actual === null ? null : actual >= t.target });
      }
    }
    return { periodCode: period.code, fromPeriod: previous.code, fromPeriodName: previous.name || previous.code, items };
  }
}
