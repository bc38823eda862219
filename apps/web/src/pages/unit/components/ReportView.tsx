// One report: its text with every extracted number highlighted, the metric table beside it
// (click a figure → its sentence scrolls into view and lights up), the review of each number
// (confirm / correct / reject / add a missed one from a text selection), problems, plans,
// placeholders, standing cadences and earlier versions.
import { totalsFor } from '@thermocline/analytics';
import { Alert, App, Button, Card, Col, Empty, Form, InputNumber, Modal, Popover, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState, type HTMLAttributes, type MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, download, ok } from '../api/client';
import { useMentions, type Mention, type ReportDetail } from '../hooks/queries';
import { useI18n } from '../i18n/i18n';
import { METRIC_KEYS, metricLabel, REVIEW_LABELS, STATUS_LABELS } from '../metrics/labels';
import { firstNumber } from './highlight';
import { ReportText, type TextMark } from './ReportText';

interface Props {
  report: ReportDetail;
  /** The signed-in user may review this report's numbers (its unit's secretary, an admin). */
  canReview: boolean;
  metricNames?: ReadonlyMap<string, string>;
  onChanged?(): void;
}

const CADENCE: Record<string, { zh: string; en: string }> = {
  week: { zh: '每周', en: 'weekly' },
  month: { zh: '每月', en: 'monthly' },
  quarter: { zh: '每季度', en: 'quarterly' },
  half_year: { zh: '每半年', en: 'half-yearly' },
  year: { zh: '每年', en: 'yearly' },
};

export function ReportView({ report, canReview, metricNames, onChanged }: Props) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const mentions = useMentions(report.status === 'extracted' ? report.id : undefined);
  const list = useMemo(() => mentions.data ?? [], [mentions.data]);
  const [focus, setFocus] = useState<Focus | null>(null);
  const activeId = focus?.markId ?? null;
  const setActiveId = (id: string) => {
    const m = list.find((x) => x.id === id);
    if (m) setFocus({ markId: m.id, start: m.evidence.start, end: m.evidence.end });
  };
  const [adding, setAdding] = useState<{ start: number; end: number; text: string } | null>(null);
  const label = (k: string) => metricLabel(k, lang, metricNames);

  const marks = useMemo<TextMark[]>(
    () =>
      list.map((m) => ({
        id: m.id,
        start: m.evidence.start,
        end: m.evidence.end,
        state: m.state,
        title: `${label(m.key)}：${m.value}${m.unit ?? ''}`,
      })),
    [list, lang, metricNames],

  );
  const totals = useMemo(() => totalsFor(list), [list]);
  const totalRows = useMemo(
    () =>
      Object.entries(totals)
        .map(([key, total]) => ({ key, total, count: list.filter((m) => m.key === key && m.state !== 'rejected').length }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    [totals, list],
  );

  const review = async (m: Mention, body: { state: 'confirmed' | 'corrected' | 'rejected'; value?: number; key?: string }) => {
    try {
      await ok(api.PATCH('/api/mentions/{id}', { params: { path: { id: m.id } }, body }));
      void message.success(
        body.state === 'confirmed' ? t('已确认', 'Confirmed') : body.state === 'rejected' ? t('已驳回', 'Rejected') : t('已更正', 'Corrected'),
      );
      mentions.reload();
      onChanged?.();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  if (report.status === 'queued' || report.status === 'processing') {
    return <Alert type="info" showIcon title={t('报告正在排队抽取，请稍候……', 'The report is waiting to be read…')} />;
  }
  if (report.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('抽取失败', 'Extraction failed')}
        description={report.error ?? t('原因不明，请重新上传或联系管理员。', 'Unknown reason: upload again or contact an administrator.')}
      />
    );
  }

  const columns = [
    {
      title: t('指标 / 原文', 'Metric / evidence'),
      dataIndex: 'key',
      render: (k: string, m: Mention) => (
        <div>
          <div>{label(k)}</div>
          <Typography.Link onClick={() => setActiveId(m.id)} data-testid="figure-evidence" style={{ fontSize: 12 }}>
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
          <Tag color={REVIEW_LABELS[s]?.color}>{REVIEW_LABELS[s]?.[lang] ?? s}</Tag>
          {m.origin === 'manual' && <Tag>{t('手工', 'manual')}</Tag>}
          {m.state === 'corrected' && m.originalValue != null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('原', 'was')} {m.originalValue}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(canReview
      ? [
          {
            title: t('核对', 'Review'),
            key: 'review',
            width: 96,
            render: (_: unknown, m: Mention) => <ReviewButtons mention={m} onReview={(b) => void review(m, b)} label={label} />,
          },
        ]
      : []),
  ];

  return (
    <>
      {report.placeholderCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`报告中仍有 ${report.placeholderCount} 处模板占位符（如 x次），疑似未如实填写。`, `${report.placeholderCount} template placeholders (e.g. x次) are still in the report.`)}
        />
      )}
      {mentions.error && <Alert type="error" showIcon title={mentions.error.message} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <Card
            size="small"
            title={t('报告原文', 'Report text')}
            extra={
              <Button size="small" onClick={() => void download(`/api/reports/${report.id}/file`, report.originalName).catch((e: Error) => void message.error(e.message))}>
                {t('下载原件', 'Original file')}
              </Button>
            }
          >
            {canReview && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('提示：点击高亮数字查看所在句子；选中一段文字可补录遗漏的数字。', 'Tip: click a highlighted figure to see its sentence; select text to add a missed number.')}
              </Typography.Paragraph>
            )}
            {report.text ? (
              <ReportText
                text={report.text}
                marks={marks}
                focus={focus}
                onActivate={setActiveId}
                onSelectText={canReview ? (r, text) => setAdding({ ...r, text }) : undefined}
              />
            ) : (
              <Empty description={t('没有可显示的文本', 'No text')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('指标合计', 'Totals')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="key"
              data-testid="totals"
              loading={mentions.loading}
              pagination={false}
              dataSource={totalRows}
              locale={{ emptyText: t('未抽取到数字', 'No figures extracted') }}
              columns={[
                { title: t('指标', 'Metric'), dataIndex: 'key', render: (k: string) => label(k) },
                { title: t('合计', 'Total'), dataIndex: 'total', width: 80, render: (v: number) => <b data-testid="total-value">{v}</b> },
                { title: t('条数', 'Figures'), dataIndex: 'count', width: 70 },
              ]}
              onRow={(r) => ({ 'data-metric': r.key }) as HTMLAttributes<HTMLElement>}
            />
          </Card>
          <Card size="small" title={t(`抽取的数字（${list.length}）`, `Extracted figures (${list.length})`)}>
            <Table
              size="small"
              rowKey="id"
              data-testid="mentions"
              loading={mentions.loading}
              pagination={list.length > 30 ? { pageSize: 30 } : false}
              dataSource={list}
              columns={columns}
              rowClassName={(m) => (m.id === activeId ? 'ant-table-row-selected' : '')}
              onRow={(m) => ({ onClick: () => setActiveId(m.id), 'data-mention-row': m.id }) as HTMLAttributes<HTMLElement>}
              locale={{ emptyText: t('未抽取到数字', 'No figures extracted') }}
              scroll={{ x: true }}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          items={[
            { key: 'problems', label: t(`存在问题（${report.problems.length}）`, `Problems (${report.problems.length})`), children: <Items items={report.problems} onPick={setFocus} /> },
            { key: 'plans', label: t(`下步打算（${report.plans.length}）`, `Plans (${report.plans.length})`), children: <Items items={report.plans} onPick={setFocus} /> },
            {
              key: 'cadences',
              label: t(`长效机制（${report.cadences.length}）`, `Cadences (${report.cadences.length})`),
              children: (
                <Items
                  items={report.cadences.map((c) => ({
                    text: `${CADENCE[c.per]?.[lang] ?? c.per} ${c.times} ${t('次', 'times')} · ${label(c.key)} — ${c.evidence.text}`,
                    evidence: c.evidence,
                  }))}
                  onPick={setFocus}
                />
              ),
            },
            {
              key: 'placeholders',
              label: t(`模板占位（${report.placeholders.length}）`, `Placeholders (${report.placeholders.length})`),
              children: <Items items={report.placeholders} onPick={setFocus} />,
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
                    { title: t('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (s: string) => new Date(s).toLocaleString() },
                    { title: t('状态', 'Status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_LABELS[s]?.color}>{STATUS_LABELS[s]?.[lang] ?? s}</Tag> },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {adding && (
        <AddMentionModal
          reportId={report.id}
          selection={adding}
          label={label}
          onClose={(added) => {
            setAdding(null);
            window.getSelection()?.removeAllRanges();
            if (added) {
              mentions.reload();
              onChanged?.();
            }
          }}
        />
      )}
    </>
  );
}

interface Focus {
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

function ReviewButtons({ mention, onReview, label }: { mention: Mention; onReview(b: { state: 'confirmed' | 'corrected' | 'rejected'; value?: number; key?: string }): void; label(k: string): string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(mention.value);
  const [key, setKey] = useState(mention.key);
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <Space size={4} orientation="vertical" onClick={stop}>
      <Button size="small" disabled={mention.state === 'confirmed'} onClick={() => onReview({ state: 'confirmed' })}>
        {t('确认', 'Confirm')}
      </Button>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={t('更正这个数字', 'Correct this figure')}
        content={
          <Space orientation="vertical" style={{ width: 240 }}>
            <Select
              value={key}
              onChange={setKey}
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              options={[...new Set([mention.key, ...METRIC_KEYS])].map((k) => ({ value: k, label: label(k) }))}
              aria-label={t('指标', 'Metric')}
            />
            <InputNumber min={0} value={value} onChange={setValue} style={{ width: '100%' }} aria-label={t('正确数值', 'Correct value')} data-testid="correct-value" />
            <Button
              type="primary"
              size="small"
              disabled={value === null || (value === mention.value && key === mention.key)}
              onClick={() => {
                setOpen(false);
                onReview({ state: 'corrected', ...(value !== mention.value && value !== null ? { value } : {}), ...(key !== mention.key ? { key } : {}) });
              }}
            >
              {t('保存更正', 'Save correction')}
            </Button>
          </Space>
        }
      >
        <Button size="small">{t('更正', 'Correct')}</Button>
      </Popover>
      <Button size="small" danger disabled={mention.state === 'rejected'} onClick={() => onReview({ state: 'rejected' })}>
        {t('驳回', 'Reject')}
      </Button>
    </Space>
  );
}

function AddMentionModal({
  reportId,
  selection,
  label,
  onClose,
}: {
  reportId: number;
  selection: { start: number; end: number; text: string };
  label(k: string): string;
  onClose(added: boolean): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ key: string; value: number; approx: boolean }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await ok(api.POST('/api/reports/{id}/mentions', { params: { path: { id: reportId } }, body: { key: v.key, value: v.value, approx: v.approx, start: selection.start, end: selection.end } }));
      void message.success(t('已补录', 'Added'));
      onClose(true);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('补录遗漏的数字', 'Add a missed number')} onOk={() => void submit()} confirmLoading={busy} onCancel={() => onClose(false)} okText={t('补录', 'Add')} destroyOnHidden>
      <Typography.Paragraph>
        {t('选中的文字：', 'Selected text: ')}
        <Typography.Text mark>{selection.text}</Typography.Text>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ value: firstNumber(selection.text) ?? undefined, approx: /[余多约近]|左右|以上/.test(selection.text) }}>
        <Form.Item name="key" label={t('指标', 'Metric')} rules={[{ required: true, message: t('请选择指标', 'Choose a metric') }]}>
          <Select showSearch optionFilterProp="label" options={METRIC_KEYS.map((k) => ({ value: k, label: label(k) }))} />
        </Form.Item>
        <Form.Item name="value" label={t('数值', 'Value')} rules={[{ required: true, message: t('请输入数值', 'Enter the value') }]}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="approx" label={t('约数（余、多、约）', 'Approximate')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
