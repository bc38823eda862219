import { Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { ReviewStateTag } from '../../../components/tags';
import type { Mention } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import { AssignButtons } from './AssignButtons';
import { ReviewButtons, type Review } from './ReviewButtons';

interface Props {
  mentions: Mention[];
  loading: boolean;
  activeId: string | null;
  label(key: string): string;
  onActivate(id: string): void;
  /** With review: the metrics a figure can be corrected to, and what to do with a review. */
  review?: { metricKeys: readonly string[]; onReview(m: Mention, r: Review): void };
}

/**
 * Every extracted figure with its evidence and review state; a click lights up its sentence.
 * Counts no metric took are listed as 未归类 (never in the totals) until assigned or dismissed.
 */
export function MentionsTable({ mentions, loading, activeId, label, onActivate, review }: Props) {
  const { t } = useI18n();
  const columns = [
    {
      title: t('指标 / 原文', 'Metric / evidence'),
      dataIndex: 'key',
      render: (k: string | null, m: Mention) => (
        <div>
          {k === null ? (
            <div>
              <Tag color="orange" data-testid="unclassified-tag">
                {t('未归类', 'Unclassified')}
              </Tag>
              {m.phrase && <Typography.Text type="secondary">{m.phrase}</Typography.Text>}
            </div>
          ) : (
            <div>{label(k)}</div>
          )}
          <Typography.Link onClick={() => onActivate(m.id)} data-testid="figure-evidence" style={{ fontSize: 12 }}>
            {m.evidence.text}
          </Typography.Link>
        </div>
      ),
    },
    {
      title: t('数值', 'Value'),
      dataIndex: 'value',
      width: 80,
      render: (_: unknown, m: Mention) => (
        <span data-testid="mention-value">
          {m.approx ? '≈' : ''}
          {m.value}
          {m.unit}
          {m.subset && <Tag style={{ marginLeft: 4 }}>{t('其中', 'subset')}</Tag>}
        </span>
      ),
    },
    {
      title: t('状态', 'State'),
      dataIndex: 'state',
      width: 90,
      render: (s: string, m: Mention) => (
        <Space size={2} orientation="vertical">
          {m.key === null ? <Tag color="orange">{t('待归类', 'to assign')}</Tag> : <ReviewStateTag state={s} />}
          {m.origin === 'manual' && <Tag>{t('手工', 'manual')}</Tag>}
          {m.state === 'corrected' && m.originalValue != null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('原', 'was')} {m.originalValue}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(review
      ? [
          {
            title: t('核对', 'Review'),
            key: 'review',
            width: 96,
            render: (_: unknown, m: Mention) =>
              m.key === null ? (
                <AssignButtons mention={m} metricKeys={review.metricKeys} label={label} onReview={(r) => review.onReview(m, r)} />
              ) : (
                <ReviewButtons mention={{ ...m, key: m.key }} metricKeys={review.metricKeys} label={label} onReview={(r) => review.onReview(m, r)} />
              ),
          },
        ]
      : []),
  ];
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="mentions"
      loading={loading}
      pagination={mentions.length > 30 ? { pageSize: 30 } : false}
      dataSource={mentions}
      columns={columns}
      rowClassName={(m) => [m.id === activeId ? 'ant-table-row-selected' : '', m.key === null ? 'tc-unclassified' : ''].join(' ').trim()}
      onRow={(m) => ({ onClick: () => onActivate(m.id), 'data-mention-row': m.id }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('未抽取到数字', 'No figures extracted') }}
      scroll={{ x: true }}
    />
  );
}
