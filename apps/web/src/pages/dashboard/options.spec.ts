import type { ComparisonUnit, GapLevel } from '../../api/types';
import { attenuationText, comparisonOption, heatmapOption, levelBars, levelOption, sortComparison, temperatureTree, treeOption, trendOption } from './options';
import { temperatureColor } from '../../charts/colors';

type Series = { name: string; type: string; data: ({ value: number | null; label: { formatter: string; color: string } } | number | null)[] }[];

const LEVELS: GapLevel[] = [
  { level: 2, unitCount: 6, ratedCount: 6, medianTemperature: 31, attenuation: 0.5 },
  { level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 80, attenuation: null },
  { level: 1, unitCount: 3, ratedCount: 3, medianTemperature: 62, attenuation: 0.775 },
];

describe('levelOption: median temperature by level with attenuation', () => {
  it('orders levels top-down and names them with their unit counts', () => {
    const o = levelOption(LEVELS, 'zh', 0.8) as { xAxis: { data: string[] }; series: Series };
    expect(o.xAxis.data).toEqual(['局党组\n(1)', '二级党委\n(3)', '总支/支部\n(6)']);
    const bars = o.series[0].data as { value: number; label: { formatter: string; color: string } }[];
    expect(bars.map((b) => b.value)).toEqual([80, 62, 31]);
  });

  it('writes the loss between levels on the lower bar and makes a loss past the threshold red', () => {
    const o = levelOption(LEVELS, 'zh', 0.8) as { series: Series };
    const bars = o.series[0].data as { label: { formatter: string; color: string } }[];
    expect(bars[0].label.formatter).toBe('80');
    expect(bars[1].label.formatter).toBe('62  ↓23%');
    expect(bars[2].label.formatter).toBe('31  ↓50%');
    expect(bars[1].label.color).toBe('#cf1322');
    const relaxed = levelOption(LEVELS, 'zh', 0.7) as { series: Series };
    expect((relaxed.series[0].data[1] as { label: { color: string } }).label.color).not.toBe('#cf1322');
  });

  it('colours each bar by its temperature and draws the line through the medians', () => {
    const o = levelOption(LEVELS, 'en', 0.8) as { series: Series };
    expect((o.series[0].data[2] as { itemStyle?: { color: string } } & object as { itemStyle: { color: string } }).itemStyle.color).toBe(temperatureColor(31));
    expect(o.series[1]).toMatchObject({ type: 'line', data: [80, 62, 31] });
  });

  it('handles a level without a median and a warmer bottom', () => {
    expect(attenuationText(null)).toBe('');
    expect(attenuationText(1.25)).toBe('↑25%');
    const bars = levelBars([{ level: 0, unitCount: 1, ratedCount: 0, medianTemperature: null, attenuation: null }], 'en', 0.8);
    expect(bars[0]).toMatchObject({ name: 'Bureau', median: null, loss: false });
  });

  it('names levels counted from a caller below the bureau by their absolute level', () => {
    const o = levelOption(LEVELS.slice(1), 'zh', 0.8, 1) as { xAxis: { data: string[] } };
    expect(o.xAxis.data).toEqual(['二级党委\n(1)', '总支/支部\n(3)']);
  });
});

describe('comparisonOption', () => {
  const u = (code: string, name: string, level: number, value: number, rank: number): ComparisonUnit => ({ code, name, level, value, rank, parentCode: null, memberCount: 10, temperature: null, status: 'reported' });
  const units: ComparisonUnit[] = [u('a', '甲', 1, 5, 2), u('b', '乙', 2, 9, 1), u('c', '丙', 2, 1, 3)];
  it('sorts either way', () => {
    expect(sortComparison(units, 'desc').map((u) => u.code)).toEqual(['b', 'a', 'c']);
    expect(sortComparison(units, 'asc').map((u) => u.code)).toEqual(['c', 'a', 'b']);
  });
  it('has one stacked series per level so bars are coloured by level with a legend', () => {
    const o = comparisonOption(units, 'desc', 'zh', '合计') as { xAxis: { data: string[] }; series: Series; legend: { data: string[] } };
    expect(o.xAxis.data).toEqual(['乙', '甲', '丙']);
    expect(o.legend.data).toEqual(['二级党委', '总支/支部']);
    expect(o.series.map((s) => s.data)).toEqual([
      [null, 5, null],
      [9, null, 1],
    ]);
    expect(o).not.toHaveProperty('dataZoom');
  });
  it('scrolls many units through a window of bars instead of squeezing them', () => {
    const many = Array.from({ length: 500 }, (_, i) => u(`u${i}`, `单位${i}`, 3, i, i));
    const o = comparisonOption(many, 'desc', 'zh', '合计') as { dataZoom: { type: string; startValue?: number; endValue?: number }[]; xAxis: { data: string[] } };
    expect(o.xAxis.data[0]).toBe('单位499');
    expect(o.dataZoom[0]).toMatchObject({ type: 'slider', startValue: 0, endValue: 39 });
  });
});

describe('heatmapOption', () => {
  it('colours by the score against peers, labels with the total, and leaves unscored cells grey', () => {
    const o = heatmapOption(
      {
        metrics: [
          { key: 'x', name: 'X', category: 'org' },
          { key: 'y', name: 'Y', category: 'study' },
        ],
        units: [
          { code: 'a', name: '甲', level: 1 },
          { code: 'b', name: '乙', level: 1 },
        ],
        values: [
          [1, 0.333],
          [0.5, null],
        ],
        totals: [
          [10, 1],
          [5, null],
        ],
      },
      'zh',
    ) as { series: { data: unknown[][] }[]; yAxis: { data: string[] }; xAxis: { data: string[] } };
    expect(o.xAxis.data).toEqual(['X', 'Y']);
    expect(o.yAxis.data).toEqual(['甲', '乙']);
    expect(o.series[0].data).toEqual([
      [0, 0, 1, 10],
      [1, 0, 0.33, 1],
      [0, 1, 0.5, 5],
      [1, 1, '-', null],
    ]);
  });
});

describe('org tree coloured by temperature', () => {
  it('colours each node and collapses below the open depth', () => {
    const tree = temperatureTree(
      { code: 'r', name: '局', children: [{ code: 'a', name: 'A', children: [{ code: 'a1', name: 'A1', children: [{ code: 'a11', name: 'A11', children: [] }] }] }] },
      new Map([
        ['r', 80],
        ['a', 20],
      ]),
      1,
    );
    expect(tree.itemStyle).toEqual({ color: temperatureColor(80), borderColor: temperatureColor(80) });
    expect(tree.children[0].itemStyle.color).toBe(temperatureColor(20));
    expect(tree.children[0].children[0].value).toBeNull();
    expect(tree.children[0].children[0].itemStyle.color).toBe('#d9d9d9');
    expect(tree.collapsed).toBe(false);
    expect(tree.children[0].children[0].collapsed).toBe(true);
    expect((treeOption(tree) as { series: { type: string; data: unknown[] }[] }).series[0]).toMatchObject({ type: 'tree', data: [tree] });
  });
});

describe('trendOption', () => {
  it('draws one line per unit over the periods, with gaps where there was no report', () => {
    const o = trendOption(
      {
        periods: ['2025-H2', '2026-H1'],
        series: [
          { code: 'a', name: 'A', values: [3, 4] },
          { code: 'b', name: 'B', values: [null as unknown as number, 1] },
        ],
      },
      'n',
    ) as { xAxis: { data: string[] }; series: Series };
    expect(o.xAxis.data).toEqual(['2025-H2', '2026-H1']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['A', [3, 4]],
      ['B', [null, 1]],
    ]);
  });
});

it('labels the trend axis with period names, not codes', () => {
  const opt = trendOption({ periods: ['2025-H2', '2026-H1'], periodNames: ['2025年下半年', '2026年上半年'], series: [] }, '温度') as { xAxis: { data: string[] } };
  expect(opt.xAxis.data).toEqual(['2025年下半年', '2026年上半年']);
});

describe('charts as read (#16.4, #16.6)', () => {
  const units = [
    { code: 'a', name: '一中党总支', level: 1, value: 40 },
    { code: 'b', name: '人民医院党委', level: 2, value: 30 },
  ] as ComparisonUnit[];

  it('comparison tooltip shows only the hovered bar’s level and value', () => {
    const o = comparisonOption(units, 'desc', 'zh', '温度') as { tooltip: { trigger: string; formatter(p: unknown): string } };
    expect(o.tooltip.trigger).toBe('item');
    expect(o.tooltip.formatter({ name: '一中党总支', seriesName: '二级党委', value: 40 })).toBe('一中党总支<br/>二级党委：40');
  });

  it('lays the comparison out as horizontal bars on a phone, names across', () => {
    const o = comparisonOption(units, 'desc', 'zh', '温度', 0, true) as { yAxis: { type: string; data: string[] }; xAxis: { type: string } };
    expect(o.yAxis).toMatchObject({ type: 'category', data: ['一中党总支', '人民医院党委'] });
    expect(o.xAxis.type).toBe('value');
  });

  it('leaves out heatmap columns of metrics no unit shown reports', () => {
    const o = heatmapOption(
      {
        metrics: [{ key: 'm1', name: '支委会', category: 'org' }, { key: 'm2', name: '网评文章', category: 'online' }, { key: 'm3', name: '党课', category: 'study' }],
        units: [{ code: 'a', name: 'A', level: 1 }, { code: 'b', name: 'B', level: 1 }],
        values: [[0.5, null, null], [0.2, null, 0.1]],
        totals: [[3, 0, 0], [1, 0, 2]],
      },
      'zh',
    ) as { xAxis: { data: string[] }; series: { data: unknown[][] }[] };
    expect(o.xAxis.data).toEqual(['支委会', '党课']);
    expect(o.series[0].data).toContainEqual([1, 1, 0.1, 2]);
    expect(o.series[0].data.every((d) => (d[0] as number) < 2)).toBe(true);
  });

  it('leaves the org tree room for the whole root label and opens four levels', () => {
    const deep = { code: 'r', name: '某某市教育局机关党委', children: [{ code: 'a', name: 'A', children: [{ code: 'b', name: 'B', children: [{ code: 'c', name: 'C', children: [] }] }] }] };
    const tree = temperatureTree(deep, new Map([['r', 55.5]]));
    expect(tree.children[0].collapsed).toBe(false);
    expect(tree.children[0].children[0].collapsed).toBe(false);
    const o = treeOption(tree) as { series: { left: number }[] };
    expect(o.series[0].left).toBeGreaterThanOrEqual((deep.name.length + 5) * 13);
  });
});
