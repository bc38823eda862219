// ECharts option builders: plain data in, a plain option object out (no ECharts import at run
// time), so every chart's logic is unit-tested (options.spec.ts) without a canvas.
import type { ComparisonUnit, DashboardTrend, GapLevel, Heatmap } from '../../api/types';
import { levelName } from '@thermocline/contracts';
import { LEVEL_COLORS, temperatureColor } from '../../charts/colors';
import { html } from '../../charts/escape';

type Lang = 'zh' | 'en';
type Opt = Record<string, unknown>;
/** Absolute level → the name shown (the organisation's own, from GET /api/units/levels). */
export type LevelNamer = (absoluteLevel: number, lang: Lang) => string;

export interface LevelBar {
  level: number;
  name: string;
  median: number | null;
  attenuation: number | null;
  /** Attenuation below the threshold: this is where heat is lost. */
  loss: boolean;
  unitCount: number;
}

/**
 * The levels in order with their attenuation judged against the threshold (the api's configured
 * one, the gap answer's attenuationThreshold). Levels come numbered
 * from the caller's unit (0); `offset` (the caller's own absolute level) names them.
 */
export function levelBars(levels: readonly GapLevel[], lang: Lang, threshold: number, offset = 0, nameOf: LevelNamer = levelName): LevelBar[] {
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((l) => ({
      level: l.level,
      name: nameOf(l.level + offset, lang),
      median: l.medianTemperature,
      attenuation: l.attenuation,
      loss: l.attenuation !== null && l.attenuation < threshold,
      unitCount: l.unitCount,
    }));
}

export function attenuationText(a: number | null): string {
  if (a === null || !Number.isFinite(a)) return '';
  const pct = Math.round(Number(((1 - a) * 100).toFixed(6)));
  return pct >= 0 ? `↓${pct}%` : `↑${-pct}%`;
}

/**
 * The signature chart (上热下冷 at a glance): each level's median temperature as a bar coloured by
 * its temperature, a line through the medians, and between levels the attenuation (e.g. ↓38%),
 * red where it falls below the threshold.
 */
export function levelOption(levels: readonly GapLevel[], lang: Lang, threshold: number, offset = 0, nameOf: LevelNamer = levelName): Opt {
  const bars = levelBars(levels, lang, threshold, offset, nameOf);
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return {
    animationDuration: 200,
    grid: { left: 48, right: 24, top: 40, bottom: 48 },
    tooltip: { trigger: 'axis' },
    // Every level named, even on a phone (the automatic interval hid two of four).
    xAxis: { type: 'category', data: bars.map((b) => `${b.name}\n(${b.unitCount})`), axisLabel: { interval: 0, fontSize: 11, hideOverlap: false } },
    yAxis: { type: 'value', min: 0, max: 100, name: t('温度中位数', 'Median temperature') },
    series: [
      {
        name: t('温度中位数', 'Median temperature'),
        type: 'bar',
        barMaxWidth: 72,
        data: bars.map((b) => ({
          value: b.median,
          itemStyle: { color: temperatureColor(b.median) },
          label: {
            show: true,
            position: 'top',
            formatter: b.attenuation === null ? `${b.median ?? '—'}` : `${b.median ?? '—'}  ${attenuationText(b.attenuation)}`,
            color: b.loss ? '#cf1322' : '#595959',
            fontWeight: b.loss ? 'bold' : 'normal',
          },
        })),
      },
      {
        name: t('逐级衰减', 'Attenuation'),
        type: 'line',
        data: bars.map((b) => b.median),
        symbolSize: 8,
        lineStyle: { type: 'dashed', color: '#8c8c8c' },
        itemStyle: { color: '#8c8c8c' },
        tooltip: { show: false },
      },
    ],
  };
}

export type SortDir = 'desc' | 'asc';

export function sortComparison(units: readonly ComparisonUnit[], dir: SortDir): ComparisonUnit[] {
  // Units without a value (no report) go last either way.
  const v = (u: ComparisonUnit) => u.value ?? (dir === 'desc' ? -Infinity : Infinity);
  return [...units].sort((a, b) => (dir === 'desc' ? v(b) - v(a) : v(a) - v(b)) || a.name.localeCompare(b.name));
}

/** Bars shown at once; more units scroll with a slider (and the wheel) instead of squeezing 500 labels. */
export const COMPARISON_WINDOW = 40;

/** Comparison bars, one colour (and legend entry) per level, in the chosen order. */
export function comparisonOption(units: readonly ComparisonUnit[], dir: SortDir, lang: Lang, valueName: string, offset = 0, narrow = false, nameOf: LevelNamer = levelName): Opt {
  const sorted = sortComparison(units, dir);
  const levels = [...new Set(sorted.map((u) => u.level))].sort((a, b) => a - b);
  // Only the hovered bar's own level and value: the other (stacked, empty) level series would list "-".
  const tooltip = { trigger: 'item', formatter: (p: { name: string; seriesName: string; value: number | null }) => html`${p.name}<br/>${p.seriesName}：${p.value ?? '—'}` };
  const series = levels.map((l) => ({
    name: nameOf(l + offset, lang),
    type: 'bar',
    stack: 'level',
    barMaxWidth: 40,
    itemStyle: { color: LEVEL_COLORS[(l + offset) % LEVEL_COLORS.length] },
    data: sorted.map((u) => (u.level === l ? u.value : null)),
  }));
  if (narrow) {
    // Phones: horizontal bars, names read across (first unit on top), the legend above the chart.
    return {
      animationDuration: 200,
      grid: { left: 8, right: 40, top: 36, bottom: 8, containLabel: true },
      tooltip,
      legend: { top: 0, data: levels.map((l) => nameOf(l + offset, lang)) },
      yAxis: { type: 'category', inverse: true, data: sorted.map((u) => u.name), axisLabel: { width: 110, overflow: 'truncate', fontSize: 12 } },
      xAxis: { type: 'value', name: valueName, nameLocation: 'end', nameGap: 4, splitNumber: 3 },
      series: series.map((x) => ({ ...x, barMaxWidth: 16 })),
    };
  }
  const many = sorted.length > 14;
  const scroll = sorted.length > COMPARISON_WINDOW;
  return {
    animationDuration: 200,
    grid: { left: 56, right: 16, top: 40, bottom: (many ? 110 : 60) + (scroll ? 30 : 0) },
    ...(scroll
      ? {
          dataZoom: [
            { type: 'slider', xAxisIndex: 0, startValue: 0, endValue: COMPARISON_WINDOW - 1, height: 18, bottom: 8, zoomLock: false },
            { type: 'inside', xAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true },
          ],
        }
      : {}),
    tooltip,
    legend: { top: 0, data: levels.map((l) => nameOf(l + offset, lang)) },
    xAxis: { type: 'category', data: sorted.map((u) => u.name), axisLabel: { rotate: many ? 50 : 0, interval: 0, width: 120, overflow: 'truncate' } },
    yAxis: { type: 'value', name: valueName, nameTextStyle: { align: 'left' } },
    series,
  };
}

/**
 * Unit × metric heatmap. Colour is the api's score (0..1 against level peers), so metrics with
 * different scales read alike; the label and tooltip give the counted total. A cell without a
 * score (no report, or no reference) stays grey.
 */
export function heatmapOption(h: Pick<Heatmap, 'metrics' | 'units' | 'values' | 'totals'>, lang: Lang): Opt {
  // A metric no unit shown reports (no total above 0, no score) is an empty column: left out.
  const shown = h.metrics.map((_, x) => x).filter((x) => h.units.some((_, y) => (h.totals[y]?.[x] ?? 0) > 0 || (h.values[y]?.[x] ?? null) !== null));
  const data: [number, number, number | '-', number | null][] = [];
  h.units.forEach((_, y) =>
    shown.forEach((x, col) => {
      const score = h.values[y]?.[x];
      data.push([col, y, score === null || score === undefined ? '-' : Math.round(score * 100) / 100, h.totals[y]?.[x] ?? null]);
    }),
  );
  const names = { units: h.units.map((u) => u.name), metrics: shown.map((x) => h.metrics[x].name) };
  return {
    animation: false,
    grid: { left: 130, right: 24, top: 16, bottom: 170 },
    tooltip: {
      position: 'top',
      formatter: (p: { data: [number, number, number | '-', number | null] }) =>
        html`${names.units[p.data[1]] ?? ''} · ${names.metrics[p.data[0]] ?? ''}<br/>${lang === 'zh' ? '合计' : 'total'}：${p.data[3] ?? '—'} · ${lang === 'zh' ? '得分' : 'score'}：${p.data[2]}`,
    },
    xAxis: { type: 'category', data: names.metrics, axisLabel: { rotate: 45, interval: 0, width: 150, overflow: 'truncate' }, splitArea: { show: true } },
    yAxis: { type: 'category', data: names.units, inverse: true, axisLabel: { width: 120, overflow: 'truncate' }, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: lang === 'zh' ? ['高于同级', '低于同级'] : ['above peers', 'below peers'],
      inRange: { color: ['#1e3a8a', '#90caf9', '#ffe0b2', '#b71c1c'] },
      dimension: 2,
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: h.units.length * shown.length <= 400, formatter: (p: { data: [number, number, number | '-', number | null] }) => (p.data[3] === null ? '' : String(p.data[3])) },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}

export interface TreeInput {
  code: string;
  name: string;
  children: TreeInput[];
}

export interface TempTreeNode {
  name: string;
  value: number | null;
  code: string;
  itemStyle: { color: string; borderColor: string };
  children: TempTreeNode[];
  collapsed?: boolean;
}

/** The org tree with each node coloured by its temperature; deep trees start collapsed below `open` levels. */
export function temperatureTree(root: TreeInput, temps: ReadonlyMap<string, number | null>, open = 4, depth = 0): TempTreeNode {
  const v = temps.get(root.code) ?? null;
  return {
    name: root.name,
    code: root.code,
    value: v,
    itemStyle: { color: temperatureColor(v), borderColor: v === null ? '#8c8c8c' : temperatureColor(v) },
    children: root.children.map((c) => temperatureTree(c, temps, open, depth + 1)),
    collapsed: depth >= open && root.children.length > 0,
  };
}

export function treeOption(root: TempTreeNode): Opt {
  // The root's label sits left of its node: leave room for all of it (about 13 px a character).
  const labelWidth = (n: TempTreeNode) => (n.name.length + String(n.value ?? '').length + 1) * 13;
  const deepest = (n: TempTreeNode): TempTreeNode[] => (n.children.length ? n.children.flatMap(deepest) : [n]);
  const left = Math.min(320, Math.max(120, labelWidth(root) + 24));
  const right = Math.min(320, Math.max(160, ...deepest(root).map(labelWidth)) + 24);
  return {
    animationDuration: 200,
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number | null }) => html`${p.name}<br/>${p.value ?? '—'}` },
    series: [
      {
        type: 'tree',
        data: [root],
        top: 24,
        left,
        bottom: 24,
        right,
        symbol: 'circle',
        symbolSize: 14,
        initialTreeDepth: -1,
        expandAndCollapse: true,
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12, formatter: (p: { name: string; value: number | null }) => (p.value == null ? p.name : `${p.name} ${p.value}`) },
        leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
      },
    ],
  };
}

/** Trend lines: one per unit across the periods (oldest first); a period without a report is a gap. */
export function trendOption(trend: Pick<DashboardTrend, 'periods' | 'series'> & { periodNames?: readonly string[] }, valueName: string): Opt {
  return {
    animationDuration: 200,
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    // The axis reads period names (2026年上半年); codes only when a period has none.
    xAxis: { type: 'category', data: trend.periods.map((code, i) => trend.periodNames?.[i] || code) },
    yAxis: { type: 'value', name: valueName },
    series: trend.series.map((s) => ({ name: s.name, type: 'line', connectNulls: false, data: trend.periods.map((_, i) => s.values?.[i] ?? null) })),
  };
}
