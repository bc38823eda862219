// The metric catalogue (trigger words and weights), the most frequent unclassified phrasings (to
// grow it), the temperature weights and thresholds, and re-extraction of a whole period.
import { Alert, App, Button, Card, Col, Empty, Form, InputNumber, Progress, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, ok } from '../../../api/client';
import type { AnalyticsConfig, MetricDefinition, ReextractRun } from '../../../api/types';
import { useAnalyticsSettings, useMetricCatalogue } from '../../../hooks/queries';
import { usePolling } from '../../../hooks/use-polling';
import { useI18n } from '../../../i18n/i18n';
import { usePeriod } from '../../../layout/period';
import { CATEGORY_LABELS, metricLabel } from '../../../hooks/use-metric-options';
import { UnclassifiedCard } from './UnclassifiedCard';

function MetricRow({ m, onSaved }: { m: MetricDefinition; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [triggers, setTriggers] = useState(m.triggers);
  const [weight, setWeight] = useState<number | null>(m.weight);
  const dirty = weight !== m.weight || triggers.join('|') !== m.triggers.join('|');
  const save = async () => {
    try {
      await ok(api.PUT('/api/metrics/{key}', { params: { path: { key: m.key } }, body: { triggers, weight: weight ?? 0 } }));
      void message.success(t('已保存；重新抽取后生效', 'Saved; re-extract to apply'));
      onSaved();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Space wrap style={{ width: '100%' }}>
      <Select mode="tags" value={triggers} onChange={setTriggers} style={{ minWidth: 280, maxWidth: 520 }} aria-label={t('触发词', 'Trigger words')} />
      <InputNumber min={0} max={100} step={0.5} value={weight} onChange={setWeight} aria-label={t('权重', 'Weight')} style={{ width: 90 }} />
      <Button size="small" type="primary" disabled={!dirty} onClick={() => void save()}>
        {t('保存', 'Save')}
      </Button>
    </Space>
  );
}

function Reextract() {
  const { t } = useI18n();
  const { periods, period } = usePeriod();
  const [code, setCode] = useState<string | undefined>(period?.code);
  const [run, setRun] = useState<ReextractRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setCode((c) => c ?? period?.code), [period?.code]);
  const progress = usePolling(run ? () => ok(api.GET('/api/admin/reextract/{id}', { params: { path: { id: run.id } } })) : null, (r) => r.finished, [run?.id], 1000, 3000);
  const cur = progress.value ?? run;
  const start = async () => {
    if (!code) return;
    setError(null);
    try {
      setRun(await ok(api.POST('/api/admin/reextract', { body: { periodCode: code } })));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('重新抽取一个周期', 'Re-extract a period')}>
      <Typography.Paragraph type="secondary">{t('修改触发词或权重后，对该周期的全部报告重新抽取并重算温度。', 'After changing triggers or weights, re-read every report of the period and recompute temperatures.')}</Typography.Paragraph>
      <Space wrap>
        <Select value={code} onChange={setCode} style={{ minWidth: 160 }} options={(periods.data ?? []).map((p) => ({ value: p.code, label: p.name || p.code }))} aria-label={t('周期', 'Period')} />
        <Button type="primary" onClick={() => void start()} disabled={!code || (cur !== null && cur !== undefined && !cur.finished)}>
          {t('开始重新抽取', 'Start')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {cur && (
        <div style={{ marginTop: 12 }} data-testid="reextract-progress">
          <Progress percent={cur.total ? Math.round(((cur.done + cur.failed) / cur.total) * 100) : 0} status={cur.finished ? (cur.failed ? 'exception' : 'success') : 'active'} />
          <Typography.Text type="secondary">
            {t(`共 ${cur.total} 份，完成 ${cur.done}，失败 ${cur.failed}，等待 ${cur.pending}`, `${cur.done} of ${cur.total} done, ${cur.failed} failed, ${cur.pending} waiting`)}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

const WEIGHTS: [keyof AnalyticsConfig['weights'], string, string][] = [
  ['breadth', '广度', 'Breadth'],
  ['intensity', '强度', 'Intensity'],
  ['specificity', '具体度', 'Specificity'],
  ['timeliness', '及时性', 'Timeliness'],
  ['originality', '原创性', 'Originality'],
];
const THRESHOLDS: [keyof AnalyticsConfig['thresholds'], string, string][] = [
  ['cold', '偏冷温度线', 'Cold below'],
  ['coldRelative', '比上级低多少算偏冷（0–1，0.4 即低 40%）', 'Colder than the parent by (0–1)'],
  ['attenuation', '衰减警戒（0–1）', 'Attenuation alarm (0–1)'],
  ['declineDrop', '降温幅度', 'Decline drop'],
  ['lowSpecificity', '空泛线（每千字数字数）', 'Low specificity (facts/1000 chars)'],
  ['nearDuplicate', '雷同相似度（0–1）', 'Near-duplicate similarity (0–1)'],
];

function Settings() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const settings = useAnalyticsSettings();
  const [form] = Form.useForm<Pick<AnalyticsConfig, 'weights' | 'thresholds'>>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.config);
  }, [settings.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    if (!settings.data) return;
    const cur = settings.data.config;
    try {
      // The form edits weights and thresholds; scoring goes back as it is in force.
      await ok(api.PUT('/api/admin/analytics-settings', { body: { weights: { ...cur.weights, ...v.weights }, thresholds: { ...cur.thresholds, ...v.thresholds }, scoring: cur.scoring } }));
      void message.success(t('已保存', 'Saved'));
      settings.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('温度权重与阈值', 'Temperature weights and thresholds')}>
      {settings.loading ? (
        <Skeleton active />
      ) : settings.error ? (
        <Empty description={settings.error.message} />
      ) : (
        <Form form={form} layout="vertical">
          <Row gutter={12}>
            {WEIGHTS.map(([k, zh, en]) => (
              <Col xs={12} md={8} key={k}>
                <Form.Item name={['weights', k]} label={lang === 'zh' ? zh : en}>
                  <InputNumber min={0} max={100} step={0.05} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            {THRESHOLDS.map(([k, zh, en]) => (
              <Col xs={12} md={8} key={k}>
                <Form.Item name={['thresholds', k]} label={lang === 'zh' ? zh : en}>
                  <InputNumber min={0} step={0.05} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" onClick={() => void save()}>
            {t('保存', 'Save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export default function MetricsAdminPage() {
  const { lang, t } = useI18n();
  const catalogue = useMetricCatalogue();
  const names = new Map((catalogue.data ?? []).map((m) => [m.key, m.name]));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('指标目录（触发词与权重）', 'Metric catalogue (triggers and weights)')}>
        {catalogue.loading ? (
          <Skeleton active />
        ) : catalogue.error ? (
          <Empty description={catalogue.error.message} />
        ) : (
          <Table<MetricDefinition>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={catalogue.data ?? []}
            scroll={{ x: true }}
            columns={[
              { title: t('类别', 'Category'), dataIndex: 'category', width: 90, render: (c: string) => CATEGORY_LABELS[c]?.[lang] ?? c },
              { title: t('指标', 'Metric'), dataIndex: 'key', render: (k: string) => <span>{metricLabel(k, lang, names)}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{k}</Typography.Text></span> },
              { title: t('口径', 'Normalisation'), dataIndex: 'normalization', width: 100, render: (n: string) => (n === 'per100' ? t('每百名党员', 'per 100') : t('按单位', 'per unit')) },
              { title: t('启用', 'On'), dataIndex: 'enabled', width: 60, render: (e: boolean) => (e ? '✓' : '—') },
              {
                title: t('来源', 'Source'),
                dataIndex: 'customized',
                width: 90,
                // a customized metric keeps the administrator's version when a release ships a new default
                render: (c: boolean) => (c ? <Tag color="blue">{t('已自定义', 'Customized')}</Tag> : <Tag>{t('默认', 'Default')}</Tag>),
              },
              { title: t('触发词 · 权重', 'Triggers · weight'), key: 'edit', render: (_: unknown, m) => <MetricRow m={m} onSaved={catalogue.reload} /> },
            ]}
          />
        )}
      </Card>
      <UnclassifiedCard metrics={catalogue.data ?? []} onAdded={catalogue.reload} />
      <Settings />
      <Reextract />
    </Space>
  );
}
