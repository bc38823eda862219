import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { median, summarizeLevels } from '@thermocline/analytics';
import type { AppConfig } from '@thermocline/config';
import { MetricDefinitionEntity, PeriodEntity, UnitEntity } from '@thermocline/db';
import { APP_CONFIG, loadAnalyticsConfig } from '@thermocline/server';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { inScope, type AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { excelText } from '../common/files';
import type { ComparisonDto, ComponentsDto, FlagDto, GapDto, HeatmapDto, TrendDto, UnitStandingDto } from './dto/dashboard.dto';

interface UnitStatRow {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  level: number;
  path: string;
  member_count: number;
  status: string | null;
  temperature: number | null;
  report_id: number | null;
  totals: string | null;
  components: string | null;
  flags: string | null;
  flag_codes: string | null;
}

const FLAG_LABEL: Record<string, string> = {
  cold: '偏冷',
  missing_report: '未报送',
  late_report: '逾期报送',
  near_duplicate: '疑似雷同',
  low_specificity: '量化不足',
  unfilled_template: '模板未填',
  declining: '降温',
};
/** A small LRU of values valid for one stamp (the period's aggregation). */
class Memo {
  private readonly entries = new Map<string, { stamp: string; value: Promise<unknown> }>();
  constructor(private readonly max: number) {}
  get<T>(key: string, stamp: string, fn: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) return hit.value as Promise<T>;
    const value = fn();
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

const STATUS_LABEL: Record<string, string> = { reported: '已报送', missing: '未报送', not_due: '未到期', pending: '待统计' };

const OUTSIDE_UNIT = '管辖范围外某单位';

/**
 * A near_duplicate flag names the unit and report it resembles. Duplicates are found bureau-wide,
 * so that unit may lie outside the caller's scope: then the flag still says how similar, but not
 * who (name, code, id and report id read as "a unit outside your scope").
 */
export function redactDuplicateFlags(flags: FlagDto[], visible: (unitId: number) => boolean): FlagDto[] {
  const hidden = (m: unknown) => typeof m === 'object' && m !== null && !visible(Number((m as { unitId?: unknown }).unitId));
  const redact = (m: Record<string, unknown>) => ({ periodCode: m.periodCode, similarity: m.similarity, unitId: null, unitCode: null, unitName: OUTSIDE_UNIT, reportId: null });
  return flags.map((f) => {
    if (f.code !== 'near_duplicate' || !f.evidence) return f;
    const other = f.evidence.other as Record<string, unknown> | undefined;
    const also = Array.isArray(f.evidence.alsoSimilar) ? (f.evidence.alsoSimilar as Record<string, unknown>[]) : [];
    if (!hidden(other) && !also.some(hidden)) return f;
    let reason = f.reason;
    if (other && hidden(other)) reason = reason.replace(`「${String(other.unitName)}」`, OUTSIDE_UNIT).replace(`（#${String(other.reportId)}）`, '');
    return { ...f, reason, evidence: { ...f.evidence, other: other && hidden(other) ? redact(other) : other, alsoSimilar: also.map((m) => (hidden(m) ? redact(m) : m)) } };
  });
}

/**
 * The dashboard reads only pre-aggregated rows (unit_period_stats, unit_period_metrics). Levels
 * are counted from the caller's own unit, and every query is limited to their subtree.
 */
@Injectable()
export class DashboardService {
  private readonly memo = new Memo(200);

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async period(code: string): Promise<PeriodEntity> {
    const p = await this.db.getRepository(PeriodEntity).findOneBy({ code });
    if (!p) throw new NotFoundException(`期次「${code}」不存在`);
    return p;
  }

  private async metric(key: string): Promise<{ key: string; name: string }> {
    if (key === 'temperature') return { key, name: '温度' };
    const m = await this.db.getRepository(MetricDefinitionEntity).findOne({ where: { key }, select: { key: true, name: true } });
    if (!m) throw new BadRequestException(`指标「${key}」不在指标目录中`);
    return m;
  }

  /** The caller's subtree with each unit's stored stats for the period. */
  private async subtree(rootPath: string, periodId: number): Promise<UnitStatRow[]> {
    return (await this.db.query(
      `SELECT u.id, u.code, u.name, u.parent_id, u.level, u.path, u.member_count,
              s.status, s.temperature, s.report_id, s.totals, s.components, s.flags, s.flag_codes
         FROM units u LEFT JOIN unit_period_stats s ON s.unit_id = u.id AND s.period_id = ?
        WHERE u.path LIKE ?
        ORDER BY u.path`,
      [periodId, `${rootPath}%`],
    )) as UnitStatRow[];
  }

  /** The period's aggregation stamp: cached answers are valid until the worker re-aggregates. */
  async stamp(period: PeriodEntity): Promise<string> {
    // The tree is part of it: a unit moved out of a subtree must leave that leader's answer at once,
    // even before the worker has re-aggregated.
    const [row] = (await this.db.query(
      'SELECT (SELECT computed_at FROM period_aggregations WHERE period_id = ?) AS computed_at, (SELECT MAX(updated_at) FROM units) AS tree_at',
      [period.id],
    )) as { computed_at: Date | null; tree_at: Date | null }[];
    const t = (d: Date | null) => (d ? new Date(d).getTime() : 0);
    return `${t(row?.computed_at ?? null)}:${t(row?.tree_at ?? null)}:${period.updatedAt.getTime()}`;
  }

  /**
   * The gap answer as JSON text. Built by concatenation: the stored totals, components and flags are
   * already JSON, so 10,000 units are never parsed and re-serialised on a request.
   */
  async gapJson(user: AuthUser, period: PeriodEntity): Promise<string> {
    const rows = await this.subtree(user.unitPath, period.id);
    const analytics = await loadAnalyticsConfig(this.db.manager);
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
    const [agg] = (await this.db.query('SELECT computed_at FROM period_aggregations WHERE period_id = ?', [period.id])) as { computed_at: Date }[];
    const head = {
      period: period.code,
      dueOn: period.dueOn,
      gapDetected: summary.gapDetected,
      gapIndex: summary.gapIndex,
      lossLevel: summary.lossLevel,
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
      aggregatedAt: agg ? new Date(agg.computed_at).toISOString() : null,
    };
    return `${JSON.stringify(head).slice(0, -1)},"units":[${parts.join(',')}]}`;
  }

  async gap(user: AuthUser, periodCode: string): Promise<GapDto> {
    return JSON.parse(await this.gapJson(user, await this.period(periodCode))) as GapDto;
  }

  async comparison(user: AuthUser, periodCode: string, metricKey: string, normalize: 'none' | 'per100', stamp?: string): Promise<ComparisonDto> {
    const period = await this.period(periodCode);
    const metric = await this.metric(metricKey);
    // Three index range scans merged here instead of a 10,000-row join: the units of the subtree,
    // the period's stats, and the one metric's rows (primary key period, metric, unit). The last two
    // only change with an aggregation, so they are kept per aggregation stamp for other scopes.
    const load = <T>(key: string, fn: () => Promise<T>): Promise<T> => (stamp ? this.memo.get(key, stamp, fn) : fn());
    const [units, statOf, totalOf] = await Promise.all([
      load(
        `units:${user.unitPath}`,
        () =>
          this.db.query('SELECT id, code, name, parent_id, level, member_count FROM units WHERE path LIKE ?', [`${user.unitPath}%`]) as Promise<
            { id: number; code: string; name: string; parent_id: number | null; level: number; member_count: number }[]
          >,
      ),
      load(`stats:${period.id}`, async () => {
        const rows = (await this.db.query('SELECT unit_id, status, temperature FROM unit_period_stats WHERE period_id = ?', [period.id])) as { unit_id: number; status: string; temperature: number | null }[];
        return new Map(rows.map((r) => [Number(r.unit_id), r]));
      }),
      load(`metric:${period.id}:${metricKey}`, async () => {
        if (metricKey === 'temperature') return new Map<number, number>();
        const rows = (await this.db.query('SELECT unit_id, total FROM unit_period_metrics WHERE period_id = ? AND metric_key = ?', [period.id, metricKey])) as { unit_id: number; total: number }[];
        return new Map(rows.map((t) => [Number(t.unit_id), Number(t.total)]));
      }),
    ]);
    const codeOf = new Map(units.map((r) => [Number(r.id), r.code]));
    const rows = units.map((r) => {
      const s = statOf.get(Number(r.id));
      const members = Number(r.member_count);
      const temperature = s?.temperature === null || s?.temperature === undefined ? null : Number(s.temperature);
      const raw = metricKey === 'temperature' ? temperature : s?.status === 'reported' ? (totalOf.get(Number(r.id)) ?? 0) : null;
      const value = raw === null ? null : normalize === 'per100' && metricKey !== 'temperature' ? (members > 0 ? Math.round((raw * 10000) / members) / 100 : null) : raw;
      return {
        code: r.code,
        name: r.name,
        level: Number(r.level) - user.unitLevel,
        parentCode: r.parent_id === null ? null : (codeOf.get(Number(r.parent_id)) ?? null),
        memberCount: members,
        value,
        rank: null as number | null,
        temperature,
        status: s?.status ?? 'pending',
      };
    });
    rows.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.level - b.level || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    let rank = 0;
    let prev: number | null = null;
    rows.forEach((u, i) => {
      if (u.value === null) return;
      if (u.value !== prev) rank = i + 1;
      u.rank = rank;
      prev = u.value;
    });
    return { period: period.code, metric: metric.key, metricName: metric.name, normalize, units: rows };
  }

  async trend(user: AuthUser, unitCode: string | undefined, metricKey: string, periods: number): Promise<TrendDto> {
    await this.metric(metricKey);
    const unit = unitCode ? await this.db.getRepository(UnitEntity).findOneBy({ code: unitCode }) : await this.db.getRepository(UnitEntity).findOneBy({ id: user.unitId });
    if (!unit || !inScope(user, unit.path)) throw outOfScope('单位');
    const units = await this.db
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .where('u.id = :id OR u.parent_id = :id', { id: unit.id })
      .orderBy('u.level')
      .addOrderBy('u.code')
      .getMany();
    const list = (await this.db.getRepository(PeriodEntity).find({ order: { endsOn: 'DESC', code: 'DESC' }, take: periods })).reverse();
    const ids = units.map((u) => u.id);
    const periodIds = list.map((p) => p.id);
    const values = new Map<string, number | null>();
    if (ids.length && periodIds.length) {
      const sql =
        metricKey === 'temperature'
          ? `SELECT unit_id, period_id, temperature AS v FROM unit_period_stats WHERE unit_id IN (${ids.join(',')}) AND period_id IN (${periodIds.join(',')})`
          : `SELECT s.unit_id, s.period_id, CASE WHEN s.status = 'reported' THEN COALESCE(m.total, 0) ELSE NULL END AS v
               FROM unit_period_stats s LEFT JOIN unit_period_metrics m ON m.unit_id = s.unit_id AND m.period_id = s.period_id AND m.metric_key = ?
              WHERE s.unit_id IN (${ids.join(',')}) AND s.period_id IN (${periodIds.join(',')})`;
      const rows = (await this.db.query(sql, metricKey === 'temperature' ? [] : [metricKey])) as { unit_id: number; period_id: number; v: number | null }[];
      for (const r of rows) values.set(`${r.unit_id}:${r.period_id}`, r.v === null ? null : Number(r.v));
    }
    return {
      metric: metricKey,
      periods: list.map((p) => p.code),
      series: units.map((u) => ({ code: u.code, name: u.name, values: list.map((p) => values.get(`${u.id}:${p.id}`) ?? null) })),
    };
  }

  async heatmap(user: AuthUser, periodCode: string, maxDepth: number): Promise<HeatmapDto> {
    const period = await this.period(periodCode);
    const metrics = await this.db.getRepository(MetricDefinitionEntity).find({ where: { enabled: true }, order: { sortOrder: 'ASC' }, select: { key: true, name: true, category: true } });
    const units = await this.db
      .getRepository(UnitEntity)
      .createQueryBuilder('u')
      .where('u.path LIKE :p AND u.level <= :max', { p: `${user.unitPath}%`, max: user.unitLevel + maxDepth })
      .orderBy('u.path')
      .limit(2000)
      .getMany();
    const index = new Map(metrics.map((m, i) => [m.key, i]));
    const row = new Map(units.map((u, i) => [u.id, i]));
    const values = units.map(() => metrics.map((): number | null => null));
    const totals = units.map(() => metrics.map((): number | null => null));
    if (units.length) {
      const rows = (await this.db.query(`SELECT unit_id, metric_key, total, score FROM unit_period_metrics WHERE period_id = ? AND unit_id IN (${units.map((u) => u.id).join(',')})`, [period.id])) as {
        unit_id: number;
        metric_key: string;
        total: number;
        score: number | null;
      }[];
      for (const r of rows) {
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
    const unit = await this.db.getRepository(UnitEntity).findOneBy({ code: unitCode });
    if (!unit || !inScope(user, unit.path)) throw outOfScope('单位');
    const [s] = (await this.db.query('SELECT status, temperature, report_id, totals, components, flags FROM unit_period_stats WHERE period_id = ? AND unit_id = ?', [period.id, unit.id])) as Omit<UnitStatRow, 'id'>[];
    const peers = (await this.db.query('SELECT s.temperature FROM unit_period_stats s JOIN units u ON u.id = s.unit_id WHERE s.period_id = ? AND u.level = ? AND s.temperature IS NOT NULL', [period.id, unit.level])) as { temperature: number }[];
    const flags = s?.flags ? (JSON.parse(s.flags) as FlagDto[]) : [];
    const named = flags.flatMap((f) => (f.code === 'near_duplicate' && f.evidence ? [f.evidence.other, ...((f.evidence.alsoSimilar as unknown[] | undefined) ?? [])] : []));
    const ids = [...new Set(named.map((m) => Number((m as { unitId?: unknown } | undefined)?.unitId)).filter(Number.isSafeInteger))];
    const paths = ids.length ? ((await this.db.query(`SELECT id, path FROM units WHERE id IN (${ids.map(() => '?').join(',')})`, ids)) as { id: number; path: string }[]) : [];
    const visible = new Set(paths.filter((p) => inScope(user, p.path)).map((p) => Number(p.id)));
    return {
      code: unit.code,
      name: unit.name,
      period: period.code,
      status: s?.status ?? 'pending',
      temperature: s?.temperature === null || s?.temperature === undefined ? null : Number(s.temperature),
      levelMedian: peers.length ? median(peers.map((p) => Number(p.temperature))) : null,
      reportId: s?.report_id ? Number(s.report_id) : null,
      totals: s?.totals ? (JSON.parse(s.totals) as Record<string, number>) : {},
      components: s?.components ? (JSON.parse(s.components) as ComponentsDto) : null,
      flags: redactDuplicateFlags(flags, (id) => visible.has(id)),
    };
  }

  /** The comparison table as Excel: Chinese headers, the period, each unit's path, its flags. */
  async comparisonXlsx(user: AuthUser, periodCode: string, metricKey: string, normalize: 'none' | 'per100'): Promise<{ bytes: Buffer; fileName: string }> {
    const data = await this.comparison(user, periodCode, metricKey, normalize);
    const gap = await this.gap(user, periodCode);
    const byCode = new Map(gap.units.map((u) => [u.code, u]));
    const nameOf = new Map(gap.units.map((u) => [u.code, u.name]));
    const pathOf = (code: string): string => {
      const names: string[] = [];
      for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parentCode) names.unshift(nameOf.get(c) ?? c);
      return names.join(' / ');
    };
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Thermocline';
    const ws = wb.addWorksheet('单位对比');
    ws.addRow([`意识形态工作落实情况单位对比 · ${data.period}`]).font = { bold: true, size: 14 };
    ws.addRow([`指标：${data.metricName}（${data.normalize === 'per100' ? '每百名党员' : '原始数'}）`, '', '', `导出时间：${new Date().toLocaleString('zh-CN', { timeZone: this.config.tzReports })}`]);
    ws.addRow([]);
    const header = ws.addRow(['排名', '单位', '单位路径', '层级', '党员数', excelText(data.metricName), '温度', '报送状态', '标记', '原因']);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    for (const u of data.units) {
      const flags = byCode.get(u.code)?.flags ?? [];
      const row = [u.rank ?? '—', u.name, pathOf(u.code), u.level, u.memberCount, u.value ?? '—', u.temperature ?? '—', STATUS_LABEL[u.status] ?? u.status, flags.map((f) => FLAG_LABEL[f.code] ?? f.code).join('、'), flags.map((f) => f.reason).join('；')];
      ws.addRow(row.map((v) => (typeof v === 'string' ? excelText(v) : v)));
    }
    ws.columns = [{ width: 6 }, { width: 28 }, { width: 48 }, { width: 6 }, { width: 8 }, { width: 12 }, { width: 8 }, { width: 10 }, { width: 20 }, { width: 80 }];
    ws.views = [{ state: 'frozen', ySplit: 4 }];
    ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 10 } };
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `单位对比-${data.period}-${data.metricName}.xlsx` };
  }
}
