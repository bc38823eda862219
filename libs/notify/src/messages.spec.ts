import { escalationMessage, extractionFailedMessage, flagMessage, reminderMessage } from './messages';
import { dedupeKey } from './centre';

const base = { unitName: '二中党支部', periodCode: '2026-H1', periodName: '2026年上半年', dueOn: '2026-07-10' };

describe('message texts', () => {
  it('reminders say how long is left or how late it is, and lead to the upload page', () => {
    expect(reminderMessage({ ...base, daysFromDue: -3 })).toMatchObject({ kind: 'due_soon', title: '【报告提醒】2026-H1 报告还有 3 天截止', link: '/my-unit?period=2026-H1' });
    expect(reminderMessage({ ...base, daysFromDue: 0 })).toMatchObject({ kind: 'due_today', title: '【报告提醒】2026-H1 报告今天截止' });
    const late = reminderMessage({ ...base, daysFromDue: 3, escalatedTo: '教育局党委' });
    expect(late).toMatchObject({ kind: 'overdue', title: '【逾期提醒】2026-H1 报告已逾期 3 天' });
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
