// A unit's temperature taken apart (#16.1): each of the five components with its score, its share
// of the temperature, the figures behind it and what would raise it — so a secretary sees why
// the unit is cold and what to change.
import { Progress, Table, Typography } from 'antd';
import type { UnitStanding } from '../../../api/types';
import { temperatureColor } from '../../../charts/colors';
import { useI18n, type T } from '../../../i18n/i18n';
import { CATEGORY_LABELS } from '../../../i18n/metrics';

type Breakdown = NonNullable<UnitStanding['breakdown']>;
type Components = NonNullable<UnitStanding['components']>;
export type ComponentKey = keyof Components;

export interface ComponentRow {
  key: ComponentKey;
  name: string;
  /** 0..100 */
  score: number;
  /** Share of the temperature, 0..100 */
  weight: number;
  /** Temperature points this component gives (score × weight). */
  points: number;
  /** Points still open on it: what raising it fully would add. */
  open: number;
  figures: string;
  advice: string;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The five rows, in the catalogue's order, with figures in words (pure: tested on its own). */
export function componentRows(c: Components, b: Breakdown, t: T, lang: 'zh' | 'en'): ComponentRow[] {
  const f = b.facts;
  const cat = (k: string) => (CATEGORY_LABELS[k] ? CATEGORY_LABELS[k][lang] : k);
  const idle = b.categories.filter((x) => !x.active).map((x) => cat(x.category));
  const weak = b.metrics.filter((m) => m.score !== null && m.score < 0.5).slice(0, 3);
  const list = (xs: string[]) => xs.join(lang === 'zh' ? '、' : ', ');
  const rows: [ComponentKey, string, string, string][] = [
    [
      'breadth',
      t('广度', 'Breadth'),
      t(`${b.categories.length - idle.length} / ${b.categories.length} 类指标有工作数字${idle.length ? `；没有：${list(idle)}` : ''}`, `${b.categories.length - idle.length} of ${b.categories.length} categories have figures${idle.length ? `; none in ${list(idle)}` : ''}`),
      t('在报告中写明各类工作（含没有涉及的类别）的具体次数', 'Report the work of every category with its numbers'),
    ],
    [
      'intensity',
      t('强度', 'Intensity'),
      weak.length
        ? t(`与同层级单位相比偏少：${list(weak.map((m) => `${m.name} ${m.total}（得分 ${Math.round((m.score ?? 0) * 100)}）`))}`, `Below level peers: ${list(weak.map((m) => `${m.name} ${m.total} (score ${Math.round((m.score ?? 0) * 100)})`))}`)
        : t('没有明显偏少的指标（各项得分均不低于 50）', 'No metric far below level peers (every score 50 or more)'),
      t('开展并如实报告更多学习、宣传、阵地管理等工作', 'Do (and report) more of the work that scores low'),
    ],
    [
      'specificity',
      t('具体度', 'Specificity'),
      f
        ? t(`每千字 ${f.per1000Chars} 个量化事实（${f.factCount} 个 / ${f.charCount} 字；每千字 ${b.scoring.specificityFull} 个为满分）`, `${f.per1000Chars} quantified facts per 1,000 characters (${f.factCount} in ${f.charCount}; full at ${b.scoring.specificityFull})`)
        : '—',
      t('少写空话，多写“开展××活动×次、覆盖××人”这样的具体事实', 'Fewer generalities, more facts such as “held 3 sessions for 120 members”'),
    ],
    [
      'timeliness',
      t('及时性', 'Timeliness'),
      f ? (f.daysLate > 0 ? t(`逾期 ${f.daysLate} 天提交（逾期 ${b.scoring.lateDaysToZero} 天降为 0）`, `${f.daysLate} days late (0 at ${b.scoring.lateDaysToZero} days)`) : t('按时提交', 'On time')) : '—',
      t('在截止日期前报送', 'Submit by the due date'),
    ],
    [
      'originality',
      t('原创性', 'Originality'),
      f
        ? t(`与其他报告最高相似度 ${Math.round(f.maxSimilarity * 100)}%（${Math.round(b.scoring.originalityFloor * 100)}% 以下不扣分）`, `Highest similarity to another report ${Math.round(f.maxSimilarity * 100)}% (no deduction below ${Math.round(b.scoring.originalityFloor * 100)}%)`)
        : '—',
      t('结合本单位实际撰写，不照搬其他单位或往期报告', 'Write from the unit’s own work; do not copy other or earlier reports'),
    ],
  ];
  return rows.map(([key, name, figures, advice]) => {
    const weight = b.weights[key] * 100;
    const points = r1(c[key] * weight);
    return { key, name, score: Math.round(c[key] * 100), weight: r1(weight), points, open: r1(weight - points), figures, advice };
  });
}

export function TemperatureBreakdown({ components, breakdown }: { components: Components; breakdown: Breakdown }) {
  const { t, lang } = useI18n();
  const rows = componentRows(components, breakdown, t, lang);
  return (
    <Table<ComponentRow>
      size="small"
      rowKey="key"
      pagination={false}
      data-testid="temperature-breakdown"
      dataSource={rows}
      scroll={{ x: true }}
      columns={[
        { title: t('组成', 'Part'), dataIndex: 'name', width: 80, render: (n: string) => <strong>{n}</strong> },
        {
          title: t('得分', 'Score'),
          dataIndex: 'score',
          width: 130,
          render: (s: number) => <Progress percent={s} size="small" strokeColor={temperatureColor(s)} format={(p) => `${p}`} />,
        },
        { title: t('占温度', 'Weight'), dataIndex: 'weight', width: 70, render: (w: number) => `${w}%` },
        { title: t('贡献', 'Points'), key: 'points', width: 110, render: (_: unknown, r) => <span title={t(`还可提高 ${r.open} 分`, `${r.open} more possible`)}>{r.points} / {r.weight}</span> },
        {
          title: t('依据与改进', 'Why, and what would change it'),
          key: 'figures',
          render: (_: unknown, r) => (
            <>
              <div data-testid={`component-${r.key}`}>{r.figures}</div>
              {r.open >= 1 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`改进：${r.advice}（最多可提高 ${r.open} 分）`, `To raise it: ${r.advice} (up to ${r.open} points)`)}</Typography.Text>}
            </>
          ),
        },
      ]}
    />
  );
}
