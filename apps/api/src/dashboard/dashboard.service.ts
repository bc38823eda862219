import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { median, summarizeLevels } from '@thermocline/analytics';
import type { AppConfig } from '@thermocline/config';
import type { PeriodEntity } from '@thermocline/db';
import { APP_CONFIG } from '@thermocline/server';
import { inScope, type AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { comparisonWorkbook } from './comparison-export';
import { DashboardCache } from './dashboard-cache';
import { baseBytes, columnsBytes, comparisonBase, comparisonJson, periodColumns } from './comparison';
import { DashboardQueries } from './dashboard.queries';
import { breakdownFor } from './breakdown';
import type { ComparisonDto, ComponentsDto, FlagDto, GapDto, HeatmapDto, TrendDto, UnitStandingDto } from './dto/dashboard.dto';
import { namedDuplicateUnits, redactDuplicateFlags } from './duplicate-redaction';
import { UnitLevelsService } from '../units/unit-levels.service';

/**
 * The dashboard's read models, built from pre-aggregated rows (dashboard.queries.ts). Levels are
 * counted from the caller's own unit, and every answer is limited to their subtree.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly queries: DashboardQueries,
    private readonly cache: DashboardCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly levels: UnitLevelsService,
  ) {}

  async period(code: string): Promise<PeriodEntity> {
    const p = await this.queries.period(code);
    if (!p) throw new NotFoundException(`期次「${code}」不存在`);
    return p;
  }

  private async metric(key: string): Promise<{ key: string; name: string }> {
    if (key === 'temperature') return { key, name: '温度' };
    const m = await this.queries.metric(key);
    if (!m) throw new BadRequestException(`指标「${key}」不在指标目录中`);
    return m;
  }

  /** The period's aggregation stamp: cached answers are valid until the worker re-aggregates. */
  async stamp(period: PeriodEntity): Promise<string> {
    // The tree is part of it: a unit moved out of a subtree must leave that leader's answer at once,
    // even before the worker has re-aggregated.
    const { computedAt, treeAt } = await this.queries.changedAt(period.id);
    const t = (d: Date | null) => (d ? new Date(d).getTime() : 0);
    return `${t(computedAt)}:${t(treeAt)}:${period.updatedAt.getTime()}`;
  }

  /**
   * The gap answer as JSON text. Built by concatenation: the stored totals, components and flags are
   * already JSON, so 10,000 units are never parsed and re-serialised on a request.
   */
  async gapJson(user: AuthUser, period: PeriodEntity): Promise<string> {
    const rows = await this.queries.subtreeStats(user.unitPath, period);
    const analytics = await this.queries.analyticsConfig();
    const summary = summarizeLevels(
      rows.map((r) => ({ unitId: Number(r.id), path: r.path, level: Number(r.level), temperature: r.temperature === null ? null : Number(r.temperature) })),
      user.unitId,
      { attenuationThreshold: analytics.thresholds.attenuation },
    );
    const codeOf = new Map(rows.map((r) => [Number(r.id), r.code]));
    let received = 0;
    let late = 0;
    let missing = 0;
    let notDue = 0;
    let cold = 0;
    let flagged = 0;
    const parts: string[] = [];
    for (const r of rows) {
      const status = r.status ?? 'pending';
      const codes = r.flag_codes ?? '';
      if (status === 'reported') received++;
      else if (status === 'missing') missing++;
      else notDue++;
      if (codes.includes(',late_report,')) late++;
      if (codes.includes(',cold,')) cold++;
      if (codes) flagged++;
      const parent = r.parent_id === null ? null : (codeOf.get(Number(r.parent_id)) ?? null);
      const flags = r.flags && codes.includes(',near_duplicate,') ? JSON.stringify(redactDuplicateFlags(JSON.parse(r.flags) as FlagDto[], (id) => codeOf.has(id))) : r.flags;
      parts.push(
        `{"code":${JSON.stringify(r.code)},"name":${JSON.stringify(r.name)},"level":${Number(r.level) - user.unitLevel},"parentCode":${parent === null ? 'null' : JSON.stringify(parent)},` +
          `"memberCount":${Number(r.member_count)},"temperature":${r.temperature === null ? 'null' : Number(r.temperature)},"status":"${status}",` +
          `"reportId":${r.report_id === null ? 'null' : Number(r.report_id)},"totals":${r.totals ?? '{}'},"components":${r.components ?? 'null'},"flags":${flags ?? '[]'}}`,
      );
    }
    const due = received + missing;
    const aggregatedAt = await this.queries.aggregatedAt(period.id);
    // Without reports there is nothing to say about attenuation: never "no gap" on no data.
    const status = aggregatedAt === null ? 'pending' : received === 0 ? 'no_data' : 'ok';
    const head = {
      period: period.code,
      status,
      dueOn: period.dueOn,
      gapDetected: status === 'ok' && summary.gapDetected,
      gapIndex: status === 'ok' ? summary.gapIndex : null,
      lossLevel: status === 'ok' ? summary.lossLevel : null,
      attenuationThreshold: analytics.thresholds.attenuation,
      levels: summary.levels,
      overview: {
        expected: rows.length,
        received,
        onTime: received - late,
        late,
        missing,
        notDue,
        onTimeRate: due ? Math.round(((received - late) / due) * 1000) / 1000 : null,
        coldCount: cold,
        flaggedCount: flagged,
      },
      aggregatedAt: aggregatedAt ? aggregatedAt.toISOString() : null,
    };
    return `${JSON.stringify(head).slice(0, -1)},"units":[${parts.join(',')}]}`;
  }

  async gap(user: AuthUser, periodCode: string): Promise<GapDto> {
    return JSON.parse(await this.gapJson(user, await this.period(periodCode))) as GapDto;
  }

  /**
   * One metric (or temperature) for every unit of the subtree, ranked. With a stamp, the three row
   * sets it merges (the subtree's units, the period's stats, the metric's totals) are cached for it:
   * the last two are shared by every scope.
   */
  /**
   * The comparison as UTF-8 JSON (comparison.ts). Without a stamp (an export) nothing is cached; with
   * one, the period's columns and the scope's units are shared by every metric and normalisation.
   */
  async comparisonJson(user: AuthUser, period: PeriodEntity, metricKey: string, normalize: 'none' | 'per100', stamp?: string): Promise<Buffer> {
    const metric = await this.metric(metricKey);
    const load = <T>(key: string, fn: () => Promise<T>, bytes: (value: T) => number): Promise<T> => (stamp ? this.cache.get(key, stamp, fn, bytes) : fn());
    const columns = await load(`columns:${period.id}`, async () => periodColumns(await this.queries.periodStats(period.id)), columnsBytes);
    const base = await load(
      `comparison-base:${period.id}:${user.unitPath}:${user.unitLevel}`,
      async () => comparisonBase(await this.queries.subtreeUnits(user.unitPath), columns, period, user.unitLevel),
      baseBytes,
    );
    return comparisonJson(base, columns, { period: period.code, metric: metric.key, metricName: metric.name, normalize });
  }

  async comparison(user: AuthUser, periodCode: string, metricKey: string, normalize: 'none' | 'per100'): Promise<ComparisonDto> {
    return JSON.parse((await this.comparisonJson(user, await this.period(periodCode), metricKey, normalize)).toString()) as ComparisonDto;
  }

  async trend(user: AuthUser, unitCode: string | undefined, metricKey: string, periods: number): Promise<TrendDto> {
    await this.metric(metricKey);
    const unit = unitCode ? await this.queries.unitByCode(unitCode) : await this.queries.unitById(user.unitId);
    if (!unit || !inScope(user, unit.path)) throw outOfScope('单位');
    const units = await this.queries.unitAndChildren(unit.id);
    const list = await this.queries.latestPeriods(periods);
    const ids = units.map((u) => u.id);
    const periodIds = list.map((p) => p.id);
    const values = new Map<string, number | null>();
    if (ids.length && periodIds.length) {
      for (const r of await this.queries.trendValues(ids, periodIds, metricKey)) values.set(`${r.unit_id}:${r.period_id}`, r.v === null ? null : Number(r.v));
    }
    return {
      metric: metricKey,
      periods: list.map((p) => p.code),
      periodNames: list.map((p) => p.name),
      series: units.map((u) => ({ code: u.code, name: u.name, values: list.map((p) => values.get(`${u.id}:${p.id}`) ?? null) })),
    };
  }

  async heatmap(user: AuthUser, periodCode: string, maxDepth: number): Promise<HeatmapDto> {
    const period = await this.period(periodCode);
    const metrics = await this.queries.enabledMetrics();
    const units = await this.queries.upperUnits(user.unitPath, user.unitLevel + maxDepth, 2000);
    const index = new Map(metrics.map((m, i) => [m.key, i]));
    const row = new Map(units.map((u, i) => [u.id, i]));
    const values = units.map(() => metrics.map((): number | null => null));
    const totals = units.map(() => metrics.map((): number | null => null));
    if (units.length) {
      for (const r of await this.queries.metricScores(period.id, units.map((u) => u.id))) {
        const i = row.get(Number(r.unit_id));
        const j = index.get(r.metric_key);
        if (i === undefined || j === undefined) continue;
        values[i][j] = r.score === null ? null : Number(r.score);
        totals[i][j] = Number(r.total);
      }
    }
    return {
      period: period.code,
      metrics: metrics.map((m) => ({ key: m.key, name: m.name, category: m.category })),
      units: units.map((u) => ({ code: u.code, name: u.name, level: u.level - user.unitLevel })),
      values,
      totals,
    };
  }

  /** One unit's standing — what a secretary sees next to their own report. */
  async standing(user: AuthUser, unitCode: string, periodCode: string): Promise<UnitStandingDto> {
    const period = await this.period(periodCode);
    const unit = await this.queries.unitByCode(unitCode);
    if (!unit || !inScope(user, unit.path)) throw outOfScope('单位');
    const s = await this.queries.unitStats(period.id, unit.id);
    const peers = await this.queries.levelTemperatures(period.id, unit.level);
    const flags = s?.flags ? (JSON.parse(s.flags) as FlagDto[]) : [];
    const paths = await this.queries.unitPaths(namedDuplicateUnits(flags));
    const visible = new Set(paths.filter((p) => inScope(user, p.path)).map((p) => Number(p.id)));
    return {
      code: unit.code,
      name: unit.name,
      period: period.code,
      status: s?.status ?? 'pending',
      temperature: s?.temperature === null || s?.temperature === undefined ? null : Number(s.temperature),
      levelMedian: peers.length ? median(peers) : null,
      reportId: s?.report_id ? Number(s.report_id) : null,
      totals: s?.totals ? (JSON.parse(s.totals) as Record<string, number>) : {},
      components: s?.components ? (JSON.parse(s.components) as ComponentsDto) : null,
      breakdown: s?.components ? await breakdownFor(this.queries, period.id, unit.id, s.facts) : null,
      flags: redactDuplicateFlags(flags, (id) => visible.has(id)),
    };
  }

  /** The comparison table as Excel (comparison-export.ts), with the gap answer's flags. */
  async comparisonXlsx(user: AuthUser, periodCode: string, metricKey: string, normalize: 'none' | 'per100'): Promise<{ bytes: Buffer; fileName: string }> {
    const data = await this.comparison(user, periodCode, metricKey, normalize);
    const gap = await this.gap(user, periodCode);
    // Levels by the organisation's own names (the answer counts them from the caller's unit).
    const nameOf = await this.levels.nameOf();
    const period = await this.period(periodCode);
    return comparisonWorkbook(data, gap, new Date(), this.config.tzReports, (level) => nameOf(level + user.unitLevel), period.name);
  }
}
