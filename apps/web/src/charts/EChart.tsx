// A React wrapper around one ECharts instance: sets the option, resizes with its box, forwards
// clicks, and can save the chart as a PNG (getDataURL) for a slide or a report.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { mark } from '../perf';
import { echarts, type ChartOption } from './echarts';

mark('echarts-module');

export interface EChartHandle {
  /** Saves the chart as a PNG under `name`. */
  saveImage(name: string): void;
  dataUrl(): string | undefined;
}

export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
  data: unknown;
}

interface Props {
  option: ChartOption;
  className?: string;
  height?: number;
  onClick?(e: ChartClick): void;
  /** Called once, when the chart is first drawn completely. */
  onPainted?(): void;
  testId?: string;
}

const EChart = forwardRef<EChartHandle, Props>(function EChart({ option, className, height, onClick, onPainted, testId }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const painted = useRef(onPainted);
  painted.current = onPainted;
  // The chart is created once per mount; its marks keep the name it was created with.
  const name = useRef(testId ?? 'chart');

  useEffect(() => {
    if (!box.current) return;
    mark(`chart-init:${name.current}`);
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as unknown as ChartClick));
    // Marks the chart as painted (animation done) for tests and the benchmark.
    c.on('finished', () => {
      if (box.current?.getAttribute('data-painted') === 'true') return;
      box.current?.setAttribute('data-painted', 'true');
      mark(`chart-painted:${name.current}`);
      painted.current?.();
    });
    // Resize with the box; the observer's first report (the size the chart was just drawn at) is
    // not a change: redrawing for it cost a whole second layout of the chart.
    let size = `${box.current.clientWidth}x${box.current.clientHeight}`;
    const ro =
      typeof ResizeObserver !== 'undefined'
        ? new ResizeObserver(([e]) => {
            const next = `${Math.round(e.contentRect.width)}x${Math.round(e.contentRect.height)}`;
            if (next === size) return;
            size = next;
            c.resize();
          })
        : null;
    ro?.observe(box.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  // The first draw is not animated: the chart appears complete at once (a grow-in would hold the
  // finished chart back by its duration); later changes (another metric, the order) animate.
  const drawn = useRef(false);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(drawn.current ? option : { ...option, animation: false }, { notMerge: true });
    drawn.current = true;
  }, [option]);

  useImperativeHandle(ref, () => ({
    dataUrl: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
    saveImage(name: string) {
      const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
      if (!url) return;
      const a = document.createElement('a');
      a.href = url;
      a.download = name.endsWith('.png') ? name : `${name}.png`;
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
  }));

  return <div ref={box} className={className ?? 'tc-chart'} style={height ? { height } : undefined} data-testid={testId} role="img" />;
});

export default EChart;
