import { Injectable } from '@nestjs/common';
import { AssessmentPeriodRulesEntity, AssessmentRulesEntity, MetricDefinitionEntity, PeriodEntity } from '@thermocline/db';
import { DataSource, type EntityManager } from 'typeorm';

export interface SheetUnitRow {
  id: number;
  code: string;
  name: string;
  level: number;
  member_count: number;
  status: string | null;
  report_id: number | null;
  totals: string | null;
  flags: string | null;
}

export interface SheetMentionRow {
  report_id: number;
  metric_key: string;
  value: number;
  subset: number;
  state: string;
  evidence_text: string;
}

export interface SheetCadenceRow {
  report_id: number;
  metric_key: string;
  per: string;
  times: number;
  evidence_text: string;
}

export interface ManualRow {
  unit_id: number;
  item_id: string;
  score: number;
  note: string;
  updated_by_name: string;
  updated_at: Date;
}

/**
 * The assessment's reads: the subtree with its aggregated rows (unit_period_stats), the sentences
 * of the reports those rows point at, the scores people entered, and the rules versions. Subtrees
 * are materialised-path prefixes, as in the dashboard.
 */
@Injectable()
export class AssessmentQueries {
  constructor(private readonly db: DataSource) {}

  period(code: string): Promise<PeriodEntity | null> {
    return this.db.getRepository(PeriodEntity).findOneBy({ code });
  }

  async metricKeys(): Promise<Set<string>> {
    const rows = await this.db.getRepository(MetricDefinitionEntity).find({ select: { key: true } });
    return new Set(rows.map((r) => r.key));
  }

  latestRules(m: EntityManager = this.db.manager): Promise<AssessmentRulesEntity | null> {
    return m.getRepository(AssessmentRulesEntity).createQueryBuilder('r').orderBy('r.id', 'DESC').limit(1).getOne();
  }

  rulesVersion(id: number): Promise<AssessmentRulesEntity | null> {
    return this.db.getRepository(AssessmentRulesEntity).createQueryBuilder('r').where('r.id = :id', { id }).getOne();
  }

  versions(): Promise<AssessmentRulesEntity[]> {
    return this.db.getRepository(AssessmentRulesEntity).createQueryBuilder('r').orderBy('r.id', 'DESC').getMany();
  }

  pinned(periodId: number): Promise<AssessmentPeriodRulesEntity | null> {
    return this.db.getRepository(AssessmentPeriodRulesEntity).findOneBy({ periodId });
  }

  /**
   * The units a period expects in the subtree, with their aggregated row: as the dashboard lists
   * them (dashboard.queries.ts subtreeStats) — a closed period by the tree as it was aggregated,
   * an open one by the units active on its due day.
   */
  units(rootPath: string, period: Pick<PeriodEntity, 'id' | 'dueOn' | 'closedAt'>): Promise<SheetUnitRow[]> {
    const cols = 's.status, s.report_id, s.totals, s.flags';
    if (period.closedAt) {
      return this.db.query(
        `SELECT u.id, u.code, u.name, COALESCE(s.level, u.level) AS level, u.member_count, ${cols}
           FROM unit_period_stats s JOIN units u ON u.id = s.unit_id
          WHERE s.period_id = ? AND COALESCE(s.path, u.path) LIKE ?
          ORDER BY COALESCE(s.path, u.path)`,
        [period.id, `${rootPath}%`],
      ) as Promise<SheetUnitRow[]>;
    }
    return this.db.query(
      `SELECT u.id, u.code, u.name, u.level, u.member_count, ${cols}
         FROM units u LEFT JOIN unit_period_stats s ON s.unit_id = u.id AND s.period_id = ?
        WHERE u.path LIKE ? AND (s.unit_id IS NOT NULL OR u.parent_id IS NULL OR (u.active_from <= ? AND (u.active_until IS NULL OR u.active_until > ?)))
        ORDER BY u.path`,
      [period.id, `${rootPath}%`, period.dueOn, period.dueOn],
    ) as Promise<SheetUnitRow[]>;
  }

  /** Figures of the subtree's scored reports, only for the keys the rules read. */
  mentions(rootPath: string, periodId: number, keys: string[]): Promise<SheetMentionRow[]> {
    if (!keys.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT m.report_id, m.metric_key, m.value, m.subset, m.state, m.evidence_text
         FROM unit_period_stats s JOIN units u ON u.id = s.unit_id JOIN mentions m ON m.report_id = s.report_id
        WHERE s.period_id = ? AND COALESCE(s.path, u.path) LIKE ? AND m.metric_key IN (${keys.map(() => '?').join(',')})
        ORDER BY m.report_id, m.evidence_start`,
      [periodId, `${rootPath}%`, ...keys],
    ) as Promise<SheetMentionRow[]>;
  }

  cadences(rootPath: string, periodId: number): Promise<SheetCadenceRow[]> {
    return this.db.query(
      `SELECT c.report_id, c.metric_key, c.per, c.times, c.evidence_text
         FROM unit_period_stats s JOIN units u ON u.id = s.unit_id JOIN cadences c ON c.report_id = s.report_id
        WHERE s.period_id = ? AND COALESCE(s.path, u.path) LIKE ?
        ORDER BY c.report_id, c.evidence_start`,
      [periodId, `${rootPath}%`],
    ) as Promise<SheetCadenceRow[]>;
  }

  manual(rootPath: string, periodId: number): Promise<ManualRow[]> {
    return this.db.query(
      `SELECT a.unit_id, a.item_id, a.score, a.note, a.updated_by_name, a.updated_at
         FROM assessment_scores a JOIN units u ON u.id = a.unit_id
        WHERE a.period_id = ? AND u.path LIKE ?`,
      [periodId, `${rootPath}%`],
    ) as Promise<ManualRow[]>;
  }

  /** What the draft depends on besides the rules: aggregation, tree, period row, people's scores. */
  async stamp(period: PeriodEntity): Promise<string> {
    const [row] = (await this.db.query(
      `SELECT (SELECT computed_at FROM period_aggregations WHERE period_id = ?) AS computed_at,
              (SELECT MAX(updated_at) FROM units) AS tree_at,
              (SELECT MAX(updated_at) FROM assessment_scores WHERE period_id = ?) AS scores_at,
              (SELECT COUNT(*) FROM assessment_scores WHERE period_id = ?) AS scores`,
      [period.id, period.id, period.id],
    )) as { computed_at: Date | null; tree_at: Date | null; scores_at: Date | null; scores: number }[];
    const t = (d: Date | null | undefined) => (d ? new Date(d).getTime() : 0);
    return `${t(row?.computed_at)}:${t(row?.tree_at)}:${t(row?.scores_at)}:${Number(row?.scores ?? 0)}:${period.updatedAt.getTime()}`;
  }
}
