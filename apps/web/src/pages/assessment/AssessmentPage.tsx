import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, download, ok } from '../../api/client';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { UnitSheetDrawer } from './UnitSheetDrawer';
import { cellText, compareScores, scoreOf, visibleUnits, type UnitSheet } from './sheet';

/** 年度考核: every unit of the caller's subtree scored against the 细则, item by item, sortable. */
export default function AssessmentPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { period } = usePeriod();
  const code = period?.code;
  const data = useApi(code ? () => ok(api.GET('/api/assessment', { params: { query: { period: code } } })) : null, [code]);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const rows = useMemo(() => visibleUnits(data.data, q), [data.data, q]);

  const columns = useMemo<ColumnsType<UnitSheet>>(() => {
    const d = data.data;
    if (!d) return [];
    return [
      { title: t('名次', 'Rank'), dataIndex: 'rank', width: 64, fixed: 'left', sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
      {
        title: t('单位', 'Unit'),
        dataIndex: 'name',
        width: 180,
        fixed: 'left',
        render: (name: string, u) => (
          <Space size={4}>
            <a data-testid="assessment-unit" onClick={() => setOpen(u.code)}>
              {name}
            </a>
            {u.status === 'missing' && <Tag color="red">{t('未报送', 'missing')}</Tag>}
            {u.unscored > 0 && (
              <Tooltip title={t(`${u.unscored} 项人工评分未完成`, `${u.unscored} manual item(s) not scored`)}>
                <Tag color="gold">{t('待评', 'to score')}</Tag>
              </Tooltip>
            )}
          </Space>
        ),
      },
      ...d.sections.map((s) => ({
        title: s.title,
        children: s.items.map((i) => ({
          title: (
            <Tooltip title={i.title}>
              <span>
                {i.title.length > 10 ? `${i.title.slice(0, 10)}…` : i.title}（{i.points}）
              </span>
            </Tooltip>
          ),
          key: i.id,
          width: 110,
          align: 'right' as const,
          sorter: (a: UnitSheet, b: UnitSheet) => compareScores(scoreOf(a, i.id), scoreOf(b, i.id)),
          render: (_: unknown, u: UnitSheet) => {
            const it = u.items.find((x) => x.id === i.id);
            return <span style={it && !it.auto && it.score !== null ? { color: '#1677ff' } : undefined}>{cellText(it?.score ?? null)}</span>;
          },
        })),
      })),
      { title: t(`合计（${d.totalPoints}）`, `Total (${d.totalPoints})`), dataIndex: 'total', width: 96, fixed: 'right', align: 'right', sorter: (a, b) => a.total - b.total, render: (v: number) => <b data-testid="assessment-total">{v}</b> },
    ];
  }, [data.data, t]);

  const exportXlsx = () => {
    if (!code) return;
    download(`/api/assessment/export.xlsx?period=${encodeURIComponent(code)}`, `考核评分表-${period?.name || code}.xlsx`).catch((e: Error) => message.error(e.message));
  };

  return (
    <Card
      size="small"
      title={
        data.data
          ? t(`${data.data.title} · ${period?.name || code}（细则第 ${data.data.rulesVersion} 版${data.data.rulesPinned ? '，期次已关闭' : '，初评稿'}）`, `Assessment · ${code} (rules v${data.data.rulesVersion})`)
          : t('年度考核', 'Assessment')
      }
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('搜索单位', 'Search units')} onChange={(e) => setQ(e.target.value)} style={{ width: 200 }} />
          <Button icon={<DownloadOutlined />} onClick={exportXlsx} disabled={!data.data}>
            {t('导出考核评分表', 'Export score sheet')}
          </Button>
        </Space>
      }
    >
      {data.error && <Alert type="error" showIcon title={data.error.message} />}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('自动得分由各单位报告中的数字、报送情况和细则算出；点击单位名称查看每一分的依据，人工评分项和调整在单位评分表中录入（须填写理由，记入审计日志）。', 'Automatic points come from the reports; open a unit to see the evidence and enter manual scores.')}
      />
      <Table<UnitSheet>
        data-testid="assessment-table"
        size="small"
        bordered
        rowKey="code"
        loading={data.loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: true }}
        locale={{ emptyText: t('本期没有可评分的单位', 'No units to score') }}
      />
      {data.data && open && (
        <UnitSheetDrawer
          period={data.data.period}
          pinned={data.data.rulesPinned}
          sheet={data.data.units.find((u) => u.code === open) ?? null}
          onClose={() => setOpen(null)}
          onSaved={data.reload}
        />
      )}
    </Card>
  );
}
