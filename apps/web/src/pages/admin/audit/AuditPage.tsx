// The audit log for administrators (#16.3): actions in Chinese, targets by name, the detail as a
// readable line (raw JSON on demand), filters (who, what, unit, time) and an Excel export of what
// the filters show.
import { AUDIT_ACTION_LABELS, labelOf } from '@thermocline/contracts';
import { Alert, App as AntApp, Button, Card, DatePicker, Input, Select, Space, Table, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { download } from '../../../api/client';
import { auditQuery, useAudit, useUnitTree, type AuditEntry, type AuditFilter, type UnitTreeNode } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import { dayStart, formatTime } from '../../../i18n/time';

type TreeOption = { value: string; title: string; children: TreeOption[] };
const toTree = (n: UnitTreeNode): TreeOption => ({ value: n.code, title: n.name, children: n.children.map(toTree) });
const nextDay = (d: Dayjs) => d.add(1, 'day').format('YYYY-MM-DD');

export default function AuditPage() {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [who, setWho] = useState('');
  const audit = useAudit(filter);
  const tree = useUnitTree();
  const units = useMemo(() => (tree.data ?? []).map(toTree), [tree.data]);
  const actions = useMemo(() => Object.entries(AUDIT_ACTION_LABELS).map(([value, l]) => ({ value, label: lang === 'zh' ? l.zh : l.en })), [lang]);
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const exportXlsx = () => {
    const q = new URLSearchParams(auditQuery(filter) as Record<string, string>);
    download(`/api/audit/export.xlsx?${q.toString()}`, `审计日志.xlsx`).catch((e: Error) => void message.error(e.message));
  };
  return (
    <Card size="small" title={t('审计日志', 'Audit log')} extra={<Button size="small" onClick={exportXlsx} data-testid="audit-export">{t('导出 Excel', 'Export to Excel')}</Button>}>
      <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
        <Input.Search
          allowClear
          placeholder={t('操作人（用户名）', 'Who (user name)')}
          value={who}
          onChange={(e) => setWho(e.target.value)}
          onSearch={(v) => set({ actor: v.trim() || undefined })}
          style={{ width: 180 }}
          aria-label={t('操作人', 'Who')}
        />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('操作类型', 'Action')} options={actions} style={{ width: 200 }} onChange={(v?: string) => set({ action: v })} aria-label={t('操作类型', 'Action')} data-testid="audit-action" />
        <TreeSelect allowClear showSearch treeNodeFilterProp="title" placeholder={t('涉及单位（含下级）', 'Unit (and below)')} treeData={units} treeDefaultExpandAll={false} style={{ width: 220 }} onChange={(v?: string) => set({ unitCode: v })} aria-label={t('涉及单位', 'Unit')} />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          onChange={(r) => set({ from: r?.[0] ? dayStart(r[0].format('YYYY-MM-DD')).toISOString() : undefined, to: r?.[1] ? dayStart(nextDay(r[1])).toISOString() : undefined })}
          aria-label={t('时间范围', 'Time range')}
        />
      </Space>
      {audit.error && <Alert type="error" showIcon title={audit.error.message} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={audit.loading}
        dataSource={audit.data ?? []}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: t('没有符合条件的记录：请放宽筛选条件', 'No entries match: widen the filters') }}
        columns={[
          { title: t('时间', 'When'), dataIndex: 'at', width: 150, render: (s: string) => formatTime(s) },
          { title: t('操作人', 'Who'), dataIndex: 'actor', width: 110, render: (a: string) => (a === 'system' ? t('系统', 'System') : a) },
          { title: t('操作', 'Action'), dataIndex: 'action', width: 130, render: (a: string, e) => <span title={a}>{lang === 'zh' ? e.actionLabel : labelOf(AUDIT_ACTION_LABELS, a, 'en')}</span> },
          { title: t('对象', 'Record'), dataIndex: 'target', width: 240 },
          {
            title: t('详情', 'Detail'),
            dataIndex: 'summary',
            render: (s: string, e) => (
              <Typography.Text style={{ fontSize: 13 }} title={e.detail ? JSON.stringify(e.detail) : undefined}>
                {s}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
