// A React wrapper around one ECharts instance: sets the option, resizes with its box, forwards
// clicks, and can save the chart as a PNG (getDataURL) for a slide or a report.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

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
  testId?: string;
}

const EChart = forwardRef<EChartHandle, Props>(function EChart({ option, className, height, onClick, testId }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as unknown as ChartClick));
    // Marks the chart as painted (animation done) for tests and the benchmark.
    c.on('finished', () => box.current?.setAttribute('data-painted', 'true'));
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => c.resize()) : null;
    ro?.observe(box.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption(option, { notMerge: true });
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
