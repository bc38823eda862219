import { Alert, Card, Input, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useReports, type ReportSummary } from '../../hooks/queries';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { ReportStatusTag } from '../../components/tags';
import { formatTime } from '../../i18n/time';

/** Every unit's latest report for the period, with its status. */
export default function ReportsPage() {
  const { t } = useI18n();
  const { period } = usePeriod();
  const reports = useReports({ periodCode: period?.code, latest: true }, !!period);
  const [q, setQ] = useState('');
  const rows = useMemo(() => (reports.data ?? []).filter((r) => !q || r.unitName.includes(q) || r.unitCode.includes(q)), [reports.data, q]);
  return (
    <Card size="small" title={t(`报告一览 · ${period?.name || period?.code || ''}`, `Reports · ${period?.code ?? ''}`)} extra={<Input.Search allowClear placeholder={t('搜索单位', 'Search units')} onChange={(e) => setQ(e.target.value)} style={{ width: 200 }} />}>
      {reports.error && <Alert type="error" showIcon title={reports.error.message} />}
      <Table<ReportSummary>
        size="small"
        rowKey="id"
        loading={reports.loading}
        dataSource={rows}
        scroll={{ x: true }}
        locale={{ emptyText: t('本期还没有报告', 'No reports for this period yet') }}
        columns={[
          { title: t('单位', 'Unit'), dataIndex: 'unitName', render: (n: string, r) => <Link to={`/units/${encodeURIComponent(r.unitCode)}?period=${encodeURIComponent(r.periodCode)}`}>{n}</Link> },
          { title: t('版本', 'Version'), dataIndex: 'version', width: 70, render: (v: number, r) => <Link to={`/reports/${r.id}`}>v{v}</Link> },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: string, r) => (
              <Space size={4}>
                <ReportStatusTag status={s} />
                {r.late && <Tag color="orange">{t('逾期', 'late')}</Tag>}
                {r.placeholderCount > 0 && <Tag color="magenta">{t('模板未填', 'template')}</Tag>}
              </Space>
            ),
          },
          { title: t('每千字量化事实', 'Facts per 1,000 chars'), dataIndex: 'specificity', render: (v: number | null) => (v === null || v === undefined ? '—' : v.toFixed(1)), sorter: (a, b) => (a.specificity ?? 0) - (b.specificity ?? 0) },
          { title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (s: string) => formatTime(s), sorter: (a, b) => a.submittedAt.localeCompare(b.submittedAt) },
        ]}
      />
    </Card>
  );
}
