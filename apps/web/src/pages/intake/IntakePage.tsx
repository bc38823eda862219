import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, ok } from '../../api/client';
import { ReportStatusTag } from '../../components/tags';
import { useUnits } from '../../hooks/queries';
import { usePolling } from '../../hooks/use-polling';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { confirmBatch, importable, INTAKE_ACCEPT, proposeBatch, STATUS_VIEW, type ConfirmResult, type IntakeBatch, type IntakeItem } from './intake';

/**
 * 批量收文: the clerk drops what arrived (files, a folder or a .zip), checks the unit proposed for
 * each file, corrects any, confirms once, and follows each report to extracted.
 */
export default function IntakePage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { period } = usePeriod();
  const units = useUnits();
  const [files, setFiles] = useState<File[]>([]);
  const [batch, setBatch] = useState<IntakeBatch | null>(null);
  const [choice, setChoice] = useState<Record<number, string | undefined>>({});
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ConfirmResult | null>(null);

  const unitOptions = useMemo(() => (units.data ?? []).map((u) => ({ value: u.code, label: u.name })), [units.data]);
  const add = (f: File) => {
    setFiles((prev) => (prev.some((p) => p.name === f.name && p.size === f.size && (p.webkitRelativePath || '') === (f.webkitRelativePath || '')) ? prev : [...prev, f]));
    return false;
  };

  const propose = async () => {
    if (!period) return;
    setBusy(true);
    setError(null);
    try {
      const b = await proposeBatch(files, period.code);
      setBatch(b);
      setChoice(Object.fromEntries(b.items.map((i) => [i.index, i.unitCode ?? undefined])));
      setSelected(b.items.filter(importable).map((i) => i.index));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!batch) return;
    setBusy(true);
    setError(null);
    try {
      const items = selected.filter((i) => choice[i]).map((index) => ({ index, unitCode: choice[index]! }));
      const r = await confirmBatch(batch.batchId, items);
      setResult(r);
      message.success(t(`已导入 ${r.accepted.length} 份报告`, `${r.accepted.length} reports imported`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setFiles([]);
    setBatch(null);
    setResult(null);
    setChoice({});
    setSelected([]);
  };

  const ids = useMemo(() => (result?.accepted ?? []).map((a) => a.id), [result]);
  const live = usePolling(
    ids.length && period ? () => ok(api.GET('/api/reports', { params: { query: { periodCode: period.code } } })) : null,
    (rows) => ids.every((id) => rows.some((r) => r.id === id && (r.status === 'extracted' || r.status === 'failed'))),
    [ids.join(','), period?.code],
    1500,
    5000,
  );
  const statusOf = (id: number) => live.value?.find((r) => r.id === id);

  if (!period) return <Alert type="info" showIcon title={t('请先在页头选择期次', 'Pick a period in the header first')} />;

  return (
    <Card size="small" title={t(`批量收文 · ${period.name || period.code}`, `Bulk intake · ${period.code}`)} extra={(batch || files.length > 0) && <Button onClick={reset}>{t('重新开始', 'Start over')}</Button>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!batch && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger multiple accept={INTAKE_ACCEPT} beforeUpload={add} showUploadList={false} data-testid="intake-dropzone">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('把收到的报告拖到这里：可多选文件，或一个 .zip 压缩包', 'Drop the reports here: many files, or one .zip')}</p>
            <p className="ant-upload-hint">{t('文件名不必改：系统会读取标题、主送、落款，自动找到对应单位', 'No need to rename: the title, addressee and signature tell the unit')}</p>
          </Upload.Dragger>
          <Upload directory multiple beforeUpload={add} showUploadList={false}>
            <Button icon={<FolderOpenOutlined />}>{t('选择整个文件夹', 'Choose a folder')}</Button>
          </Upload>
          {files.length > 0 && (
            <Typography.Text data-testid="intake-files">
              {t(`已选 ${files.length} 个文件：`, `${files.length} files: `)}
              {files.map((f) => f.webkitRelativePath || f.name).join('、')}
            </Typography.Text>
          )}
          <Button type="primary" disabled={!files.length} loading={busy} onClick={() => void propose()}>
            {t('识别单位', 'Match to units')}
          </Button>
        </Space>
      )}
      {batch && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Table<IntakeItem>
            size="small"
            rowKey="index"
            data-testid="intake-table"
            dataSource={batch.items}
            pagination={false}
            scroll={{ x: true }}
            rowSelection={result ? undefined : { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), getCheckboxProps: (i) => ({ disabled: i.status === 'duplicate' || i.status === 'rejected' }) }}
            columns={[
              { title: t('文件', 'File'), dataIndex: 'fileName', width: 180, render: (n: string) => <Typography.Text>{n}</Typography.Text> },
              {
                title: t('单位', 'Unit'),
                key: 'unit',
                width: 260,
                render: (_: unknown, i) =>
                  result ? (
                    (unitOptions.find((o) => o.value === choice[i.index])?.label ?? '—')
                  ) : (
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      allowClear
                      style={{ width: 240 }}
                      placeholder={t('请选择单位', 'Choose a unit')}
                      options={unitOptions}
                      value={choice[i.index]}
                      disabled={i.status === 'rejected' || i.status === 'duplicate'}
                      data-testid={`intake-unit-${i.index}`}
                      onChange={(v?: string) => {
                        setChoice((c) => ({ ...c, [i.index]: v }));
                        if (v) setSelected((s) => (s.includes(i.index) ? s : [...s, i.index]));
                      }}
                    />
                  ),
              },
              { title: t('置信度', 'Confidence'), dataIndex: 'confidence', width: 110, render: (c: number) => <Progress percent={Math.round(c * 100)} size="small" status={c >= 0.6 ? 'success' : 'exception'} /> },
              { title: t('判断', 'Status'), dataIndex: 'status', render: (s: IntakeItem['status']) => <Tag color={STATUS_VIEW[s].color}>{STATUS_VIEW[s][lang]}</Tag> },
              {
                title: t('依据', 'Why'),
                key: 'reason',
                render: (_: unknown, i) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text type="secondary">{i.reason}</Typography.Text>
                    {i.notes.map((n) => (
                      <Typography.Text key={n} type="warning">
                        {n}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
              ...(result
                ? [
                    {
                      title: t('处理状态', 'Processing'),
                      key: 'live',
                      render: (_: unknown, i: IntakeItem) => {
                        const a = result.accepted.find((x) => x.index === i.index);
                        if (!a) return <Typography.Text type="secondary">{result.skipped.find((x) => x.index === i.index)?.reason ?? t('未导入', 'not imported')}</Typography.Text>;
                        const row = statusOf(a.id);
                        return (
                          <Space>
                            <ReportStatusTag status={row?.status ?? a.status} />
                            <Link to={`/reports/${a.id}`}>{t(`第 ${a.version} 版`, `v${a.version}`)}</Link>
                          </Space>
                        );
                      },
                    },
                  ]
                : []),
            ]}
          />
          {!result && (
            <Button type="primary" data-testid="intake-confirm" loading={busy} disabled={!selected.some((i) => choice[i])} onClick={() => void confirm()}>
              {t(`确认导入 ${selected.filter((i) => choice[i]).length} 份`, `Import ${selected.filter((i) => choice[i]).length}`)}
            </Button>
          )}
          {!result && (
            <Typography.Text type="secondary">
              {t('未勾选的文件不会导入；本批结果保留 24 小时。', 'Unticked files are not imported; this batch is kept for 24 hours.')}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
