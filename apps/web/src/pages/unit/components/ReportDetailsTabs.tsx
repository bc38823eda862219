import { CADENCE_LABELS, labelOf } from '@thermocline/contracts';
import { Empty, Table, Tabs, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ReportStatusTag } from '../../../components/tags';
import type { ReportDetail } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import { formatTime } from '../../../i18n/time';

/** A range of the report text to light up (its whole sentence), and the figure it came from. */
export interface Focus {
  start: number;
  end: number;
  markId?: string;
}

function Items({ items, onPick }: { items: { text: string; evidence: { start: number; end: number } }[]; onPick(f: Focus): void }) {
  const { t } = useI18n();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('无', 'None')} />;
  return (
    <ol style={{ paddingLeft: 20, margin: 0 }}>
      {items.map((it, i) => (
        <li key={i} style={{ marginBottom: 6 }}>
          <Typography.Link onClick={() => onPick({ start: it.evidence.start, end: it.evidence.end })}>{it.text}</Typography.Link>
        </li>
      ))}
    </ol>
  );
}

/** Problems, plans, standing cadences and placeholders (each lights up its place in the text), and the versions. */
export function ReportDetailsTabs({ report, label, onPick }: { report: ReportDetail; label(key: string): string; onPick(f: Focus): void }) {
  const { lang, t } = useI18n();
  return (
    <Tabs
      items={[
        { key: 'problems', label: t(`存在问题（${report.problems.length}）`, `Problems (${report.problems.length})`), children: <Items items={report.problems} onPick={onPick} /> },
        { key: 'plans', label: t(`下步打算（${report.plans.length}）`, `Plans (${report.plans.length})`), children: <Items items={report.plans} onPick={onPick} /> },
        {
          key: 'cadences',
          label: t(`长效机制（${report.cadences.length}）`, `Cadences (${report.cadences.length})`),
          children: (
            <Items
              items={report.cadences.map((c) => ({
                text: `${labelOf(CADENCE_LABELS, c.per, lang)} ${c.times} ${t('次', 'times')} · ${label(c.key)} — ${c.evidence.text}`,
                evidence: c.evidence,
              }))}
              onPick={onPick}
            />
          ),
        },
        {
          key: 'placeholders',
          label: t(`模板占位（${report.placeholders.length}）`, `Placeholders (${report.placeholders.length})`),
          children: <Items items={report.placeholders} onPick={onPick} />,
        },
        {
          key: 'versions',
          label: t(`历史版本（${report.versions.length}）`, `Versions (${report.versions.length})`),
          children: (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={report.versions}
              columns={[
                { title: t('版本', 'Version'), dataIndex: 'version', render: (v: number, r) => (r.id === report.id ? <b>v{v}</b> : <Link to={`/reports/${r.id}`}>v{v}</Link>) },
                { title: t('文件', 'File'), dataIndex: 'originalName' },
                { title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (s: string) => formatTime(s) },
                { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => <ReportStatusTag status={s} /> },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
