// Draft scores of every unit against a 考核细则 (rules.ts), from what the aggregate already holds:
// metric totals, flags with their reasons, the report's sentences and its own standing rules
// (cadences). Every automatic point carries the sentences it came from, or why it was deducted;
// a person's score (manual item or override) replaces the automatic one and keeps its note.

import type { CadencePeriod, ReviewState } from '@thermocline/contracts';
import { CADENCE_MONTHS, DEDUCT_EVENT_LABELS, rulesItems, type AssessmentItem, type AssessmentRules, type DeductItem, type ReachItem } from './rules';

export interface AssessmentEvidence {
  reportId: number | null;
  text: string;
}

export interface AssessmentMention {
  key: string;
  value: number;
  subset: boolean;
  state: ReviewState;
  reportId: number;
  /** The sentence the figure was read from. */
  text: string;
}

export interface AssessmentFlag {
  code: string;
  reason: string;
  evidence?: { reportId?: number } | null;
}

export interface AssessmentCadence {
  key: string;
  per: CadencePeriod;
  times: number;
  reportId: number;
  text: string;
}

export interface AssessmentUnitInput {
  unitId: number;
  code: string;
  name: string;
  /** Shown as given (the api passes the level relative to the caller). */
  level: number;
  memberCount: number;
  /** As aggregated: reported | missing | not_due; anything else is treated as "no report yet". */
  status: string;
  reportId: number | null;
  /** Counted totals per metric key (review rules applied), as the aggregate stored them. */
  totals: Readonly<Record<string, number>>;
  /** The report's figures, for evidence (rejected ones are skipped here). */
  mentions: readonly AssessmentMention[];
  flags: readonly AssessmentFlag[];
  cadences: readonly AssessmentCadence[];
}

/** A person's score for one unit and item: a manual item, or an override of an automatic one. */
export interface ManualScore {
  score: number;
  note: string;
  by?: string;
  at?: string;
}

export interface AssessmentInput {
  rules: AssessmentRules;
  /** Length of the period in months (6 for a half-year): scales annual targets and cadences. */
  periodMonths: number;
  units: readonly AssessmentUnitInput[];
  /** Keyed `${unitId}:${itemId}`. */
  manual?: ReadonlyMap<string, ManualScore>;
}

export interface ItemScore {
  id: string;
  sectionId: string;
  section: string;
  title: string;
  kind: AssessmentItem['kind'];
  points: number;
  /** The score that counts; null for a manual item nobody has scored yet (counts 0). */
  score: number | null;
  /** true while the score is the automatic one. */
  auto: boolean;
  /** What the rules alone give (null for manual items). */
  autoScore: number | null;
  /** How the automatic score was reached, in a sentence. */
  explain: string;
  /** The sentences behind the points, or the reasons of the deductions. */
  evidence: AssessmentEvidence[];
  /** The scorer's note (manual score or override). */
  note: string | null;
  scoredBy: string | null;
}

export interface UnitScore {
  unitId: number;
  code: string;
  name: string;
  level: number;
  status: string;
  total: number;
  /** 名次: 1 for the highest total, ties share a rank (1, 2, 2, 4). */
  rank: number;
  /** Manual items not scored yet. */
  unscored: number;
  items: ItemScore[];
}

export interface AssessmentResult {
  totalPoints: number;
  units: UnitScore[];
}

/** At most this many sentences per item: enough to check, not a copy of the report. */
const MAX_EVIDENCE = 8;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const show = (x: number): string => String(round2(x));

function noReport(u: AssessmentUnitInput): string {
  return u.status === 'missing' ? '未提交本期报告，本项不得分' : '尚未提交本期报告（未到截止日期），暂不得分';
}

function scoreReach(item: ReachItem, u: AssessmentUnitInput, months: number, annual: boolean): { score: number; explain: string; evidence: AssessmentEvidence[] } {
  if (u.status !== 'reported') return { score: 0, explain: noReport(u), evidence: [] };
  const raw = item.metrics.reduce((s, k) => s + (u.totals[k] ?? 0), 0);
  const perHundred = item.basis === 'per100' && u.memberCount > 0;
  const value = perHundred ? raw / (u.memberCount / 100) : raw;
  const target = annual ? (item.target * months) / 12 : item.target;
  const share = target > 0 ? Math.min(1, value / target) : 1;
  const steps = item.steps ?? 4;
  const score = round2(item.scale === 'stepwise' ? (item.points * Math.floor(share * steps + 1e-9)) / steps : item.points * share);
  const keys = new Set(item.metrics);
  const evidence = u.mentions.filter((m) => keys.has(m.key) && m.state !== 'rejected' && Number.isFinite(m.value) && m.value >= 0).slice(0, MAX_EVIDENCE).map((m) => ({ reportId: m.reportId, text: m.text }));
  const basis = perHundred ? `每百名党员 ${show(value)}（合计 ${show(raw)}，党员 ${u.memberCount} 名）` : `合计 ${show(raw)}${item.basis === 'per100' ? '（党员数未知，按单位计）' : ''}`;
  const goal = annual && months !== 12 ? `目标 ${show(target)}（全年 ${show(item.target)}，按本期 ${show(months)} 个月折算）` : `目标 ${show(target)}`;
  const how = share >= 1 ? '达标，得满分' : item.scale === 'stepwise' ? `未达标，按 ${steps} 档计 ${show(score)} 分` : `未达标，按比例计 ${show(score)} 分`;
  const explain = raw === 0 ? `报告未写明相关数字，${goal}，本项不得分` : `${basis}，${goal}，${how}`;
  return { score: raw === 0 ? 0 : score, explain, evidence };
}

/** Standing rules the unit set itself that its own figures do not reach in the period. */
function cadencesNotKept(u: AssessmentUnitInput, months: number): AssessmentEvidence[] {
  const seen = new Set<string>();
  const out: AssessmentEvidence[] = [];
  for (const c of u.cadences) {
    const key = `${c.key}:${c.per}:${c.times}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const expected = Math.floor((c.times * months) / CADENCE_MONTHS[c.per] + 1e-9);
    if (expected <= 0) continue;
    const actual = u.totals[c.key] ?? 0;
    if (actual < expected) out.push({ reportId: c.reportId, text: `「${c.text}」：按此制度本期应不少于 ${expected} 次，报告写明 ${show(actual)} 次` });
  }
  return out;
}

function scoreDeduct(item: DeductItem, u: AssessmentUnitInput, months: number): { score: number; explain: string; evidence: AssessmentEvidence[] } {
  const label = DEDUCT_EVENT_LABELS[item.event];
  let events: AssessmentEvidence[];
  if (item.event === 'missing_report') {
    events = u.flags.filter((f) => f.code === 'missing_report').map((f) => ({ reportId: null, text: f.reason }));
  } else {
    if (u.status !== 'reported') return { score: 0, explain: noReport(u), evidence: [] };
    events =
      item.event === 'cadence_not_kept'
        ? cadencesNotKept(u, months)
        : u.flags.filter((f) => f.code === item.event).map((f) => ({ reportId: f.evidence?.reportId ?? u.reportId, text: f.reason }));
  }
  const score = round2(Math.max(0, item.points - item.perEvent * events.length));
  const explain = events.length ? `${label} ${events.length} 项，每项扣 ${show(item.perEvent)} 分，得 ${show(score)} 分` : `无${label}情形，得满分`;
  return { score, explain, evidence: events.slice(0, MAX_EVIDENCE) };
}

function scoreItem(item: AssessmentItem, u: AssessmentUnitInput, input: AssessmentInput): { score: number | null; explain: string; evidence: AssessmentEvidence[] } {
  if (item.kind === 'reach') return scoreReach(item, u, input.periodMonths, input.rules.targets === 'annual');
  if (item.kind === 'deduct') return scoreDeduct(item, u, input.periodMonths);
  return { score: null, explain: item.guide ? `人工评分：${item.guide}` : '人工评分', evidence: [] };
}

/** Competition ranking on totals (1, 2, 2, 4), written into each unit. */
function rank(units: UnitScore[]): void {
  const order = [...units].sort((a, b) => b.total - a.total);
  order.forEach((u, i) => {
    u.rank = i > 0 && order[i - 1].total === u.total ? order[i - 1].rank : i + 1;
  });
}

/** Every unit's sheet: item scores with evidence, total and rank. Units keep the input order. */
export function scoreAssessment(input: AssessmentInput): AssessmentResult {
  const items = rulesItems(input.rules);
  const units = input.units.map((u): UnitScore => {
    let total = 0;
    let unscored = 0;
    const sheet = items.map(({ section, item }): ItemScore => {
      const auto = scoreItem(item, u, input);
      const manual = input.manual?.get(`${u.unitId}:${item.id}`);
      const score = manual ? Math.min(item.points, Math.max(0, manual.score)) : auto.score;
      if (score === null) unscored++;
      total += score ?? 0;
      return {
        id: item.id,
        sectionId: section.id,
        section: section.title,
        title: item.title,
        kind: item.kind,
        points: item.points,
        score,
        auto: !manual && auto.score !== null,
        autoScore: auto.score,
        explain: auto.explain,
        evidence: auto.evidence,
        note: manual?.note ?? null,
        scoredBy: manual?.by ?? null,
      };
    });
    return { unitId: u.unitId, code: u.code, name: u.name, level: u.level, status: u.status, total: round2(total), rank: 0, unscored, items: sheet };
  });
  rank(units);
  return { totalPoints: round2(items.reduce((s, { item }) => s + item.points, 0)), units };
}

export interface UnitTotal {
  unitId: number;
  code: string;
  name: string;
  total: number;
  rank: number;
}

/** Per-unit totals and ranks of a period, e.g. for the 通报: the same figures as the scoring table. */
export function assessmentTotals(input: AssessmentInput): UnitTotal[] {
  return scoreAssessment(input).units.map(({ unitId, code, name, total, rank }) => ({ unitId, code, name, total, rank }));
}

/** Months from startsOn to endsOn inclusive ('YYYY-MM-DD'), to the nearest whole month (at least 1). */
export function periodMonths(startsOn: string, endsOn: string): number {
  const [y1, m1, d1] = startsOn.split('-').map(Number);
  const [y2, m2, d2] = endsOn.split('-').map(Number);
  const days = (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000 + 1;
  return Math.max(1, Math.round(days / (365.25 / 12)));
}
