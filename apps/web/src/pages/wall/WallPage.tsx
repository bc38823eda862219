// 大屏 (#16.7): the dashboard for a meeting room's wall at 1920×1080 — dark, large type, readable
// from across the room; the level chart, the flagged units with reasons and the trend rotate in
// the main area, submission progress and the coldest units stay beside them; everything
// refreshes itself. Opened from the dashboard (signed in as a leader or an administrator).
import { Progress } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api, ok } from '../../api/client';
import type { DashboardGap, DashboardTrend } from '../../api/types';
import { defaultPeriod, todayIso } from '../../layout/period';
import { ChartCardChart } from './WallChart';
import { levelOption, trendOption } from '../dashboard/options';
import { FLAG_LABELS, levelName } from '@thermocline/contracts';
import { useSession } from '../../session/SessionContext';
import { formatTime } from '../../i18n/time';
import { coldest, darken, flaggedUnits, PANELS, wallTiming, type Panel } from './wall';
import './wall.css';

interface WallData {
  period: { code: string; name: string };
  gap: DashboardGap;
  trend: DashboardTrend | null;
  /** The organisation's level names by level counted from the wall's unit (as the dashboard names them). */
  levelNames: string[];
  at: Date;
}

/** A wall link (no login): its token, from the address's fragment, is the only authority. */
async function loadByLink(token: string, asked: string | null): Promise<WallData | null> {
  const res = await fetch(`/api/wall/data${asked ? `?period=${encodeURIComponent(asked)}` : ''}`, { headers: { 'X-Wall-Token': token } });
  const body = (await res.json().catch(() => null)) as { message?: string; period: WallData['period'] | null; gap: DashboardGap | null; trend: DashboardTrend | null; levelNames: string[] } | null;
  if (!res.ok || !body) throw new Error(body?.message ?? `HTTP ${res.status}`);
  return body.period && body.gap ? { period: body.period, gap: body.gap, trend: body.trend, levelNames: body.levelNames, at: new Date() } : null;
}

/** The period asked for (?period=), else the current one (as the dashboard picks it). */
async function loadWall(asked: string | null, unitLevel: number): Promise<WallData | null> {
  const periods = await ok(api.GET('/api/periods'));
  const code = asked && periods.some((p) => p.code === asked) ? asked : defaultPeriod(periods, todayIso())?.code;
  const period = periods.find((p) => p.code === code);
  if (!period) return null;
  const [gap, trend, levels] = await Promise.all([
    ok(api.GET('/api/dashboard/gap', { params: { query: { period: period.code } } })),
    ok(api.GET('/api/dashboard/trend', { params: { query: { metric: 'temperature', periods: 6 } } })).catch(() => null),
    ok(api.GET('/api/units/levels')).catch(() => []),
  ]);
  const depth = Math.max(0, ...gap.levels.map((l) => l.level));
  const levelNames = Array.from({ length: depth + 1 }, (_, i) => levels.find((l) => l.level === unitLevel + i)?.name ?? levelName(unitLevel + i, 'zh'));
  return { period: { code: period.code, name: period.name || period.code }, gap, trend, levelNames, at: new Date() };
}

const TITLES: Record<Panel, string> = { level: '各层级温度中位数与逐级衰减', flagged: '预警单位及原因', trend: '近期温度趋势' };

export default function WallPage() {
  const search = useLocation().search;
  const { rotateMs, refreshMs } = wallTiming(search);
  const asked = new URLSearchParams(search).get('period');
  const token = useLocation().hash.slice(1);
  const unitLevel = useSession().user?.unitLevel ?? 0;
  const [data, setData] = useState<WallData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [panel, setPanel] = useState(0);
  const [now, setNow] = useState(() => new Date());

  const refresh = useCallback(() => {
    (token ? loadByLink(token, asked) : loadWall(asked, unitLevel)).then(
      (d) => {
        setData(d);
        setError(null);
        setLoads((n) => n + 1);
      },
      // Keep the last figures on the wall; say the refresh failed in the corner.
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [asked, token, unitLevel]);
  useEffect(() => {
    refresh();
    const r = setInterval(refresh, refreshMs);
    const p = setInterval(() => setPanel((i) => (i + 1) % PANELS.length), rotateMs);
    const c = setInterval(() => setNow(new Date()), 1000);
    return () => [r, p, c].forEach(clearInterval);
  }, [refresh, refreshMs, rotateMs]);

  const shown = PANELS[panel];
  const option = useMemo(() => {
    if (!data) return null;
    if (shown === 'level') return darken(levelOption(data.gap.levels, 'zh', data.gap.attenuationThreshold, 0, (level) => data.levelNames[level] ?? levelName(level, 'zh')), 22);
    if (shown === 'trend' && data.trend?.series.length) return darken({ ...trendOption(data.trend, '温度'), legend: { top: 0 } }, 18);
    return null;
  }, [data, shown]);

  const g = data?.gap;
  const o = g?.overview;
  return (
    <div className="tc-wall" data-testid="wall" data-loads={loads} data-panel={shown}>
      <header className="tc-wall-head">
        <h1>意识形态工作责任制落实情况 · 上热下冷</h1>
        <div className="tc-wall-meta">
          <span data-testid="wall-period">{data?.period.name ?? '…'}</span>
          <span className="tc-wall-clock">{formatTime(now, { seconds: true })}</span>
        </div>
      </header>
      {!data && !error && <div className="tc-wall-empty">正在载入…</div>}
      {data === null && loads > 0 && <div className="tc-wall-empty">还没有报告周期：请管理员先添加周期。</div>}
      {g && o && (
        <main className="tc-wall-body">
          <section className="tc-wall-main" data-testid={`wall-panel-${shown}`}>
            <h2>
              {TITLES[shown]}
              <span className="tc-wall-dots">{PANELS.map((p, i) => <i key={p} className={i === panel ? 'on' : ''} />)}</span>
            </h2>
            {shown === 'flagged' ? (
              <ul className="tc-wall-flags">
                {flaggedUnits(g).map((u) => (
                  <li key={u.code}>
                    <b>{u.name}</b>
                    <span className="tc-wall-temp">{u.temperature ?? '—'}</span>
                    <div>{u.flags.map((f) => `${FLAG_LABELS[f.code]?.zh ?? f.code}：${f.reason}`).join('；')}</div>
                  </li>
                ))}
                {flaggedUnits(g).length === 0 && <li>本期没有预警单位</li>}
              </ul>
            ) : option ? (
              <ChartCardChart option={option} testId={`wall-chart-${shown}`} />
            ) : (
              <div className="tc-wall-empty">暂无数据</div>
            )}
          </section>
          <aside className="tc-wall-side">
            <section>
              <h2>报送进度</h2>
              <div className="tc-wall-big" data-testid="wall-received">
                {o.received} / {o.expected}
              </div>
              <Progress percent={o.expected ? Math.round((o.received / o.expected) * 100) : 0} showInfo={false} strokeColor="#52c41a" railColor="#333" />
              <div className="tc-wall-line">按时 {o.onTime} · 逾期 {o.late} · 未报 {o.missing} · 未到期 {o.notDue}</div>
              <div className="tc-wall-line">
                {/* No figure for a period without reports: 本期尚无报告, never "no attenuation" (#15). */}
                {g.gapIndex === null ? (
                  '本期尚无报告'
                ) : (
                  <>
                    衰减指数 <b>{g.gapIndex.toFixed(2)}</b> {g.gapDetected ? <span className="tc-wall-alert">存在上热下冷</span> : '未见明显衰减'}
                  </>
                )}
              </div>
            </section>
            <section>
              <h2>温度最低的单位</h2>
              <ol className="tc-wall-cold" data-testid="wall-coldest">
                {coldest(g).map((u) => (
                  <li key={u.code}>
                    <span>{u.name}</span>
                    <span className="tc-wall-temp">{u.temperature}</span>
                  </li>
                ))}
              </ol>
            </section>
          </aside>
        </main>
      )}
      <footer className="tc-wall-foot">
        {data ? `数据更新于 ${formatTime(data.at, { seconds: true })}，每 ${Math.round(refreshMs / 1000)} 秒自动刷新` : ''}
        {error && <span className="tc-wall-alert"> · 刷新失败（{error}），显示的是上次的数据</span>}
      </footer>
    </div>
  );
}
