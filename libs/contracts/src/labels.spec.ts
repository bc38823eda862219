import { FLAG_CODES, REPORT_STATUSES, REVIEW_STATES } from './index';
import { ASSESSMENT_AUDIT_ACTION_LABELS, FLAG_LABELS, labelOf, levelName, REPORT_STATUS_LABELS, REVIEW_STATE_LABELS, UNIT_STATUS_LABELS } from './labels';

it('names every flag, status and review state in both languages, flags with what they mean', () => {
  for (const code of FLAG_CODES) {
    expect(FLAG_LABELS[code].zh).not.toBe('');
    expect(FLAG_LABELS[code].en).not.toBe('');
    expect(FLAG_LABELS[code].description.zh).not.toBe('');
  }
  for (const s of REPORT_STATUSES) expect(REPORT_STATUS_LABELS[s].zh).not.toBe('');
  for (const s of REVIEW_STATES) expect(REVIEW_STATE_LABELS[s].zh).not.toBe('');
});

it('says what the screens say (the Excel export reads the same words)', () => {
  expect(FLAG_LABELS.low_specificity.zh).toBe('内容空泛');
  expect(FLAG_LABELS.declining.zh).toBe('持续降温');
  expect(labelOf(UNIT_STATUS_LABELS, 'not_due', 'zh')).toBe('未到期');
});

it('shows a code it has no label for as is', () => {
  expect(labelOf(FLAG_LABELS, 'no_such_flag', 'zh')).toBe('no_such_flag');
  expect(labelOf(FLAG_LABELS, 'constructor', 'en')).toBe('constructor');
});

it('names levels from the bureau down, numbering the deep ones', () => {
  expect(levelName(0, 'zh')).toBe('局党组');
  expect(levelName(2, 'en')).toBe('Level 2');
  expect(levelName(7, 'zh')).toBe('第7级');
  expect(levelName(7, 'en')).toBe('Level 7');
});

it('names the 年度考核 audit actions in Chinese', () => {
  expect(Object.keys(ASSESSMENT_AUDIT_ACTION_LABELS).sort()).toEqual(['assessment.override', 'assessment.rules', 'assessment.score', 'assessment.score_clear']);
  for (const label of Object.values(ASSESSMENT_AUDIT_ACTION_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/);
});
