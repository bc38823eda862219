// The most frequent wordings of counts no metric took (未归类), across the administrator's reports:
// how the catalogue keeps growing after release. Each row can go into a metric's definition as a
// trigger word (and its measure word), which applies from the next extraction.
import { Alert, App, Button, Card, Empty, Input, Modal, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, ok } from '../../../api/client';
import type { MetricDefinition, UnclassifiedPhrase } from '../../../api/types';
import { useApi } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';

/** The phrase without its "N<unit>" tail: the words an administrator most likely wants as a trigger. */
export function suggestedTrigger(p: Pick<UnclassifiedPhrase, 'phrase' | 'unit'>): string {
  const tail = `N${p.unit}`;
  const words = p.phrase.endsWith(tail) ? p.phrase.slice(0, -tail.length) : p.phrase;
  return words.slice(-20);
}

/** The PUT body that adds `word` (and the phrase's measure word, when missing) to a metric. */
export function addToDefinition(m: Pick<MetricDefinition, 'triggers' | 'measureWords'>, word: string, unit: string): { triggers: string[]; measureWords?: string[] } {
  const triggers = m.triggers.includes(word) ? m.triggers : [...m.triggers, word];
  return unit && !m.measureWords.includes(unit) ? { triggers, measureWords: [...m.measureWords, unit] } : { triggers };
}

function AddModal({ phrase, metrics, onClose }: { phrase: UnclassifiedPhrase; metrics: MetricDefinition[]; onClose(saved: boolean): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [key, setKey] = useState<string | null>(null);
  const [word, setWord] = useState(suggestedTrigger(phrase));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const m = metrics.find((x) => x.key === key);
    if (!m) return;
    try {
      await ok(api.PUT('/api/metrics/{key}', { params: { path: { key: m.key } }, body: addToDefinition(m, word.trim(), phrase.unit) }));
      void message.success(t('已加入指标定义；重新抽取相关周期后生效', 'Added; re-extract the periods to apply it'));
      onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal open title={t('加入指标定义', 'Add to a metric')} onCancel={() => onClose(false)} onOk={() => void save()} okText={t('加入', 'Add')} okButtonProps={{ disabled: !key || !word.trim() }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(`原文示例：${phrase.example.text}`, `Example: ${phrase.example.text}`)}</Typography.Text>
        <Select
          value={key}
          onChange={setKey}
          showSearch
          optionFilterProp="label"
          placeholder={t('选择指标', 'Pick a metric')}
          style={{ width: '100%' }}
          options={metrics.filter((m) => m.enabled).map((m) => ({ value: m.key, label: m.name }))}
          data-testid="unclassified-metric"
        />
        <Input value={word} onChange={(e) => setWord(e.target.value)} maxLength={20} placeholder={t('触发词', 'Trigger')} aria-label={t('触发词', 'Trigger')} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('触发词宜取能说明所计事项的名词（如“政策提示”），不宜带动词和修饰语。', 'Prefer the noun naming what is counted, without verbs and modifiers.')}
        </Typography.Text>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Modal>
  );
}

export function UnclassifiedCard({ metrics, onAdded }: { metrics: MetricDefinition[]; onAdded(): void }) {
  const { t } = useI18n();
  const list = useApi(() => ok(api.GET('/api/metrics/unclassified', { params: { query: { limit: 50 } } })), []);
  const [adding, setAdding] = useState<UnclassifiedPhrase | null>(null);
  return (
    <Card size="small" title={t('未归类的数字（最常见的说法）', 'Unclassified figures (most frequent phrasings)')} data-testid="unclassified-card">
      <Typography.Paragraph type="secondary">
        {t('各报告中没有被任何指标计入的数字，按说法归并。常见的说法可加入某项指标的触发词，重新抽取后即计入。', 'Figures no metric took, grouped by phrasing. Add a frequent one to a metric’s triggers; re-extract to count it.')}
      </Typography.Paragraph>
      {list.loading ? (
        <Skeleton active />
      ) : list.error ? (
        <Empty description={list.error.message} />
      ) : (
        <Table<UnclassifiedPhrase>
          size="small"
          rowKey="phrase"
          pagination={(list.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('没有未归类的数字', 'No unclassified figures') }}
          scroll={{ x: true }}
          columns={[
            { title: t('说法', 'Phrase'), dataIndex: 'phrase', render: (p: string) => <Typography.Text strong>{p}</Typography.Text> },
            { title: t('报告数', 'Reports'), dataIndex: 'reports', width: 80 },
            { title: t('次数', 'Figures'), dataIndex: 'mentions', width: 70 },
            {
              title: t('原文示例', 'Example'),
              key: 'example',
              render: (_: unknown, p) => (
                <Link to={`/reports/${p.example.reportId}`} style={{ fontSize: 12 }}>
                  {p.example.text}
                </Link>
              ),
            },
            {
              title: '',
              key: 'add',
              width: 110,
              render: (_: unknown, p) => (
                <Button size="small" onClick={() => setAdding(p)}>
                  {t('加入指标定义', 'Add to a metric')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {adding && (
        <AddModal
          phrase={adding}
          metrics={metrics}
          onClose={(saved) => {
            setAdding(null);
            if (saved) onAdded();
          }}
        />
      )}
    </Card>
  );
}
