import { Injectable } from '@nestjs/common';
import type { AnalyticsConfig } from '@thermocline/analytics';
import { MetricDefinitionEntity, PeriodEntity, UnitEntity } from '@thermocline/db';
import { loadAnalyticsConfig } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import type { ComparisonStatRow } from './comparison';

/** A unit of a subtree with its stored stats for one period (stats columns null when not aggregated). */
export interface UnitStatRow {
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
  /** JSON texts as stored by the worker. */
  totals: string | null;
  components: string | null;
  flags: string | null;
  /** ',cold,late_report,' — searchable without parsing `flags`. */
  flag_codes: string | null;
}

export type StoredStats = Pick<UnitStatRow, 'status' | 'temperature' | 'report_id' | 'totals' | 'components' | 'flags'> & { facts: string | null };

export interface SubtreeUnit {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  level: number;
  member_count: number;
  /** YYYY-MM-DD */
  active_from: string;
  active_until: string | null;
}

/** Whether a unit belongs in a period: a closed one shows exactly what it froze; an open one the units active on its due date. */
export function expectedIn(period: Pick<PeriodEntity, 'dueOn' | 'closedAt'>, u: Pick<SubtreeUnit, 'parent_id' | 'active_from' | 'active_until'>, aggregated: boolean): boolean {
  if (aggregated) return true;
  if (u.parent_id === null) return !period.closedAt; // the root holds the tree together
  if (period.closedAt) return false;
  return u.active_from <= period.dueOn && (u.active_until === null || u.active_until > period.dueOn);
}

/**
 * Every read of the dashboard, all from pre-aggregated rows (unit_period_stats, unit_period_metrics)
 * and the unit tree. Subtrees are materialised-path prefixes; numeric id lists are inlined only
 * after they came from the database as numbers.
 */
@Injectable()
export class DashboardQueries {
  constructor(private readonly db: DataSource) {}

  period(code: string): Promise<PeriodEntity | null> {
    return this.db.getRepository(PeriodEntity).findOneBy({ code });
  }

  metric(key: string): Promise<{ key: string; name: string } | null> {
    return this.db.getRepository(MetricDefinitionEntity).findOne({ where: { key }, select: { key: true, name: true } });
  }

  analyticsConfig(): Promise<AnalyticsConfig> {
    return loadAnalyticsConfig(this.db.manager);
  }

  /**
   * The units the period expects under `rootPath`, with their stats, in path order. Aggregated rows
   * decide (they hold exactly the expected units); before that, the units active on the due date.
   * A closed period keeps the tree it was aggregated with, whatever moved since.
   */
  async subtreeStats(rootPath: string, period: Pick<PeriodEntity, 'id' | 'dueOn' | 'closedAt'>): Promise<UnitStatRow[]> {
    const stats = 's.status, s.temperature, s.report_id, s.totals, s.components, s.flags, s.flag_codes';
    if (period.closedAt) {
      return (await this.db.query(
        `SELECT u.id, u.code, u.name, COALESCE(s.parent_id, u.parent_id) AS parent_id, COALESCE(s.level, u.level) AS level, COALESCE(s.path, u.path) AS path, u.member_count, ${stats}
           FROM unit_period_stats s JOIN units u ON u.id = s.unit_id
          WHERE s.period_id = ? AND COALESCE(s.path, u.path) LIKE ?
          ORDER BY COALESCE(s.path, u.path)`,
        [period.id, `${rootPath}%`],
      )) as UnitStatRow[];
    }
    return (await this.db.query(
      `SELECT u.id, u.code, u.name, u.parent_id, u.level, u.path, u.member_count, ${stats}
         FROM units u LEFT JOIN unit_period_stats s ON s.unit_id = u.id AND s.period_id = ?
        WHERE u.path LIKE ? AND (s.unit_id IS NOT NULL OR u.parent_id IS NULL OR (u.active_from <= ? AND (u.active_until IS NULL OR u.active_until > ?)))
        ORDER BY u.path`,
      [period.id, `${rootPath}%`, period.dueOn, period.dueOn],
    )) as UnitStatRow[];
  }

  /** When the period was last aggregated and the unit tree last changed. */
  async changedAt(periodId: number): Promise<{ computedAt: Date | null; treeAt: Date | null }> {
    const [row] = (await this.db.query(
      'SELECT (SELECT computed_at FROM period_aggregations WHERE period_id = ?) AS computed_at, (SELECT MAX(updated_at) FROM units) AS tree_at',
      [periodId],
    )) as { computed_at: Date | null; tree_at: Date | null }[];
    return { computedAt: row?.computed_at ?? null, treeAt: row?.tree_at ?? null };
  }

  async aggregatedAt(periodId: number): Promise<Date | null> {
    const [row] = (await this.db.query('SELECT computed_at FROM period_aggregations WHERE period_id = ?', [periodId])) as { computed_at: Date }[];
    return row ? new Date(row.computed_at) : null;
  }

  /** Units of the subtree, without stats (the comparison merges three range scans instead of one join). */
  subtreeUnits(rootPath: string): Promise<SubtreeUnit[]> {
    return this.db.query(
      "SELECT id, code, name, parent_id, level, member_count, DATE_FORMAT(active_from, '%Y-%m-%d') AS active_from, DATE_FORMAT(active_until, '%Y-%m-%d') AS active_until FROM units WHERE path LIKE ?",
      [`${rootPath}%`],
    ) as Promise<SubtreeUnit[]>;
  }

  /** Status, temperature, tree position and metric totals of every unit for the period (the comparison's columns). */
  periodStats(periodId: number): Promise<ComparisonStatRow[]> {
    return this.db.query('SELECT unit_id, status, temperature, parent_id, level, totals FROM unit_period_stats WHERE period_id = ?', [periodId]) as Promise<ComparisonStatRow[]>;
  }

  unitByCode(code: string): Promise<UnitEntity | null> {
    return this.db.getRepository(UnitEntity).findOneBy({ code });
  }

  unitById(id: number): Promise<UnitEntity | null> {
    return this.db.getRepository(UnitEntity).findOneBy({ id });
  }

  /** A unit and its direct sub-units, by level then code. */
  unitAndChildren(unitId: number): Promise<UnitEntity[]> {
    return this.db.getRepository(UnitEntity).createQueryBuilder('u').where('u.id = :id OR u.parent_id = :id', { id: unitId }).orderBy('u.level').addOrderBy('u.code').getMany();
  }

  /** The last `count` periods, oldest first. */
  async latestPeriods(count: number): Promise<PeriodEntity[]> {
    return (await this.db.getRepository(PeriodEntity).find({ order: { endsOn: 'DESC', code: 'DESC' }, take: count })).reverse();
  }

  /** Temperature, or a metric's total while reported (0 when not mentioned, null otherwise), per unit and period. */
  trendValues(unitIds: number[], periodIds: number[], metricKey: string): Promise<{ unit_id: number; period_id: number; v: number | null }[]> {
    const sql =
      metricKey === 'temperature'
        ? `SELECT unit_id, period_id, temperature AS v FROM unit_period_stats WHERE unit_id IN (${unitIds.join(',')}) AND period_id IN (${periodIds.join(',')})`
        : `SELECT s.unit_id, s.period_id, CASE WHEN s.status = 'reported' THEN COALESCE(m.total, 0) ELSE NULL END AS v
             FROM unit_period_stats s LEFT JOIN unit_period_metrics m ON m.unit_id = s.unit_id AND m.period_id = s.period_id AND m.metric_key = ?
            WHERE s.unit_id IN (${unitIds.join(',')}) AND s.period_id IN (${periodIds.join(',')})`;
    return this.db.query(sql, metricKey === 'temperature' ? [] : [metricKey]) as Promise<{ unit_id: number; period_id: number; v: number | null }[]>;
  }

  enabledMetrics(): Promise<Pick<MetricDefinitionEntity, 'key' | 'name' | 'category'>[]> {
    return this.db.getRepository(MetricDefinitionEntity).find({ where: { enabled: true }, order: { sortOrder: 'ASC' }, select: { key: true, name: true, category: true } });
  }

  /** Units of the subtree down to absolute level `maxLevel`, in path order, at most `limit`. */
  upperUnits(rootPath: string, maxLevel: number, limit: number): Promise<UnitEntity[]> {
    return this.db.getRepository(UnitEntity).createQueryBuilder('u').where('u.path LIKE :p AND u.level <= :max', { p: `${rootPath}%`, max: maxLevel }).orderBy('u.path').limit(limit).getMany();
  }

  metricScores(periodId: number, unitIds: number[]): Promise<{ unit_id: number; metric_key: string; total: number; score: number | null }[]> {
    return this.db.query(`SELECT unit_id, metric_key, total, score FROM unit_period_metrics WHERE period_id = ? AND unit_id IN (${unitIds.join(',')})`, [periodId]) as Promise<
      { unit_id: number; metric_key: string; total: number; score: number | null }[]
    >;
  }

  async unitStats(periodId: number, unitId: number): Promise<StoredStats | undefined> {
    const [row] = (await this.db.query('SELECT status, temperature, report_id, totals, components, facts, flags FROM unit_period_stats WHERE period_id = ? AND unit_id = ?', [periodId, unitId])) as StoredStats[];
    return row;
  }

  /** Rated temperatures of every unit at an absolute level for the period. */
  async levelTemperatures(periodId: number, level: number): Promise<number[]> {
    const rows = (await this.db.query('SELECT s.temperature FROM unit_period_stats s JOIN units u ON u.id = s.unit_id WHERE s.period_id = ? AND u.level = ? AND s.temperature IS NOT NULL', [
      periodId,
      level,
    ])) as { temperature: number }[];
    return rows.map((r) => Number(r.temperature));
  }

  async unitPaths(ids: number[]): Promise<{ id: number; path: string }[]> {
    if (!ids.length) return [];
    return (await this.db.query(`SELECT id, path FROM units WHERE id IN (${ids.map(() => '?').join(',')})`, ids)) as { id: number; path: string }[];
  }
}
