import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../i18n/i18n';
import { componentRows, TemperatureBreakdown } from './TemperatureBreakdown';

const components = { breadth: 0.6, intensity: 0.25, specificity: 0.4, timeliness: 0.5, originality: 1 };
const breakdown = {
  weights: { breadth: 0.2, intensity: 0.35, specificity: 0.15, timeliness: 0.15, originality: 0.15 },
  facts: { factCount: 8, charCount: 2000, per1000Chars: 4, daysLate: 15, maxSimilarity: 0.31 },
  scoring: { specificityFull: 10, lateDaysToZero: 30, originalityFloor: 0.5 },
  categories: [
    { category: 'org', active: true },
    { category: 'study', active: true },
    { category: 'propaganda', active: true },
    { category: 'online', active: false },
    { category: 'civility', active: false },
  ],
  metrics: [
    { key: 'study.sessions', name: '集中学习', category: 'study', total: 2, score: 0.1 },
    { key: 'org.committee_meeting', name: '支委会', category: 'org', total: 1, score: 0.3 },
    { key: 'propaganda.x', name: '宣传', category: 'propaganda', total: 9, score: 1 },
  ],
};
const zh = (a: string) => a;

describe('the temperature taken apart', () => {
  it('gives each of the five parts its score, share and points; the points add up to the temperature', () => {
    const rows = componentRows(components, breakdown, zh, 'zh');
    expect(rows.map((r) => r.name)).toEqual(['广度', '强度', '具体度', '及时性', '原创性']);
    expect(rows.map((r) => r.score)).toEqual([60, 25, 40, 50, 100]);
    expect(rows.map((r) => r.weight)).toEqual([20, 35, 15, 15, 15]);
    const temperature = 100 * (0.2 * 0.6 + 0.35 * 0.25 + 0.15 * 0.4 + 0.15 * 0.5 + 0.15 * 1);
    expect(rows.reduce((s, r) => s + r.points, 0)).toBeCloseTo(temperature, 0);
    expect(rows[1].open).toBe(26.2);
  });

  it('says the figures behind each part', () => {
    const [breadth, intensity, specificity, timeliness, originality] = componentRows(components, breakdown, zh, 'zh').map((r) => r.figures);
    expect(breadth).toBe('3 / 5 类指标有工作数字；没有：网络阵地、精神文明');
    expect(intensity).toBe('与同层级单位相比偏少：集中学习 2（得分 10）、支委会 1（得分 30）');
    expect(specificity).toContain('每千字 4 个量化事实（8 个 / 2000 字');
    expect(timeliness).toBe('逾期 15 天提交（逾期 30 天降为 0）');
    expect(originality).toBe('与其他报告最高相似度 31%（50% 以下不扣分）');
  });

  it('renders the table with what would raise each part', () => {
    render(
      <I18nProvider lang="zh">
        <TemperatureBreakdown components={components} breakdown={breakdown} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('component-timeliness')).toHaveTextContent('逾期 15 天提交');
    expect(screen.getAllByText(/最多可提高/).length).toBe(4);
  });
});
