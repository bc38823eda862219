import { num, pct, reasons } from './reasons';
import type { DuplicateMatch } from './types';

const other: DuplicateMatch = { reportId: 12, unitId: 3, unitCode: 'u3', unitName: '乙支部', periodCode: '2026-H1', similarity: 0.934 };

describe('flag reasons name periods as people read them (issue 15 item 8)', () => {
  it('a missing or late report names the period it is for', () => {
    expect(reasons.missing('2026年上半年', '2026-07-10')).toBe('截至 2026-07-10 未提交 2026年上半年 报告，温度按 0 计入本层级');
    expect(reasons.missing('2026年上半年', undefined)).toBe('已过截止时间仍未提交 2026年上半年 报告，温度按 0 计入本层级');
    expect(reasons.late('2026年上半年', 3, '2026-07-10')).toBe('2026年上半年 报告逾期 3 天提交（截止日期 2026-07-10）');
  });

  it('a near-duplicate names the other report’s period by its name, the code only when it has none', () => {
    expect(reasons.sameperiod({ ...other, periodName: '2026年上半年' }, 1, false, 0.8)).toBe('与「乙支部」2026年上半年 报告（#12）相似度 93%，达到雷同阈值 80%');
    expect(reasons.sameperiod(other, 3, true, 0.8)).toBe('与「乙支部」2026-H1 报告（#12）相似度 93%，达到雷同阈值 80%；同期另有至少 2 份报告相似度不低于 80%');
    expect(reasons.ownPrevious({ ...other, periodCode: '2025-H2', periodName: '2025年下半年' }, 0.8)).toBe('与本单位上期（2025年下半年）报告（#12）相似度 93%，达到雷同阈值 80%，疑似沿用旧稿');
    expect(reasons.ownPrevious({ ...other, periodCode: '2025-H2' }, 0.8)).toContain('上期（2025-H2）');
  });

  it('the previous period in declining and repeated plans', () => {
    expect(reasons.declining(50, 80, '2025年下半年', 30, 15)).toBe('温度 50，较上期（2025年下半年）的 80 下降 30 点，超过下滑阈值 15');
    expect(reasons.repeatedPlans('2025年下半年', 0.97)).toContain('本单位上期（2025年下半年）');
    expect(reasons.repeatedPlans(null, 0.97)).toContain('本单位上期几乎逐字相同');
  });

  it('rounds figures as a person reads them', () => {
    expect(num(63.04)).toBe('63');
    expect(pct(0.8)).toBe('80%');
  });
});
