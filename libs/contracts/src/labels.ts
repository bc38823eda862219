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

/** Audit actions of 年度考核 (issue #20), as the audit screen names them. */
export const ASSESSMENT_AUDIT_ACTION_LABELS = {
  'assessment.rules': '修改考核细则',
  'assessment.score': '人工评分',
  'assessment.override': '调整自动得分',
  'assessment.score_clear': '撤销人工评分',
} as const satisfies Record<string, string>;
/** The api writes only these (typed so that an action without a label does not compile). */
export type AssessmentAuditAction = keyof typeof ASSESSMENT_AUDIT_ACTION_LABELS;

/**
 * Every audit action, named for the administrators who read the log (and its Excel export). A
 * new `writeAudit({ action })` needs its row here: audit-labels.spec.ts reads the sources and
 * fails on an action without a label.
 */
export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.password_change': { zh: '修改密码', en: 'Changed password' },
  'user.create': { zh: '新建用户', en: 'Created user' },
  'user.update': { zh: '修改用户', en: 'Updated user' },
  'unit.create': { zh: '新建单位', en: 'Created unit' },
  'unit.update': { zh: '修改单位', en: 'Updated unit' },
  'unit.move': { zh: '调整上级单位', en: 'Moved unit' },
  'unit.delete': { zh: '删除单位', en: 'Deleted unit' },
  'period.create': { zh: '新建报送周期', en: 'Created period' },
  'period.update': { zh: '修改报送周期', en: 'Updated period' },
  'period.reextract': { zh: '重新抽取', en: 'Re-extracted period' },
  'report.upload': { zh: '上传报告', en: 'Uploaded report' },
  'report.status': { zh: '报告状态变化', en: 'Report status changed' },
  'mention.review': { zh: '核对数字', en: 'Reviewed figure' },
  'mention.create': { zh: '补录数字', en: 'Added figure' },
  'metric.create': { zh: '新建指标', en: 'Created metric' },
  'metric.update': { zh: '修改指标', en: 'Updated metric' },
  'settings.analytics': { zh: '修改分析参数', en: 'Changed analytics settings' },
  'settings.reminders': { zh: '修改催报规则', en: 'Changed reminder rules' },
  'reminders.run': { zh: '立即催报', en: 'Sent reminders' },
  'notifications.preferences': { zh: '修改通知偏好', en: 'Changed notification preferences' },
  'channel.create': { zh: '新建通知渠道', en: 'Created channel' },
  'channel.update': { zh: '修改通知渠道', en: 'Updated channel' },
  'channel.delete': { zh: '删除通知渠道', en: 'Deleted channel' },
  'mail.update': { zh: '修改邮件设置', en: 'Changed e-mail settings' },
  'mail.delete': { zh: '删除邮件设置', en: 'Removed e-mail settings' },
  'mail.test': { zh: '发送测试邮件', en: 'Sent test e-mail' },
  'wall.issue': { zh: '发放大屏链接', en: 'Issued wall link' },
  'wall.revoke': { zh: '撤销大屏链接', en: 'Revoked wall link' },
  'period.close': { zh: '关闭报送周期', en: 'Closed period' },
  'period.reopen': { zh: '重新开放报送周期', en: 'Reopened period' },
  'unit.levels': { zh: '修改层级名称', en: 'Renamed levels' },
  'queue.board_open': { zh: '打开队列面板', en: 'Opened queue board' },
  'queue.board_action': { zh: '队列面板操作', en: 'Queue board action' },
  'catalogue.sync': { zh: '同步默认指标目录', en: 'Synced default catalogue' },
  'setup.complete': { zh: '完成初始设置', en: 'Completed first-run setup' },
  'setup.code_rejected': { zh: '初始设置码错误', en: 'Wrong setup code' },
  'assessment.rules': { zh: ASSESSMENT_AUDIT_ACTION_LABELS['assessment.rules'], en: 'Changed assessment rules' },
  'assessment.score': { zh: ASSESSMENT_AUDIT_ACTION_LABELS['assessment.score'], en: 'Scored an item' },
  'assessment.override': { zh: ASSESSMENT_AUDIT_ACTION_LABELS['assessment.override'], en: 'Overrode an automatic score' },
  'assessment.score_clear': { zh: ASSESSMENT_AUDIT_ACTION_LABELS['assessment.score_clear'], en: 'Cleared a manual score' },
};

/** What an audit entry concerns (its `entity`). */
export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  user: { zh: '用户', en: 'User' },
  unit: { zh: '单位', en: 'Unit' },
  period: { zh: '报送周期', en: 'Period' },
  report: { zh: '报告', en: 'Report' },
  mention: { zh: '数字', en: 'Figure' },
  metric: { zh: '指标', en: 'Metric' },
  settings: { zh: '设置', en: 'Settings' },
  notification_channel: { zh: '通知渠道', en: 'Channel' },
  wall_link: { zh: '大屏链接', en: 'Wall link' },
  installation: { zh: '系统安装', en: 'Installation' },
};
