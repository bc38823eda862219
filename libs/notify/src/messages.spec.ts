import { UPLOAD_TYPES_TEXT } from '@thermocline/contracts';
import { escalationMessage, extractedMessage, extractionFailedMessage, flagMessage, reminderMessage } from './messages';
import { dedupeKey } from './centre';

const base = { unitName: '二中党支部', periodCode: '2026-H1', periodName: '2026年上半年', dueOn: '2026-07-10' };

describe('message texts', () => {
  it('reminders say how long is left or how late it is, and lead to the upload page', () => {
    expect(reminderMessage({ ...base, daysFromDue: -3 })).toMatchObject({ kind: 'due_soon', title: '【报告提醒】2026年上半年 报告还有 3 天截止', link: '/my-unit?period=2026-H1' });
    expect(reminderMessage({ ...base, daysFromDue: 0 })).toMatchObject({ kind: 'due_today', title: '【报告提醒】2026年上半年 报告今天截止' });
    const late = reminderMessage({ ...base, daysFromDue: 3, escalatedTo: '教育局党委' });
    expect(late).toMatchObject({ kind: 'overdue', title: '【逾期提醒】2026年上半年 报告已逾期 3 天' });
    expect(late.body).toContain('已同时告知上级党组织「教育局党委」');
    expect(late.body).toContain('2026年上半年（2026-H1）');
  });

  it('an escalation names the unit, its secretaries and leads to the unit page', () => {
    const m = escalationMessage({ ...base, unitCode: 'school-2', daysLate: 3, secretaries: ['二中书记'] });
    expect(m).toMatchObject({ kind: 'escalation', link: '/units/school-2?period=2026-H1' });
    expect(m.body).toContain('二中书记');
    expect(escalationMessage({ ...base, unitCode: 'x y', daysLate: 3, secretaries: [] }).link).toBe('/units/x%20y?period=2026-H1');
  });

  it('a failed extraction gives the reason and what to do for that reason', () => {
    const m = extractionFailedMessage({ unitName: '一中', periodCode: '2026-H1', reportId: 9, version: 2, originalName: 'a.pdf', reason: 'PDF 已加密，无法读取。', errorCode: 'ENCRYPTED_PDF' });
    expect(m.body).toContain('原因：PDF 已加密，无法读取。怎么办：');
    expect(m.body).toContain('去掉文档密码');
    expect(m.link).toBe('/reports/9');
  });

  it('a flag carries its reason', () => {
    expect(flagMessage({ kind: 'cold', unitName: '医院', unitCode: 'h', periodCode: '2026-H1', reason: '温度 21，低于冷点阈值 40' }).body).toContain('温度 21，低于冷点阈值 40。');
  });

  it('dedupe keys name recipient, period and stage', () => {
    expect(dedupeKey({ recipient: { userId: 7 }, periodId: 3, stage: 'due:-7' })).toBe('u7:p3:due:-7');
    expect(dedupeKey({ recipient: { unitId: 4 }, periodId: 3, stage: 'due:+3' })).toBe('g4:p3:due:+3');
  });
});

describe('notices use the screen’s words (#16.2)', () => {
  const facts = { unitName: '一中党总支', periodCode: '2025-H2', reportId: 7, version: 1, originalName: '报告.docx' };

  it('names the review buttons as they are labelled: 确认 / 更正 / 驳回 / 补录', () => {
    const m = extractedMessage({ ...facts, mentions: 5 });
    expect(m.body).toContain('共识别出 5 项数据');
    for (const word of ['“确认”', '“更正”', '“驳回”', '“补录”']) expect(m.body).toContain(word);
    expect(m.body).not.toMatch(/“修改”|后添加/);
  });

  it('says when no figure was recognised and how to add them, instead of asking to check each', () => {
    const m = extractedMessage({ ...facts, mentions: 0 });
    expect(m.title).toContain('未识别出数字');
    expect(m.body).toContain('没有识别出任何工作数字');
    expect(m.body).toContain('“补录”');
    expect(m.body).not.toContain('逐项核对');
  });

  it('lists the accepted file types from the one list, and says what to do with a WPS file', () => {
    const m = reminderMessage({ unitName: '一中党总支', periodCode: '2025-H2', periodName: '2025年下半年', dueOn: '2026-01-10', daysFromDue: -3 } as never);
    expect(m.body).toContain(UPLOAD_TYPES_TEXT.zh);
    expect(m.body).toContain('WPS 文档请先另存为 .docx');
  });
});

describe('period names in reminder titles (issue 15 item 8)', () => {
  it('titles a reminder and an escalation with the period name, the code only as a fallback', () => {
    const named = reminderMessage({ unitName: '一中党支部', periodCode: '2026-H1', periodName: '2026年上半年', dueOn: '2026-07-10', daysFromDue: 3 });
    expect(named.title).toContain('2026年上半年');
    expect(named.title).not.toContain('2026-H1');
    expect(reminderMessage({ unitName: '一中党支部', periodCode: '2026-H1', dueOn: '2026-07-10', daysFromDue: 0 }).title).toContain('2026-H1');
    const esc = escalationMessage({ unitName: '一中党支部', unitCode: 'school-1', periodCode: '2026-H1', periodName: '2026年上半年', dueOn: '2026-07-10', daysLate: 5, secretaries: [] });
    expect(esc.title).toContain('2026年上半年');
  });
});

describe('period names in report and flag notices (issue 15 item 8)', () => {
  const report = { unitName: '一中党总支', periodCode: '2026-H1', periodName: '2026年上半年', reportId: 7, version: 2, originalName: '报告.docx' };

  it('titles the extracted and failed notices with the period name; the link keeps the report id', () => {
    const checked = extractedMessage({ ...report, mentions: 5 });
    expect(checked.title).toBe('【请核对】2026年上半年 报告已完成数据识别');
    expect(checked.body).toContain('一中党总支上传的2026年上半年报告「报告.docx」');
    expect(extractedMessage({ ...report, mentions: 0 }).title).toBe('【请补录】2026年上半年 报告未识别出数字');
    const failed = extractionFailedMessage({ ...report, reason: '文件已损坏。', errorCode: 'CORRUPT_DOCX' });
    expect(failed.title).toBe('【处理失败】2026年上半年 报告未能读取');
    expect(failed.link).toBe('/reports/7');
    for (const m of [checked, failed]) expect(`${m.title}${m.body}`).not.toContain('2026-H1');
  });

  it('falls back to the code when the period has no name', () => {
    expect(extractionFailedMessage({ ...report, periodName: null, reason: 'x', errorCode: null }).title).toBe('【处理失败】2026-H1 报告未能读取');
    expect(extractedMessage({ ...report, periodName: undefined, mentions: 1 }).title).toBe('【请核对】2026-H1 报告已完成数据识别');
  });

  it('titles a flag notice with the period name and keeps the code in the link', () => {
    const cold = flagMessage({ kind: 'cold', unitName: '医院', unitCode: 'h', periodCode: '2026-H1', periodName: '2026年上半年', reason: '温度 21，低于冷点阈值 40' });
    expect(cold.title).toBe('【温度预警】医院 2026年上半年 被标记为“冷点”');
    expect(cold.body).toContain('根据 2026年上半年 报告分析');
    expect(cold.link).toBe('/units/h?period=2026-H1');
    const down = flagMessage({ kind: 'declining', unitName: '医院', unitCode: 'h', periodCode: '2026-H1', periodName: '2026年上半年', reason: 'r' });
    expect(down.title).toBe('【下滑预警】医院 2026年上半年 温度较上期明显下降');
    expect(`${down.title}${down.body}`).not.toContain('2026-H1');
  });
});
