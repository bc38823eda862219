// The leader's dashboard for one period: overview, the signature level chart (上热下冷), cold and
// flagged units, and the comparison / heatmap / org tree / trend tabs. Everything but the tabs
// reads the one gap answer.
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { loadEChart } from '../../charts/ChartCard';
import { useGap } from '../../hooks/queries';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { mark } from '../../perf';
import { useSession } from '../../session/SessionContext';
import { ColdUnitsCard } from './components/ColdUnitsCard';
import { ComparisonPanel, DashboardTabs } from './components/DashboardTabs';
import { BulletinButton } from './components/BulletinButton';
import { ProblemsCard } from './components/ProblemsCard';
import { PromisesTable } from '../../components/PromisesTable';
import { FlaggedUnits } from './components/FlaggedUnits';
import { LevelChartCard } from './components/LevelChartCard';
import { OverviewCards } from './components/OverviewCards';
import { coldUnits, flaggedUnits } from './gap';
import { WallLinks } from '../wall/WallLinks';

mark('dashboard-module');

// App preloads the first tab with this page.
export { ComparisonPanel };
// Fetch the chart library and the default tab while the period and the gap are being loaded.
void loadEChart();
void ComparisonPanel.preload();

/** Longest the flagged units and the tabs wait for the level chart. */
const BELOW_MS = 2500;

export default function DashboardPage() {
  const { t } = useI18n();
  const { period, periods } = usePeriod();
  const { user } = useSession();
  const offset = user?.unitLevel ?? 0;
  const navigate = useNavigate();
  const gap = useGap(period?.code);
  useEffect(() => {
    if (gap.data) mark('gap-commit');
  }, [gap.data]);

  const periodCode = period?.code;
  const unitLink = useCallback((code: string) => `/units/${encodeURIComponent(code)}${periodCode ? `?period=${encodeURIComponent(periodCode)}` : ''}`, [periodCode]);
  const cold = useMemo(() => (gap.data ? coldUnits(gap.data) : []), [gap.data]);
  const flagged = useMemo(() => (gap.data ? flaggedUnits(gap.data) : []), [gap.data]);
  const openUnit = useCallback((c: string) => void navigate(unitLink(c)), [navigate, unitLink]);

  // What is below the fold (the flagged units and the tabs) renders once the level chart is
  // drawn, so the first screen (overview and the signature chart) does not wait for it; at the
  // latest after BELOW_MS, or at once when there is no level chart to wait for.
  const [levelPainted, setLevelPainted] = useState(false);
  // after the frame that shows the chart: the browser paints it before this work starts
  const onLevelPainted = useCallback(() => requestAnimationFrame(() => setTimeout(() => setLevelPainted(true), 0)), []);
  const [late, setLate] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setLate(true), BELOW_MS);
    return () => clearTimeout(id);
  }, []);
  const levelComing = gap.loading || !!gap.data?.levels.length;
  const belowShown = useRef(false);
  if (levelPainted || late || !levelComing) belowShown.current = true;
  const below = belowShown.current;

  if (!periods.loading && !period)
    return <Result status="info" title={t('还没有报告周期', 'No reporting period yet')} subTitle={t('请管理员在“报告周期”中添加周期，各支部即可上传报告。', 'An administrator adds periods under Periods; branches can then upload reports.')} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <div style={{ textAlign: 'right', marginBottom: -8 }}>
        {/* 大屏: the meeting room's wall view, in its own window */}
        <Button size="small" href={periodCode ? `/wall?period=${encodeURIComponent(periodCode)}` : '/wall'} target="_blank" data-testid="open-wall">
          {t('大屏展示', 'Big screen')}
        </Button>
        {user?.role === 'admin' && <span style={{ marginLeft: 8 }}><WallLinks /></span>}
      </div>
      <OverviewCards gap={gap} periodCode={periodCode} />
      {periodCode && (
        <Space>
          <BulletinButton periodCode={periodCode} />
        </Space>
      )}

      {gap.error && <Alert type="error" showIcon title={gap.error.message} action={<Typography.Link onClick={gap.reload}>{t('重试', 'Retry')}</Typography.Link>} />}
      {gap.data?.status === 'no_data' && (
        <Alert
          type="info"
          showIcon
          data-testid="gap-no-data"
          title={t('本期尚无报告', 'No reports for this period yet')}
          description={t('各单位上传报告后，这里会显示温度、逐级衰减和预警；可在右上角切换到已有报告的周期。', 'Temperatures, attenuation and flags appear once units upload reports; switch to a period with reports at the top right.')}
        />
      )}
      {gap.data && gap.data.aggregatedAt === null && (
        <Alert
          type="info"
          showIcon
          data-testid="gap-pending"
          title={t('本期温度尚未计算', 'Temperatures not computed yet')}
          description={t(
            '本期的温度、逐级衰减和预警在报告抽取后几分钟内自动生成。',
            'Temperatures, attenuation and flags for this period appear a few minutes after reports are extracted.',
          )}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <LevelChartCard gap={gap} offset={offset} periodCode={periodCode} onPainted={onLevelPainted} />
        </Col>
        <Col xs={24} xl={10}>
          <ColdUnitsCard cold={cold} loading={gap.loading} hasData={!!gap.data} offset={offset} unitLink={unitLink} />
        </Col>
      </Row>

      {below ? (
        <>
          <FlaggedUnits flagged={flagged} loading={gap.loading} hasData={!!gap.data} unitLink={unitLink} />
          <DashboardTabs period={periodCode} offset={offset} gap={gap} onUnit={openUnit} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <ProblemsCard period={periodCode} />
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('上期打算兑现情况', 'Promises kept')}>
                <PromisesTable period={periodCode} />
              </Card>
            </Col>
          </Row>
        </>
      ) : (
        <>
          <Card size="small" title={t('预警单位', 'Flagged units')}>
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        </>
      )}
    </Space>
  );
}
