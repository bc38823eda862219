// 考核细则 as data: sections of items, each worth points and scored one of three ways. The shape
// follows published 意识形态工作责任制考核细则 (总分100分, items such as "中心组学习每季度不少于1次
// 5分", "报送不及时的扣1分", "有专门工作机构 由考核组评分"), so an administrator can type theirs in.

import type { CadencePeriod } from '@thermocline/contracts';

/** The flags and events a `deduct` item counts: each occurrence takes `perEvent` points off. */
export const DEDUCT_EVENTS = ['missing_report', 'late_report', 'near_duplicate', 'unfilled_template', 'cold', 'cadence_not_kept'] as const;
export type DeductEvent = (typeof DEDUCT_EVENTS)[number];

export const DEDUCT_EVENT_LABELS: Record<DeductEvent, string> = {
  missing_report: '未报送',
  late_report: '报送不及时',
  near_duplicate: '材料雷同',
  unfilled_template: '模板未填写',
  cold: '温度偏冷',
  cadence_not_kept: '自定制度未落实（每项）',
};

interface ItemBase {
  /** Stable within a rules version and across versions when the item is "the same" (manual scores are keyed on it). */
  id: string;
  title: string;
  /** Full points of the item (> 0). */
  points: number;
}

/**
 * Full points when the sum of `metrics` in the period reaches `target` (per unit, or per 100
 * members); below it `proportional` gives points × share, `stepwise` the share rounded down to
 * 1/`steps` (steps 2: half the target → half the points, less → 0).
 */
export interface ReachItem extends ItemBase {
  kind: 'reach';
  metrics: string[];
  target: number;
  basis: 'unit' | 'per100';
  scale: 'proportional' | 'stepwise';
  steps?: number;
}

/** Points minus `perEvent` for each occurrence of `event`, never below 0. */
export interface DeductItem extends ItemBase {
  kind: 'deduct';
  event: DeductEvent;
  perEvent: number;
}

/** Scored by a person (考核组) with a note: what no report shows, e.g. 有专门工作机构. */
export interface ManualItem extends ItemBase {
  kind: 'manual';
  /** What the scorer checks (shown beside the input). */
  guide?: string;
}

export type AssessmentItem = ReachItem | DeductItem | ManualItem;

export interface AssessmentSection {
  id: string;
  title: string;
  items: AssessmentItem[];
}

export interface AssessmentRules {
  title: string;
  /**
   * 'annual': reach targets are for a whole year and scale with the period's length (a half-year
   * draft needs half the target); 'period': targets apply to any period as written.
   */
  targets: 'annual' | 'period';
  sections: AssessmentSection[];
}

export interface RulesError {
  path: string;
  message: string;
}

export type RulesParseResult = { ok: true; rules: AssessmentRules } | { ok: false; errors: RulesError[] };

const ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1000;

/**
 * Checks an administrator's rules and returns a clean copy (unknown fields dropped). Messages are in
 * Chinese and say what to change. `knownMetrics`, when given, rejects keys outside the catalogue.
 */
export function parseAssessmentRules(input: unknown, knownMetrics?: ReadonlySet<string>): RulesParseResult {
  const errors: RulesError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (!isObj(input)) return { ok: false, errors: [{ path: '', message: '细则应为对象：{title, targets, sections}' }] };
  if (!text(input.title, 100)) err('title', '请填写细则名称（不超过100字）');
  const targets = input.targets ?? 'annual';
  if (targets !== 'annual' && targets !== 'period') err('targets', '目标口径应为 annual（全年）或 period（每期）');
  if (!Array.isArray(input.sections) || input.sections.length === 0) {
    err('sections', '请至少设置一个考核板块');
    return { ok: false, errors };
  }
  const ids = new Set<string>();
  const sections: AssessmentSection[] = [];
  input.sections.forEach((s: unknown, i: number) => {
    const sp = `sections.${i}`;
    if (!isObj(s)) return err(sp, '板块应为对象：{id, title, items}');
    if (typeof s.id !== 'string' || !ID.test(s.id)) err(`${sp}.id`, '板块编号只能用字母、数字、点、横线、下划线');
    if (!text(s.title, 100)) err(`${sp}.title`, '请填写板块名称');
    if (!Array.isArray(s.items) || s.items.length === 0) return err(`${sp}.items`, `板块「${String(s.title)}」至少要有一个考核项`);
    const items: AssessmentItem[] = [];
    s.items.forEach((it: unknown, j: number) => {
      const p = `${sp}.items.${j}`;
      if (!isObj(it)) return err(p, '考核项应为对象');
      const label = typeof it.title === 'string' ? `「${it.title}」` : `第${j + 1}项`;
      if (typeof it.id !== 'string' || !ID.test(it.id)) err(`${p}.id`, `${label}的编号只能用字母、数字、点、横线、下划线`);
      else if (ids.has(it.id)) err(`${p}.id`, `考核项编号「${it.id}」重复，请改为唯一编号`);
      else ids.add(it.id);
      if (!text(it.title, 200)) err(`${p}.title`, '请填写考核项内容（不超过200字）');
      if (!positive(it.points)) err(`${p}.points`, `${label}的分值应为大于0的数字`);
      const base = { id: String(it.id), title: String(it.title), points: Number(it.points) };
      if (it.kind === 'reach') {
        const metrics = Array.isArray(it.metrics) ? it.metrics : [];
        if (!metrics.length || !metrics.every((m) => typeof m === 'string')) err(`${p}.metrics`, `${label}请至少选择一个指标`);
        else if (knownMetrics) for (const m of metrics as string[]) if (!knownMetrics.has(m)) err(`${p}.metrics`, `${label}的指标「${m}」不在指标目录中`);
        if (!positive(it.target)) err(`${p}.target`, `${label}的目标值应为大于0的数字`);
        if (it.basis !== 'unit' && it.basis !== 'per100') err(`${p}.basis`, `${label}的口径应为 unit（按单位）或 per100（每百名党员）`);
        if (it.scale !== 'proportional' && it.scale !== 'stepwise') err(`${p}.scale`, `${label}的计分方式应为 proportional（按比例）或 stepwise（分档）`);
        if (it.scale === 'stepwise' && it.steps !== undefined && !(Number.isInteger(it.steps) && (it.steps as number) >= 1 && (it.steps as number) <= 20))
          err(`${p}.steps`, `${label}的档数应为1到20的整数`);
        const item: ReachItem = { ...base, kind: 'reach', metrics: metrics as string[], target: Number(it.target), basis: it.basis as ReachItem['basis'], scale: it.scale as ReachItem['scale'] };
        if (it.scale === 'stepwise') item.steps = typeof it.steps === 'number' ? it.steps : 4;
        items.push(item);
      } else if (it.kind === 'deduct') {
        if (!(DEDUCT_EVENTS as readonly unknown[]).includes(it.event)) err(`${p}.event`, `${label}的扣分事项应为：${DEDUCT_EVENTS.join('、')}`);
        if (!positive(it.perEvent)) err(`${p}.perEvent`, `${label}的每次扣分应为大于0的数字`);
        items.push({ ...base, kind: 'deduct', event: it.event as DeductEvent, perEvent: Number(it.perEvent) });
      } else if (it.kind === 'manual') {
        if (it.guide !== undefined && !(typeof it.guide === 'string' && it.guide.length <= 500)) err(`${p}.guide`, `${label}的评分说明不超过500字`);
        items.push({ ...base, kind: 'manual', ...(typeof it.guide === 'string' && it.guide ? { guide: it.guide } : {}) });
      } else err(`${p}.kind`, `${label}的计分方式应为 reach（达标计分）、deduct（扣分）或 manual（人工评分）`);
    });
    if (typeof s.id === 'string') {
      if (ids.has(`section:${s.id}`)) err(`${sp}.id`, `板块编号「${s.id}」重复`);
      ids.add(`section:${s.id}`);
    }
    sections.push({ id: String(s.id), title: String(s.title), items });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, rules: { title: String(input.title), targets: targets as AssessmentRules['targets'], sections } };
}

/** Every item in order, with its section. */
export function rulesItems(rules: AssessmentRules): { section: AssessmentSection; item: AssessmentItem }[] {
  return rules.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}

export function totalPoints(rules: AssessmentRules): number {
  return Math.round(rulesItems(rules).reduce((s, { item }) => s + item.points, 0) * 100) / 100;
}

/** Months a cadence period spans, for "each cadence not kept". */
export const CADENCE_MONTHS: Record<CadencePeriod, number> = { week: 12 / 52, month: 1, quarter: 3, half_year: 6, year: 12 };
