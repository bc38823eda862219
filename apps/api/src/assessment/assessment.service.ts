import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  assessmentTotals,
  parseAssessmentRules,
  periodMonths,
  rulesItems,
  scoreAssessment,
  totalPoints,
  type AssessmentInput,
  type AssessmentResult,
  type AssessmentRules,
  type AssessmentUnitInput,
  type ManualScore,
  type UnitTotal,
} from '@thermocline/analytics';
import type { AssessmentAuditAction, CadencePeriod, ReviewState } from '@thermocline/contracts';
import { AssessmentRulesEntity, AssessmentScoreEntity, type PeriodEntity, type UnitEntity } from '@thermocline/db';
import { Clock, writeAudit } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { DashboardCache } from '../dashboard/dashboard-cache';
import type { FlagDto } from '../dashboard/dto/dashboard.dto';
import { redactDuplicateFlags } from '../dashboard/duplicate-redaction';
import { AssessmentQueries } from './assessment.queries';
import { ensureDefaultRules } from './rules-pin';
import type { AssessmentDto, RulesVersionDto, RulesVersionSummaryDto, ScoreEntryDto } from './dto/assessment.dto';

/** Rough bytes per unit sheet, for the cache's bound. */
const SHEET_BYTES = 6000;

/**
 * 年度考核: the 细则 as versioned data, draft scores computed on read from the aggregated rows
 * (cached per stamp: aggregation, tree, period, people's scores and the rules version), and the
 * scores people enter with a reason, audited.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly db: DataSource,
    private readonly queries: AssessmentQueries,
    private readonly cache: DashboardCache,
    private readonly clock: Clock,
  ) {}

  async period(code: string): Promise<PeriodEntity> {
    const p = await this.queries.period(code);
    if (!p) throw new NotFoundException(`期次「${code}」不存在，请先在「期次管理」中创建`);
    return p;
  }

  /** The rules in force; the first read of a fresh installation stores the default 细则 as version 1. */
  async current(): Promise<AssessmentRulesEntity> {
    const row = await this.queries.latestRules();
    if (row) return row;
    await ensureDefaultRules(this.db.manager, this.clock.now());
    return (await this.queries.latestRules()) as AssessmentRulesEntity;
  }

  private toVersion(row: AssessmentRulesEntity): RulesVersionDto {
    const rules = row.rules as unknown as AssessmentRules;
    return { version: row.id, rules, note: row.note, createdBy: row.createdByName || null, createdAt: row.createdAt.toISOString(), totalPoints: totalPoints(rules) } as RulesVersionDto;
  }

  async rules(version?: number): Promise<RulesVersionDto> {
    if (version === undefined) return this.toVersion(await this.current());
    const row = await this.queries.rulesVersion(version);
    if (!row) throw new NotFoundException(`细则第 ${version} 版不存在`);
    return this.toVersion(row);
  }

  async versions(): Promise<RulesVersionSummaryDto[]> {
    await this.current();
    return (await this.queries.versions()).map((r) => {
      const { version, note, createdBy, createdAt, totalPoints: points } = this.toVersion(r);
      return { version, note, createdBy, createdAt, totalPoints: points };
    });
  }

  /** Every save is a new version; open periods are re-scored by it, closed ones keep theirs. */
  async saveRules(user: AuthUser, body: unknown): Promise<RulesVersionDto> {
    const input = (typeof body === 'object' && body !== null ? body : {}) as { rules?: unknown; note?: unknown };
    const parsed = parseAssessmentRules(input.rules, await this.queries.metricKeys());
    if (!parsed.ok) throw new BadRequestException({ message: `细则有误：${parsed.errors.map((e) => e.message).join('；')}`, errors: parsed.errors });
    const note = typeof input.note === 'string' ? input.note.slice(0, 200) : '';
    await this.current();
    const saved = await this.db.transaction(async (m) => {
      const row = await m.getRepository(AssessmentRulesEntity).save({ rules: parsed.rules as never, note, createdBy: user.id, createdByName: user.username, createdAt: this.clock.now() });
      await writeAudit(m, { action: 'assessment.rules' satisfies AssessmentAuditAction, entity: 'assessment_rules', entityId: row.id, detail: { version: row.id, note, totalPoints: totalPoints(parsed.rules) } });
      return row;
    });
    return this.toVersion(saved);
  }

  /** The rules a period is scored with: its pinned version when closed, the current one otherwise. */
  async rulesFor(period: PeriodEntity): Promise<{ version: number; rules: AssessmentRules; pinned: boolean }> {
    const pin = await this.queries.pinned(period.id);
    const row = pin ? await this.queries.rulesVersion(pin.rulesVersion) : await this.current();
    if (!row) throw new NotFoundException('细则版本不存在');
    return { version: row.id, rules: row.rules as unknown as AssessmentRules, pinned: pin !== null };
  }

  /** The pure scorer's input for the caller's subtree (libs/analytics scoreAssessment). */
  async input(user: AuthUser, period: PeriodEntity, rules: AssessmentRules): Promise<AssessmentInput> {
    const keys = [...new Set(rulesItems(rules).flatMap(({ item }) => (item.kind === 'reach' ? item.metrics : [])))];
    const [units, mentions, cadences, manual] = await Promise.all([
      this.queries.units(user.unitPath, period),
      this.queries.mentions(user.unitPath, period.id, keys),
      this.queries.cadences(user.unitPath, period.id),
      this.queries.manual(user.unitPath, period.id),
    ]);
    const byReport = <T extends { report_id: number }>(rows: T[]) => {
      const map = new Map<number, T[]>();
      for (const r of rows) {
        const id = Number(r.report_id);
        const list = map.get(id);
        if (list) list.push(r);
        else map.set(id, [r]);
      }
      return map;
    };
    const mentionsOf = byReport(mentions);
    const cadencesOf = byReport(cadences);
    // A near-duplicate's reason names the other unit: outside the caller's subtree it must not be named.
    const inTree = new Set(units.map((u) => Number(u.id)));
    const scoring: AssessmentUnitInput[] = units.map((u) => {
      const reportId = u.report_id === null ? null : Number(u.report_id);
      return {
        unitId: Number(u.id),
        code: u.code,
        name: u.name,
        level: Number(u.level) - user.unitLevel,
        memberCount: Number(u.member_count),
        status: u.status ?? 'not_due',
        reportId,
        totals: u.totals ? (JSON.parse(u.totals) as Record<string, number>) : {},
        flags: u.flags ? redactDuplicateFlags(JSON.parse(u.flags) as FlagDto[], (id) => inTree.has(id)) : [],
        mentions: (reportId === null ? [] : (mentionsOf.get(reportId) ?? [])).map((m) => ({
          key: m.metric_key,
          value: Number(m.value),
          subset: Boolean(Number(m.subset)),
          state: m.state as ReviewState,
          reportId: Number(m.report_id),
          text: m.evidence_text,
        })),
        cadences: (reportId === null ? [] : (cadencesOf.get(reportId) ?? [])).map((c) => ({ key: c.metric_key, per: c.per as CadencePeriod, times: Number(c.times), reportId: Number(c.report_id), text: c.evidence_text })),
      };
    });
    const manualScores = new Map<string, ManualScore>(
      manual.map((r) => [`${Number(r.unit_id)}:${r.item_id}`, { score: Number(r.score), note: r.note, by: r.updated_by_name, at: new Date(r.updated_at).toISOString() }]),
    );
    return { rules, periodMonths: periodMonths(period.startsOn, period.endsOn), units: scoring, manual: manualScores };
  }

  /** Draft scores of the caller's subtree, recomputed when reports, reviews, scores or rules change. */
  async draft(user: AuthUser, periodCode: string): Promise<AssessmentDto> {
    const period = await this.period(periodCode);
    const { version, rules, pinned } = await this.rulesFor(period);
    const stamp = `${await this.queries.stamp(period)}:${version}`;
    const result = await this.cache.get<AssessmentResult>(
      `assessment:${period.id}:${user.unitPath}`,
      stamp,
      async () => scoreAssessment(await this.input(user, period, rules)),
      (r) => r.units.length * SHEET_BYTES,
    );
    return {
      period: period.code,
      periodName: period.name || period.code,
      rulesVersion: version,
      rulesPinned: pinned,
      title: rules.title,
      totalPoints: result.totalPoints,
      sections: rules.sections.map((s) => ({ id: s.id, title: s.title, items: s.items.map((i) => ({ id: i.id, title: i.title, points: i.points, kind: i.kind })) })),
      units: result.units.map(({ unitId: _id, ...u }) => u),
    } as AssessmentDto;
  }

  /**
   * Per-unit totals and ranks of a period for the caller's subtree — the scoring table's figures
   * without the sheets (e.g. for the 通报). Pure part: `assessmentTotals` in libs/analytics.
   */
  async totals(user: AuthUser, periodCode: string): Promise<UnitTotal[]> {
    const period = await this.period(periodCode);
    const { rules } = await this.rulesFor(period);
    return assessmentTotals(await this.input(user, period, rules));
  }

  /** A person's score of a unit on an item (null → back to the automatic score), with the reason; audited. */
  async setScore(user: AuthUser, unit: UnitEntity, body: ScoreEntryDto): Promise<AssessmentDto['units'][number]> {
    const period = await this.period(body.period);
    const { rules, pinned } = await this.rulesFor(period);
    if (pinned || period.closedAt) throw new ConflictException(`期次「${period.name || period.code}」已关闭，考核得分不能再修改；如需更正请管理员先重新开放该期次`);
    const item = rulesItems(rules).find((x) => x.item.id === body.itemId)?.item;
    if (!item) throw new BadRequestException(`考核项「${body.itemId}」不在现行细则中，请刷新页面后重试`);
    const reason = body.reason.trim();
    if (!reason) throw new BadRequestException('请填写评分理由（考核组依据、台账名称等）');
    if (body.score !== null && !(Number.isFinite(body.score) && body.score >= 0 && body.score <= item.points)) {
      throw new BadRequestException(`「${item.title}」的得分应在 0 到 ${item.points} 分之间`);
    }
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(AssessmentScoreEntity);
      const key = { periodId: period.id, unitId: unit.id, itemId: item.id };
      const before = await repo.findOneBy(key);
      if (body.score === null) await repo.delete(key);
      else await repo.save({ ...key, score: body.score, note: reason, updatedBy: user.id, updatedByName: user.username, updatedAt: this.clock.now() });
      const action: AssessmentAuditAction = body.score === null ? 'assessment.score_clear' : item.kind === 'manual' ? 'assessment.score' : 'assessment.override';
      await writeAudit(m, {
        action,
        entity: 'assessment',
        entityId: `${period.code}:${unit.code}:${item.id}`,
        detail: { period: period.code, unit: unit.code, item: item.id, title: item.title, from: before ? before.score : null, to: body.score, reason },
      });
    });
    const draft = await this.draft(user, period.code);
    const sheet = draft.units.find((u) => u.code === unit.code);
    if (!sheet) throw new NotFoundException('单位不存在或不在您的管辖范围内');
    return sheet;
  }
}
