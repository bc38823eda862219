// One report: its text with every extracted number highlighted, the metric totals and the figures
// beside it (click a figure → its sentence scrolls into view and lights up), the review of each
// figure (confirm / correct / reject / add a missed one from a text selection), and the problems,
// plans, cadences, placeholders and versions below.
import { Alert, App, Button, Card, Col, Empty, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError, download, ok } from '../../../api/client';
import { useMentions, type Mention, type ReportDetail } from '../../../hooks/queries';
import { useMetrics } from '../../../hooks/use-metric-options';
import { useI18n } from '../../../i18n/i18n';
import { AddMentionModal } from './AddMentionModal';
import { ReportDetailsTabs, type Focus } from './ReportDetailsTabs';
import { ReportText, type TextMark } from './ReportText';
import { MentionsTable } from './MentionsTable';
import type { Review } from './ReviewButtons';
import { TotalsTable } from './TotalsTable';

interface Props {
  report: ReportDetail;
  /** The signed-in user may review this report's numbers (its unit's secretary, an admin). */
  canReview: boolean;
  onChanged?(): void;
}

export function ReportView({ report, canReview, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mentions = useMentions(report.status === 'extracted' ? report.id : undefined);
  const list = useMemo(() => mentions.data ?? [], [mentions.data]);
  // The catalogue's metrics: names for every figure, and what a figure can be corrected or added to.
  const metrics = useMetrics();
  const { label } = metrics;
  const metricKeys = useMemo(() => metrics.options.map((m) => m.key), [metrics.options]);
  const [focus, setFocus] = useState<Focus | null>(null);
  const activeId = focus?.markId ?? null;
  const activate = (id: string) => {
    const m = list.find((x) => x.id === id);
    if (m) setFocus({ markId: m.id, start: m.evidence.start, end: m.evidence.end });
  };
  const [adding, setAdding] = useState<{ start: number; end: number; text: string } | null>(null);

  const marks = useMemo<TextMark[]>(
    () => list.map((m) => ({ id: m.id, start: m.evidence.start, end: m.evidence.end, state: m.state, title: `${m.key === null ? t('未归类', 'Unclassified') : label(m.key)}：${m.value}${m.unit ?? ''}` })),
    [list, label, t],
  );
  const unclassified = list.filter((m) => m.key === null).length;

  const review = async (m: Mention, body: Review | { state: 'unreviewed' }, undone = false) => {
    try {
      await ok(api.PATCH('/api/mentions/{id}', { params: { path: { id: m.id } }, body }));
      const was = m.key === null;
      if (undone) void message.success(t('已撤销驳回', 'Rejection undone'));
      else if (body.state === 'rejected' && was) void message.success(t('已忽略', 'Dismissed'));
      else if (body.state === 'rejected') {
        // 驳回 acts at once; the message offers the way back (the figure's previous state).
        const key = `reject-${m.id}`;
        const back = { state: m.state } as Review | { state: 'unreviewed' };
        void message.success({
          key,
          duration: 8,
          content: (
            <span data-testid="reject-message">
              {t('已驳回：该数字不再计入分析。', 'Rejected: the figure no longer counts.')}
              <Button type="link" size="small" data-testid="reject-undo" onClick={() => { message.destroy(key); void review({ ...m, state: 'rejected' }, back, true); }}>
                {t('撤销', 'Undo')}
              </Button>
            </span>
          ),
        });
      } else void message.success(body.state === 'confirmed' ? t('已确认', 'Confirmed') : was ? t('已归类', 'Assigned') : t('已更正', 'Corrected'));
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
              <ReportText text={report.text} marks={marks} focus={focus} onActivate={activate} onSelectText={canReview ? (r, text) => setAdding({ ...r, text }) : undefined} />
            ) : (
              <Empty description={t('没有可显示的文本', 'No text')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('指标合计', 'Totals')} style={{ marginBottom: 16 }}>
            <TotalsTable mentions={list} loading={mentions.loading} label={label} />
          </Card>
          <Card size="small" title={t(`抽取的数字（${list.length}）`, `Extracted figures (${list.length})`)}>
            {unclassified > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                data-testid="unclassified-alert"
                title={t(
                  `有 ${unclassified} 个数字未归类，不计入合计${canReview ? '：请点“归类”选择它属于哪项指标，或点“忽略”' : ''}。`,
                  `${unclassified} figures are unclassified and not in the totals${canReview ? ': assign each to a metric or dismiss it' : ''}.`,
                )}
              />
            )}
            <MentionsTable
              mentions={list}
              loading={mentions.loading}
              activeId={activeId}
              label={label}
              onActivate={activate}
              review={canReview ? { metricKeys, onReview: (m, r) => void review(m, r) } : undefined}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }}>
        <ReportDetailsTabs report={report} label={label} onPick={setFocus} />
      </Card>
      {adding && (
        <AddMentionModal
          reportId={report.id}
          selection={adding}
          metricKeys={metricKeys}
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
