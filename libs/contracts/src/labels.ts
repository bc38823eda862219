// What the codes are called, for people: the screens (both languages) and the api's Excel export
// (Chinese) read the same words from here. Presentation (colours) stays with each screen.
import type { CadencePeriod, FlagCode, ReportStatus, ReviewState } from './index';

export interface Label {
  zh: string;
  en: string;
}

export interface FlagLabel extends Label {
  /** One line on what the flag means (its reason, with the figures, comes from the api). */
  description: Label;
}

export const FLAG_LABELS: Record<FlagCode, FlagLabel> = {
  cold: { zh: '偏冷', en: 'Cold', description: { zh: '温度低于偏冷阈值，或远低于上级单位', en: 'Temperature below the cold threshold, or far below its parent' } },
  missing_report: { zh: '未报送', en: 'Missing report', description: { zh: '截止日期已过仍未上报', en: 'No report although the due date has passed' } },
  late_report: { zh: '逾期报送', en: 'Late', description: { zh: '报告在截止日期之后提交', en: 'Report submitted after the due date' } },
  near_duplicate: { zh: '疑似雷同', en: 'Near-duplicate', description: { zh: '与另一份报告高度相似', en: 'Very similar to another report' } },
  low_specificity: { zh: '内容空泛', en: 'Low specificity', description: { zh: '每千字可量化的事实过少', en: 'Too few quantified facts per 1,000 characters' } },
  unfilled_template: { zh: '模板未填', en: 'Unfilled template', description: { zh: '仍留有模板占位符（如 x次）', en: 'Template placeholders (such as x次) left in' } },
  repeated_plans: { zh: '计划照抄', en: 'Repeated plans', description: { zh: '下步打算与上期几乎逐字相同', en: 'Plans nearly word for word those of the previous period' } },
  declining: { zh: '持续降温', en: 'Declining', description: { zh: '温度比上一期下降超过设定幅度', en: 'Colder than the previous period by more than the set drop' } },
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, Label> = {
  queued: { zh: '排队中', en: 'Queued' },
  processing: { zh: '抽取中', en: 'Processing' },
  extracted: { zh: '已抽取', en: 'Extracted' },
  failed: { zh: '失败', en: 'Failed' },
};

export const REVIEW_STATE_LABELS: Record<ReviewState, Label> = {
  unreviewed: { zh: '待核对', en: 'Unreviewed' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  corrected: { zh: '已更正', en: 'Corrected' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

/** A unit's standing in a period (the dashboard's `status`); `pending`: not aggregated yet. */
export const UNIT_STATUSES = ['reported', 'missing', 'not_due', 'pending'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const UNIT_STATUS_LABELS: Record<UnitStatus, Label> = {
  reported: { zh: '已报送', en: 'Reported' },
  missing: { zh: '未报送', en: 'Missing' },
  not_due: { zh: '未到期', en: 'Not due' },
  pending: { zh: '待统计', en: 'Pending' },
};

export const CADENCE_LABELS: Record<CadencePeriod, Label> = {
  week: { zh: '每周', en: 'weekly' },
  month: { zh: '每月', en: 'monthly' },
  quarter: { zh: '每季度', en: 'quarterly' },
  half_year: { zh: '每半年', en: 'half-yearly' },
  year: { zh: '每年', en: 'yearly' },
};

/** Names of the org levels counted from the bureau (0); deeper ones are numbered (levelName). */
export const LEVEL_LABELS: readonly Label[] = [
  { zh: '局党组', en: 'Bureau' },
  { zh: '二级党委', en: 'Level 1' },
  { zh: '总支/支部', en: 'Level 2' },
  { zh: '支部', en: 'Level 3' },
  { zh: '第五级', en: 'Level 4' },
  { zh: '第六级', en: 'Level 5' },
];

/** The name of an absolute level (0 = the bureau); a level relative to a user adds their unitLevel first. */
export function levelName(level: number, lang: keyof Label): string {
  return LEVEL_LABELS[level]?.[lang] ?? (lang === 'zh' ? `第${level}级` : `Level ${level}`);
}

/** A code's label in one language, or the code itself when it has none (a code newer than this table). */
export function labelOf<K extends string>(table: Readonly<Record<K, Label>>, code: string, lang: keyof Label): string {
  return Object.hasOwn(table, code) ? (table as Readonly<Record<string, Label>>)[code][lang] : code;
}

/**
 * Audit actions and entity of first-run setup (issue #18), as the audit screen names them; to be
 * folded into the audit label tables where those exist.
 */
export const SETUP_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'setup.complete': { zh: '完成初始设置', en: 'Completed first-run setup' },
  'setup.code_rejected': { zh: '初始设置码错误', en: 'Wrong setup code' },
};
export const SETUP_AUDIT_ENTITY_LABELS: Record<string, Label> = {
  installation: { zh: '系统安装', en: 'Installation' },
};
/** Audit actions of 年度考核 (issue #20), as the audit screen names them. */
export const ASSESSMENT_AUDIT_ACTION_LABELS = {
  'assessment.rules': '修改考核细则',
  'assessment.score': '人工评分',
  'assessment.override': '调整自动得分',
  'assessment.score_clear': '撤销人工评分',
} as const satisfies Record<string, string>;
/** The api writes only these (typed so that an action without a label does not compile). */
export type AssessmentAuditAction = keyof typeof ASSESSMENT_AUDIT_ACTION_LABELS;
