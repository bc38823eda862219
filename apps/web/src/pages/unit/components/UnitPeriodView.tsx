// A unit in a period: its temperature beside its level's median, flags with reasons, sub-units to
// drill into, the upload panel (for its secretary or an admin) and the latest report with its
// figures. Used by the leader's unit page and the secretary's "my unit" page.
import { Alert, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { temperatureColor } from '../../../charts/colors';
import { useGap, useReport, useReports, useStanding, useUnit, useUnits } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import { usePeriod } from '../../../layout/period';
import { FlagTag, ReportStatusTag, TemperatureTag } from '../../../components/tags';
import { ReportView } from './ReportView';
import { UploadPanel } from './UploadPanel';
import { PromisesTable } from '../../../components/PromisesTable';
import { useSession } from '../../../session/SessionContext';
import { formatTime } from '../../../i18n/time';
import { HelpTip } from '../../../components/HelpTip';
import { TemperatureBreakdown } from './TemperatureBreakdown';

export function UnitPeriodView({ code }: { code: string }) {
  const { user } = useSession();
  const { t } = useI18n();
  const { period, periods } = usePeriod();
  const unit = useUnit(code);
  const units = useUnits();
  const reports = useReports({ unitCode: code, periodCode: period?.code, latest: true }, !!period);
  const latest = reports.data?.find((r) => r.latest) ?? reports.data?.[0];
  const report = useReport(latest?.id);
  const standing = useStanding(code, period?.code);
  // Sub-units' temperatures for the drill-down chips (leaders and admins only).
  const gap = useGap(user?.role === 'secretary' ? undefined : period?.code);
  const st = standing.data;
  const children = useMemo(() => (units.data ?? []).filter((u) => u.parentCode === code), [units.data, code]);
  const canUpload = !!user && (user.role === 'admin' || (user.role === 'secretary' && user.unitCode === code));

  if (unit.error) return <Alert type="error" showIcon title={unit.unavailable ? t('找不到该单位，或不在您的管理范围内。', 'Unit not found or outside your scope.') : unit.error.message} />;
  if (unit.loading || !unit.data) return <Skeleton active />;
  if (!periods.loading && !period)
    return <Empty description={t('还没有报告周期：请管理员先在“报告周期”中添加。', 'No reporting period yet: an administrator must add one under Periods.')} />;

  const u = unit.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions
          size="small"
          title={
            <Space wrap>
              <span data-testid="unit-name">{u.name}</span>
              {latest && <ReportStatusTag status={latest.status} />}
              {latest?.late && <Tag color="orange">{t('逾期报送', 'Late')}</Tag>}
            </Space>
          }
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'period', label: t('周期', 'Period'), children: period ? `${period.name || period.code}` : '—' },
            { key: 'due', label: t('截止日期', 'Due'), children: period ? <span>{period.dueOn}{period.overdue && <Tag color="red" style={{ marginLeft: 6 }}>{t('已截止', 'closed')}</Tag>}</span> : '—' },
            { key: 'members', label: t('党员数', 'Members'), children: u.memberCount },
            { key: 'version', label: t('当前版本', 'Version'), children: latest ? `v${latest.version} · ${formatTime(latest.submittedAt)}` : t('尚未上报', 'not submitted') },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <Card size="small" title={<>{t('温度', 'Temperature')}<HelpTip topic="temperature" /></>}>
              {standing.loading ? (
                <Skeleton active paragraph={{ rows: 1 }} />
              ) : st && st.temperature !== null ? (
                <Space size="large" wrap>
                  <Statistic title={t('本单位', 'This unit')} value={st.temperature} styles={{ content: { color: temperatureColor(st.temperature) } }} data-testid="unit-temperature" />
                  <Statistic title={t('同级中位数', 'Level median')} value={st.levelMedian ?? '—'} data-testid="level-median" />
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {standing.error
                    ? standing.error.message
                    : st?.status === 'not_due'
                      ? t('本期尚未截止，上报并完成抽取后显示温度。', 'Not due yet: the temperature appears once the report is extracted.')
                      : t('温度尚未计算（报告抽取后几分钟内更新）。', 'Not computed yet (it updates a few minutes after extraction).')}
                </Typography.Text>
              )}
            </Card>
          </Col>
          <Col xs={24} md={16}>
            <Card size="small" title={t('预警', 'Flags')}>
              {st?.flags.length ? (
                <List
                  size="small"
                  data-testid="unit-flags"
                  dataSource={st.flags}
                  renderItem={(f) => (
                    <List.Item>
                      <Space align="start" orientation="vertical" size={2}>
                        <Space align="start">
                          <FlagTag code={f.code} />
                          <span>{f.reason}</span>
                        </Space>
                        {f.code === 'repeated_plans' && <RepeatedPlans evidence={f.evidence} />}
                      </Space>
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">{st ? t('无预警', 'No flags') : '—'}</Typography.Text>
              )}
            </Card>
          </Col>
        </Row>

      {st?.components && st.breakdown && (
        <Card size="small" title={<>{t('温度构成：为什么是这个温度', 'What makes up the temperature')}<HelpTip topic="temperature" /></>}>
          <TemperatureBreakdown components={st.components} breakdown={st.breakdown} />
        </Card>
      )}

      {user?.role !== 'secretary' && period && (
        <Card size="small" title={t('上期打算兑现情况', 'Promises kept')}>
          <PromisesTable period={period.code} unitCode={code} />
        </Card>
      )}

      {children.length > 0 && (
        <Card size="small" title={t(`下级单位（${children.length}）`, `Sub-units (${children.length})`)}>
          <Space wrap>
            {children.map((c) => {
              const g = gap.data?.units.find((x) => x.code === c.code);
              return (
                <Link key={c.code} to={`/units/${encodeURIComponent(c.code)}${period ? `?period=${encodeURIComponent(period.code)}` : ''}`}>
                  <Tag style={{ padding: '2px 8px' }}>
                    {c.name} {g && <TemperatureTag value={g.temperature} />}
                  </Tag>
                </Link>
              );
            })}
          </Space>
        </Card>
      )}

      {canUpload && period && (
        <Card size="small" title={latest ? t('上传新版本', 'Upload a new version') : t('上传本期报告', "Upload this period's report")}>
          <UploadPanel
            unitCode={code}
            periodCode={period.code}
            onSettled={() => {
              reports.reload();
              report.reload();
              standing.reload();
            }}
          />
        </Card>
      )}

      {reports.error && <Alert type="error" showIcon title={reports.error.message} />}
      {reports.loading || report.loading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : report.data ? (
        <ReportView report={report.data} canReview={canUpload} onChanged={() => undefined} />
      ) : (
        !reports.error && (
          <Card>
            <Empty description={canUpload ? t('本期还没有上报，请在上方上传报告。', 'Nothing submitted for this period yet: upload the report above.') : t('该单位本期尚未上报。', 'This unit has not reported for this period.')} />
          </Card>
        )
      )}
    </Space>
  );
}

/** Both periods' 下步打算 side by side, from the repeated_plans flag's evidence. */
function RepeatedPlans({ evidence }: { evidence?: Record<string, unknown> }) {
  const { t } = useI18n();
  const list = (x: unknown) => (Array.isArray(x) ? x.map(String) : []);
  return (
    <Descriptions size="small" column={1} bordered data-testid="repeated-plans">
      <Descriptions.Item label={t(`上期（${String(evidence?.previousPeriodCode ?? '')}）`, 'Previous')}>{list(evidence?.previousPlans).join(' ')}</Descriptions.Item>
      <Descriptions.Item label={t('本期', 'This period')}>{list(evidence?.plans).join(' ')}</Descriptions.Item>
    </Descriptions>
  );
}
