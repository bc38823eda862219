// Promises kept: the numeric targets of the previous period's 下步打算 against this period's figures
// (GET /api/dashboard/promises). On the dashboard for every unit, on a unit's page for that unit.
import { Table, Tag, Typography } from 'antd';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useApi } from '../hooks/use-api';
import { useI18n } from '../i18n/i18n';

export type PromiseItem = components['schemas']['PromiseDto'];

export function usePromises(period: string | undefined) {
  return useApi(period ? () => ok(api.GET('/api/dashboard/promises', { params: { query: { period } } })) : null, [period]);
}

export function KeptTag({ kept }: { kept: boolean | null }) {
  const { t } = useI18n();
  if (kept === null) return <Tag>{t('待报送', 'not yet')}</Tag>;
  return kept ? <Tag color="green">{t('已兑现', 'kept')}</Tag> : <Tag color="red">{t('未兑现', 'broken')}</Tag>;
}

export function PromisesTable({ period, unitCode }: { period: string | undefined; unitCode?: string }) {
  const { t } = useI18n();
  const promises = usePromises(period);
  const rows = (promises.data?.items ?? []).filter((i) => !unitCode || i.unitCode === unitCode);
  if (promises.data && promises.data.fromPeriod === null) return <Typography.Text type="secondary">{t('没有上一期，无从对照。', 'No previous period to compare with.')}</Typography.Text>;
  return (
    <Table<PromiseItem>
      size="small"
      data-testid="promises"
      rowKey={(r) => `${r.unitCode}:${r.key}:${r.planText}`}
      loading={promises.loading}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: true }}
      locale={{ emptyText: t(`上期（${promises.data?.fromPeriodName || promises.data?.fromPeriod || ''}）的下步打算中没有带数字的目标`, 'No numeric targets in the previous plans') }}
      columns={[
        ...(unitCode ? [] : [{ title: t('单位', 'Unit'), dataIndex: 'unitName' }]),
        { title: t(`上期（${promises.data?.fromPeriodName || promises.data?.fromPeriod || ''}）打算`, 'Plan'), dataIndex: 'planText', render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text> },
        { title: t('指标', 'Metric'), dataIndex: 'metricName' },
        { title: t('目标', 'Target'), dataIndex: 'target', width: 70 },
        { title: t('本期实际', 'Actual'), dataIndex: 'actual', width: 90, render: (v: number | null) => v ?? '—' },
        { title: t('兑现', 'Kept'), dataIndex: 'kept', width: 90, render: (k: boolean | null) => <KeptTag kept={k} /> },
      ]}
    />
  );
}
