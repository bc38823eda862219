import { totalsFor } from '@thermocline/analytics';
import { Table } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import type { Mention } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';

/**
 * Each metric's total by the rule the dashboard aggregates with (`totalsFor`): rejected figures
 * never count, a same-key 其中 subset is not added twice, an unclassified count (no key) is in none.
 */
export function TotalsTable({ mentions, loading, label }: { mentions: Mention[]; loading: boolean; label(key: string): string }) {
  const { t } = useI18n();
  const rows = useMemo(() => {
    const counted = mentions.filter((m): m is Mention & { key: string } => m.key !== null);
    const totals = totalsFor(counted);
    return Object.entries(totals)
      .map(([key, total]) => ({ key, total, count: counted.filter((m) => m.key === key && m.state !== 'rejected').length }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }, [mentions]);
  return (
    <Table
      size="small"
      rowKey="key"
      data-testid="totals"
      loading={loading}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('未抽取到数字', 'No figures extracted') }}
      columns={[
        { title: t('指标', 'Metric'), dataIndex: 'key', render: (k: string) => label(k) },
        { title: t('合计', 'Total'), dataIndex: 'total', width: 80, render: (v: number) => <b data-testid="total-value">{v}</b> },
        { title: t('条数', 'Figures'), dataIndex: 'count', width: 70 },
      ]}
      onRow={(r) => ({ 'data-metric': r.key }) as HTMLAttributes<HTMLElement>}
    />
  );
}
