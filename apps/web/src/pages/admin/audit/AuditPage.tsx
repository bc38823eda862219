import { Alert, Card, Table, Typography } from 'antd';
import { useAudit, type AuditEntry } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';

export default function AuditPage() {
  const { t } = useI18n();
  const audit = useAudit();
  return (
    <Card size="small" title={t('审计日志', 'Audit log')}>
      {audit.error && <Alert type="error" showIcon title={audit.error.message} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={audit.loading}
        dataSource={audit.data ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'at', width: 180, render: (s: string) => new Date(s).toLocaleString() },
          { title: t('操作人', 'Who'), dataIndex: 'actor' },
          { title: t('操作', 'Action'), dataIndex: 'action' },
          { title: t('对象', 'Record'), key: 'entity', render: (_: unknown, e) => `${e.entity}${e.entityId ? ` #${e.entityId}` : ''}` },
          { title: t('详情', 'Detail'), dataIndex: 'detail', render: (d: unknown) => (d ? <Typography.Text code style={{ fontSize: 12 }}>{JSON.stringify(d)}</Typography.Text> : '') },
        ]}
      />
    </Card>
  );
}
