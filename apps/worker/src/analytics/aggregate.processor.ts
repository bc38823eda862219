import { Inject, Injectable } from '@nestjs/common';
import { aggregatePeriod, deadlineFor, type AnalyticsMention, type AnalyticsMetric, type AnalyticsReport, type AnalyticsUnit, type PeriodAggregate } from '@thermocline/analytics';
import type { AppConfig } from '@thermocline/config';
import type { ReviewState } from '@thermocline/contracts';
import { PeriodEntity, transactionWithRetry } from '@thermocline/db';
import { Catalogue, Clock, loadAnalyticsConfig } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER } from '@thermocline/server';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AfterAggregation } from './after-aggregation';

interface ReportRow {
  id: number;
  unit_id: number;
  version: number;
  submitted_at: Date;
  first_submitted_at: Date;
  text_chars: number | null;
  placeholder_count: number;
  fingerprint: string | null;
}

const CHUNK = 1000;

/** An optional absolute target an admin may add to a metric definition (per period). */
function targetOf(d: object): number | null {
  const t = (d as { target?: unknown }).target;
  return typeof t === 'number' && Number.isFinite(t) && t > 0 ? t : null;
}

/**
 * The `aggregate` job: reads a period's latest extracted reports and their reviewed mentions,
 * runs @thermocline/analytics over the whole tree, and replaces the period's pre-aggregated rows
 * (unit_period_stats, unit_period_metrics) in one transaction — readers see the old figures until
 * the new ones are complete.
 */
@Injectable()
export class AggregateProcessor {
  private readonly catalogue: Catalogue;

  constructor(
    private readonly db: DataSource,
    private readonly after: AfterAggregation,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.catalogue = new Catalogue(db);
  }

  async run(periodId: number, now = this.clock.now()): Promise<{ units: number; ms: number } | { skipped: string }> {
    const started = Date.now();
    // "As of": the aggregation reflects every change committed before it started reading.
    const asOf = new Date(started);
    const period = await this.db.getRepository(PeriodEntity).findOneBy({ id: periodId });
    if (!period) return { skipped: 'period gone' };
    // A closed period is frozen: later reports, reviews, tree, catalogue or weight changes leave it as it was.
    if (period.closedAt) return { skipped: 'period closed' };
    const previous = await this.db
      .getRepository(PeriodEntity)
      .createQueryBuilder('p')
      .where('p.ends_on < :starts', { starts: period.startsOn })
      .orderBy('p.ends_on', 'DESC')
      .addOrderBy('p.code', 'DESC')
      .getOne();

    const units = (await this.expectedUnits(period)).map(
      (u): AnalyticsUnit => ({
        id: Number(u.id),
        code: String(u.code),
        name: String(u.name),
        parentId: u.parent_id === null ? null : Number(u.parent_id),
        level: Number(u.level),
        path: String(u.path),
        memberCount: Number(u.member_count),
      }),
    );
    const metrics: AnalyticsMetric[] = (await this.catalogue.enabled()).map((d) => ({
      key: d.key,
      category: d.category,
      normalization: d.normalization,
      weight: d.weight,
      target: targetOf(d),
    }));
    const analyticsConfig = await loadAnalyticsConfig(this.db.manager);
    const reports = await this.latestReports(period.id, true);
    const previousReports = previous ? await this.latestReports(previous.id, false) : [];
    const previousTemperatures = new Map<number, number>();
    if (previous) {
      const rows = (await this.db.query('SELECT unit_id, temperature FROM unit_period_stats WHERE period_id = ? AND temperature IS NOT NULL', [previous.id])) as { unit_id: number; temperature: number }[];
      for (const r of rows) previousTemperatures.set(Number(r.unit_id), Number(r.temperature));
    }

    const result = aggregatePeriod({
      units,
      metrics,
      reports,
      previousReports,
      previousTemperatures,
      // Reasons name periods as people read them (2026年上半年), not by code.
      period: { code: period.code, name: period.name, deadline: deadlineFor(period.dueOn, this.config.tzReports), dueOn: period.dueOn },
      previousPeriodCode: previous?.code ?? null,
      previousPeriodName: previous?.name ?? null,
      now,
      config: analyticsConfig,
    });
    // Bookkeeping times are real; `now` (the clock) only decides what is late or missing.
    await this.write(period.id, result, units, asOf, Date.now() - started);
    const ms = Date.now() - started;
    this.logger.info({ period: period.code, units: units.length, reports: reports.length, ms, gapIndex: result.summary?.gapIndex }, 'period aggregated');
    await this.after.aggregated(period, result);
    return { units: units.length, ms };
  }

  /**
   * The units a period expects: active on its due date (created on or before it, not deleted by it),
   * any unit that reported anyway, and the ancestors of those so the tree stays whole.
   */
  private async expectedUnits(period: PeriodEntity): Promise<Record<string, unknown>[]> {
    const all = (await this.db.query(
      `SELECT u.id, u.code, u.name, u.parent_id, u.level, u.path, u.member_count,
              (u.active_from <= ? AND (u.active_until IS NULL OR u.active_until > ?)
               OR EXISTS (SELECT 1 FROM reports r WHERE r.unit_id = u.id AND r.period_id = ?)) AS expected
         FROM units u`,
      [period.dueOn, period.dueOn, period.id],
    )) as Record<string, unknown>[];
    const keep = new Set<number>();
    for (const u of all) if (Number(u.expected) === 1) for (const id of String(u.path).split('/').filter(Boolean)) keep.add(Number(id));
    return all.filter((u) => keep.has(Number(u.id)));
  }

  /** The newest extracted version per unit, with its mentions (review states applied later; unclassified ones never count). */
  private async latestReports(periodId: number, withMentions: boolean): Promise<AnalyticsReport[]> {
    const rows = (await this.db.query(
      `SELECT r.id, r.unit_id, r.version, r.submitted_at, r.text_chars, r.placeholder_count, r.fingerprint,
              (SELECT MIN(f.submitted_at) FROM reports f WHERE f.unit_id = r.unit_id AND f.period_id = r.period_id) AS first_submitted_at
         FROM reports r
        WHERE r.period_id = ? AND r.status = 'extracted'
          AND r.version = (SELECT MAX(v.version) FROM reports v WHERE v.unit_id = r.unit_id AND v.period_id = r.period_id AND v.status = 'extracted')`,
      [periodId],
    )) as ReportRow[];
    const mentions = new Map<number, AnalyticsMention[]>();
    if (withMentions) {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const ids = rows.slice(i, i + CHUNK).map((r) => Number(r.id));
        const ms = (await this.db.query(`SELECT report_id, metric_key, value, subset, state, origin FROM mentions WHERE metric_key IS NOT NULL AND report_id IN (${ids.map(() => '?').join(',')})`, ids)) as {
          report_id: number;
          metric_key: string;
          value: number;
          subset: number;
          state: ReviewState;
          origin: 'auto' | 'manual';
        }[];
        for (const m of ms) {
          const list = mentions.get(Number(m.report_id)) ?? [];
          list.push({ key: m.metric_key, value: Number(m.value), subset: Boolean(Number(m.subset)), state: m.state, origin: m.origin });
          mentions.set(Number(m.report_id), list);
        }
      }
    }
    // 下步打算 of every report: the repeated_plans flag compares them with the previous period's.
    const plans = new Map<number, string[]>();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const ids = rows.slice(i, i + CHUNK).map((r) => Number(r.id));
      const items = (await this.db.query(`SELECT report_id, text FROM report_items WHERE kind = 'plan' AND report_id IN (${ids.map(() => '?').join(',')}) ORDER BY report_id, ord`, ids)) as { report_id: number; text: string }[];
      for (const it of items) plans.set(Number(it.report_id), [...(plans.get(Number(it.report_id)) ?? []), it.text]);
    }
    return rows.map((r) => ({
      plans: plans.get(Number(r.id)) ?? [],
      reportId: Number(r.id),
      unitId: Number(r.unit_id),
      version: Number(r.version),
      submittedAt: new Date(r.submitted_at),
      firstSubmittedAt: new Date(r.first_submitted_at),
      charCount: Number(r.text_chars ?? 0),
      placeholderCount: Number(r.placeholder_count),
      fingerprint: r.fingerprint,
      mentions: mentions.get(Number(r.id)) ?? [],
    }));
  }

  private async write(periodId: number, result: PeriodAggregate, units: AnalyticsUnit[], now: Date, ms: number): Promise<void> {
    const place = new Map(units.map((u) => [u.id, u]));
    const stats = result.units.map((u) => [
      periodId,
      u.unitId,
      u.reportId,
      u.status,
      u.temperature,
      u.components ? JSON.stringify(u.components) : null,
      JSON.stringify(u.totals),
      u.facts ? JSON.stringify(u.facts) : null,
      JSON.stringify(u.flags),
      u.flags.length ? `,${u.flags.map((f) => f.code).join(',')},` : '',
      now,
      place.get(u.unitId)?.parentId ?? null,
      place.get(u.unitId)?.level ?? null,
      place.get(u.unitId)?.path ?? null,
    ]);
    const metricRows: unknown[][] = [];
    for (const u of result.units) {
      for (const [key, s] of Object.entries(u.metrics)) metricRows.push([periodId, key, u.unitId, s.total, s.normalized, s.score]);
    }
    await transactionWithRetry(this.db, async (m) => {
      await m.query('DELETE FROM unit_period_stats WHERE period_id = ?', [periodId]);
      await m.query('DELETE FROM unit_period_metrics WHERE period_id = ?', [periodId]);
      for (let i = 0; i < stats.length; i += CHUNK) {
        const chunk = stats.slice(i, i + CHUNK);
        await m.query(
          `INSERT INTO unit_period_stats (period_id, unit_id, report_id, status, temperature, components, totals, facts, flags, flag_codes, computed_at, parent_id, level, path) VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
          chunk.flat(),
        );
      }
      for (let i = 0; i < metricRows.length; i += CHUNK * 2) {
        const chunk = metricRows.slice(i, i + CHUNK * 2);
        await m.query(`INSERT INTO unit_period_metrics (period_id, metric_key, unit_id, total, normalized, score) VALUES ${chunk.map(() => '(?,?,?,?,?,?)').join(',')}`, chunk.flat());
      }
      await m.query(
        'INSERT INTO period_aggregations (period_id, computed_at, duration_ms, unit_count) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE computed_at = VALUES(computed_at), duration_ms = VALUES(duration_ms), unit_count = VALUES(unit_count)',
        [periodId, now, ms, result.units.length],
      );
    });
  }
}
