// What each notification says, in the words a branch secretary or a bureau leader reads, and the
// page of the web app it leads to. Kept apart from delivery so wording can change freely.

import type { NotificationKind } from './types';
import { UPLOAD_TYPES_TEXT, UPLOAD_WPS_HINT } from '@thermocline/contracts';

export interface Message {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Path in the web app (PUBLIC_URL is prefixed by the channels). */
  link: string;
}

const q = (s: string) => encodeURIComponent(s);
const periodLabel = (p: { periodCode: string; periodName?: string | null }) => (p.periodName && p.periodName !== p.periodCode ? `${p.periodName}（${p.periodCode}）` : p.periodCode);
/** What a person reads in a title or sentence: the period's name (2026年上半年), the code when it has none. */
const periodTitle = (p: { periodCode: string; periodName?: string | null }) => p.periodName || p.periodCode;

export interface ReminderFacts {
  unitName: string;
  periodCode: string;
  periodName?: string | null;
  dueOn: string;
  /** Calendar days from the due day to today: negative before it. */
  daysFromDue: number;
  /** Set at the escalated stage: the parent unit that is told as well. */
  escalatedTo?: string | null;
}

export function reminderMessage(f: ReminderFacts): Message {
  const label = periodLabel(f);
  const link = `/my-unit?period=${q(f.periodCode)}`;
  if (f.daysFromDue < 0) {
    const n = -f.daysFromDue;
    return {
      kind: 'due_soon',
      title: `【报告提醒】${periodTitle(f)} 报告还有 ${n} 天截止`,
      body: `${f.unitName}：${label}意识形态工作情况报告将于 ${f.dueOn} 截止，本单位尚未提交。请在截止日前登录系统上传报告（支持 ${UPLOAD_TYPES_TEXT.zh}；${UPLOAD_WPS_HINT.zh}）。`,
      link,
    };
  }
  if (f.daysFromDue === 0) {
    return {
      kind: 'due_today',
      title: `【报告提醒】${periodTitle(f)} 报告今天截止`,
      body: `${f.unitName}：今天（${f.dueOn}）是${label}意识形态工作情况报告的截止日，本单位尚未提交。请于今天 24 时前上传，逾期将记为迟报。`,
      link,
    };
  }
  const escalated = f.escalatedTo ? `本次提醒已同时告知上级党组织「${f.escalatedTo}」。` : '';
  return {
    kind: 'overdue',
    title: `【逾期提醒】${periodTitle(f)} 报告已逾期 ${f.daysFromDue} 天`,
    body: `${f.unitName}：${label}意识形态工作情况报告已于 ${f.dueOn} 截止，本单位至今未提交，已逾期 ${f.daysFromDue} 天。请尽快上传。${escalated}`,
    link,
  };
}

export interface EscalationFacts {
  unitName: string;
  unitCode: string;
  periodCode: string;
  periodName?: string | null;
  dueOn: string;
  daysLate: number;
  /** Display names of the unit's secretaries (who were reminded). */
  secretaries: string[];
}

export function escalationMessage(f: EscalationFacts): Message {
  const who = f.secretaries.length ? `已多次提醒该单位书记（${f.secretaries.join('、')}）` : '该单位未设书记账号，系统无法直接提醒';
  return {
    kind: 'escalation',
    title: `【督办】${f.unitName} ${periodTitle(f)} 报告逾期 ${f.daysLate} 天未交`,
    body: `下级单位「${f.unitName}」的${periodLabel(f)}意识形态工作情况报告已于 ${f.dueOn} 截止，至今逾期 ${f.daysLate} 天仍未提交。${who}，请督促其尽快报送。`,
    link: `/units/${q(f.unitCode)}?period=${q(f.periodCode)}`,
  };
}

export interface ReportFacts {
  unitName: string;
  periodCode: string;
  /** Shown in titles and bodies; the code when absent. */
  periodName?: string | null;
  reportId: number;
  version: number;
  originalName: string;
}

export function extractedMessage(f: ReportFacts & { mentions?: number | null }): Message {
  const head = `${f.unitName}上传的${periodTitle(f)}报告「${f.originalName}」（第 ${f.version} 版）已处理完毕，`;
  // The words are the buttons' own (确认 / 更正 / 驳回 / 补录), so the secretary finds them.
  const body =
    f.mentions === 0
      ? `${head}但没有识别出任何工作数字。请打开报告，在原文中选中写有数字的句子（如“召开支委会6次”），点击“补录”逐项添加；如报告本身没有写具体次数，请补充后重新上传。`
      : `${head}${f.mentions == null ? '' : `共识别出 ${f.mentions} 项数据，`}请打开报告逐项核对：数字准确的点“确认”，有误的点“更正”，不是本单位工作量的点“驳回”，漏识别的可在原文中选中后点“补录”。核对后的数字才会准确计入分析。`;
  return {
    kind: 'extracted',
    title: f.mentions === 0 ? `【请补录】${periodTitle(f)} 报告未识别出数字` : `【请核对】${periodTitle(f)} 报告已完成数据识别`,
    body,
    link: `/reports/${f.reportId}`,
  };
}

/** What a secretary can do about a failed report, by the extraction's error code. */
export function whatToDo(errorCode: string | null | undefined): string {
  switch (errorCode) {
    case 'NO_TEXT':
    case 'EMPTY_TEXT':
    case 'IMAGE':
      return '请上传由 Word/WPS 编辑的原始文档或可复制文字的 PDF，不要上传扫描件或照片。';
    case 'ENCRYPTED_PDF':
    case 'ENCRYPTED_WORD':
      return '请去掉文档密码后重新上传，或另存为不加密的 Word 文档再上传。';
    case 'CORRUPT_DOC':
    case 'CORRUPT_DOCX':
    case 'CORRUPT_PDF':
      return '文件可能已损坏：请用 Word/WPS 打开原文件确认能正常显示，另存为新的 .docx 后重新上传。';
    case 'PROCESSING_ERROR':
      return '系统已多次重试仍未成功，请稍后重新上传；如仍失败，请联系管理员并提供报告编号。';
    default:
      return `请按上述原因修改文件后重新上传（支持 ${UPLOAD_TYPES_TEXT.zh}）；如无法解决，请联系管理员并提供报告编号。`;
  }
}

export function extractionFailedMessage(f: ReportFacts & { reason: string; errorCode?: string | null }): Message {
  return {
    kind: 'extraction_failed',
    title: `【处理失败】${periodTitle(f)} 报告未能读取`,
    body: `${f.unitName}上传的${periodTitle(f)}报告「${f.originalName}」（第 ${f.version} 版，报告编号 #${f.reportId}）未能处理。原因：${f.reason.replace(/[。.]$/, '')}。怎么办：${whatToDo(f.errorCode)}在截止日前重新上传的，仍按时计。`,
    link: `/reports/${f.reportId}`,
  };
}

export function flagMessage(f: { kind: 'cold' | 'declining'; unitName: string; unitCode: string; periodCode: string; periodName?: string | null; reason: string }): Message {
  const cold = f.kind === 'cold';
  const advice = cold
    ? '建议对照上级部署补足学习研讨、宣传教育、阵地管理等工作，并在报告中写明开展的次数、参与人数等具体数字。'
    : '建议对照上期查找工作力度下降的环节，及时补齐，并在下期报告中写明具体做法和数字。';
  return {
    kind: f.kind,
    title: cold ? `【温度预警】${f.unitName} ${periodTitle(f)} 被标记为“冷点”` : `【下滑预警】${f.unitName} ${periodTitle(f)} 温度较上期明显下降`,
    body: `${f.unitName}：根据 ${periodTitle(f)} 报告分析，${f.reason.replace(/[。.]$/, '')}。${advice}`,
    link: `/units/${q(f.unitCode)}?period=${q(f.periodCode)}`,
  };
}

export function testMessage(channelName: string): Message {
  return {
    kind: 'test',
    title: '【测试消息】通知渠道配置成功',
    body: `这是一条来自 Thermocline 的测试消息：渠道「${channelName}」已能收到提醒。`,
    link: '/notifications',
  };
}
