import { Alert, App, Button, Card, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ok } from '../../../api/client';
import { useMetricCatalogue } from '../../../hooks/queries';
import { useApi } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';
import { addItem, addSection, DEDUCT_EVENTS, removeItem, totalPoints, updateItem, withKind, type Kind, type Rules, type RulesItem } from './rules-edit';

/** The 考核细则 editor: sections and items with points and how each is scored; every save is a new version. */
export default function AssessmentRulesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const current = useApi(() => ok(api.GET('/api/assessment/rules', { params: { query: {} } })), []);
  const versions = useApi(() => ok(api.GET('/api/assessment/rules/versions')), []);
  const catalogue = useMetricCatalogue();
  const [rules, setRules] = useState<Rules | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (current.data) setRules(current.data.rules);
  }, [current.data]);
  const metricOptions = (catalogue.data ?? []).map((m) => ({ value: m.key, label: m.name }));

  const save = async () => {
    if (!rules) return;
    setBusy(true);
    setErrors([]);
    try {
      const v = await ok(api.PUT('/api/assessment/rules', { body: { rules, note } }));
      message.success(t(`已保存为第 ${v.version} 版；未关闭的期次按新细则重新计分`, `Saved as version ${v.version}`));
      setNote('');
      current.reload();
      versions.reload();
    } catch (e) {
      const body = (e as { body?: { errors?: { message: string }[] } }).body;
      setErrors(body?.errors?.map((x) => x.message) ?? [(e as Error).message]);
    } finally {
      setBusy(false);
    }
  };
  const loadVersion = async (version: number) => {
    const v = await ok(api.GET('/api/assessment/rules', { params: { query: { version } } }));
    setRules(v.rules);
    message.info(t(`已载入第 ${version} 版，保存后成为新版本`, `Loaded version ${version}`));
  };

  const edit = (s: number, i: number, patch: Partial<RulesItem>) => rules && setRules(updateItem(rules, s, i, patch));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t(`考核细则${current.data ? `（现行第 ${current.data.version} 版）` : ''}`, 'Assessment rules')}
        extra={
          rules && (
            <Space>
              <Typography.Text data-testid="rules-total">{t(`总分 ${totalPoints(rules)} 分`, `${totalPoints(rules)} points`)}</Typography.Text>
              <Input placeholder={t('本次修改说明', 'What changed')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 220 }} maxLength={200} />
              <Button type="primary" loading={busy} onClick={() => void save()}>
                {t('保存为新版本', 'Save as new version')}
              </Button>
            </Space>
          )
        }
      >
        {current.error && <Alert type="error" showIcon title={current.error.message} />}
        {errors.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('细则有误，请修改后再保存', 'Please fix the rules')} description={<ul>{errors.map((e, i) => <li key={i}>{e}</li>)}</ul>} />}
        {rules && (
          <>
            <Space style={{ marginBottom: 8 }}>
              <span>{t('细则名称', 'Title')}</span>
              <Input value={rules.title} onChange={(e) => setRules({ ...rules, title: e.target.value })} style={{ width: 300 }} />
              <span>{t('目标口径', 'Targets')}</span>
              <Select value={rules.targets} onChange={(v) => setRules({ ...rules, targets: v })} style={{ width: 220 }} options={[{ value: 'annual', label: t('全年目标（按期次长短折算）', 'Annual (scaled)') }, { value: 'period', label: t('每期目标', 'Per period') }]} />
            </Space>
            {rules.sections.map((sec, s) => (
              <Card key={s} size="small" type="inner" style={{ marginBottom: 8 }} title={<Input value={sec.title} variant="borderless" onChange={(e) => setRules({ ...rules, sections: rules.sections.map((x, k) => (k === s ? { ...x, title: e.target.value } : x)) })} style={{ fontWeight: 600, width: 240 }} />} extra={<Button size="small" onClick={() => setRules(addItem(rules, s))}>{t('添加考核项', 'Add item')}</Button>}>
                <Table<RulesItem>
                  size="small"
                  pagination={false}
                  rowKey={(_, i) => String(i)}
                  dataSource={sec.items}
                  columns={[
                    { title: t('考核内容', 'Item'), render: (_, it, i) => <Input.TextArea autoSize value={it.title} onChange={(e) => edit(s, i, { title: e.target.value })} /> },
                    { title: t('分值', 'Points'), width: 90, render: (_, it, i) => <InputNumber min={0.5} step={0.5} value={it.points} onChange={(v) => edit(s, i, { points: v ?? 0 })} /> },
                    {
                      title: t('计分方式', 'Scoring'),
                      width: 130,
                      render: (_, it, i) => (
                        <Select<Kind> value={it.kind} style={{ width: 120 }} onChange={(k) => rules && setRules(updateItem(rules, s, i, withKind(it, k)))} options={[{ value: 'reach', label: t('达标计分', 'Target') }, { value: 'deduct', label: t('扣分', 'Deduction') }, { value: 'manual', label: t('人工评分', 'Manual') }]} />
                      ),
                    },
                    { title: t('规则', 'Rule'), render: (_, it, i) => <RuleFields item={it} metricOptions={metricOptions} onChange={(p) => edit(s, i, p)} /> },
                    {
                      title: '',
                      width: 60,
                      render: (_, _it, i) => (
                        <Popconfirm title={t('删除此考核项？', 'Delete this item?')} onConfirm={() => setRules(removeItem(rules, s, i))}>
                          <Button size="small" danger type="link">{t('删除', 'Delete')}</Button>
                        </Popconfirm>
                      ),
                    },
                  ]}
                />
              </Card>
            ))}
            <Button onClick={() => setRules(addSection(rules))}>{t('添加板块', 'Add section')}</Button>
          </>
        )}
      </Card>
      <Card size="small" title={t('历史版本', 'Versions')}>
        <Table
          size="small"
          rowKey="version"
          loading={versions.loading}
          dataSource={versions.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('版本', 'Version'), dataIndex: 'version', render: (v: number) => (current.data?.version === v ? <Tag color="green">{`v${v}`}</Tag> : `v${v}`) },
            { title: t('说明', 'Note'), dataIndex: 'note' },
            { title: t('总分', 'Points'), dataIndex: 'totalPoints' },
            { title: t('修改人', 'By'), dataIndex: 'createdBy', render: (v: string | null) => v ?? t('系统默认', 'default') },
            { title: t('时间', 'At'), dataIndex: 'createdAt', render: (s: string) => new Date(s).toLocaleString() },
            { title: '', render: (_, r: { version: number }) => <Button size="small" type="link" onClick={() => void loadVersion(r.version)}>{t('载入编辑', 'Load')}</Button> },
          ]}
        />
      </Card>
    </Space>
  );
}

function RuleFields({ item, metricOptions, onChange }: { item: RulesItem; metricOptions: { value: string; label: string }[]; onChange(p: Partial<RulesItem>): void }) {
  const { t } = useI18n();
  if (item.kind === 'reach')
    return (
      <Space wrap size={4}>
        <Select mode="multiple" placeholder={t('指标', 'Metrics')} value={item.metrics ?? []} onChange={(v) => onChange({ metrics: v })} options={metricOptions} style={{ minWidth: 180 }} />
        <span>≥</span>
        <InputNumber min={0.01} value={item.target} onChange={(v) => onChange({ target: v ?? 1 })} style={{ width: 80 }} />
        <Select value={item.basis} onChange={(v) => onChange({ basis: v })} style={{ width: 120 }} options={[{ value: 'unit', label: t('按单位', 'per unit') }, { value: 'per100', label: t('每百名党员', 'per 100 members') }]} />
        <Select value={item.scale} onChange={(v) => onChange({ scale: v, ...(v === 'stepwise' ? { steps: item.steps ?? 4 } : {}) })} style={{ width: 100 }} options={[{ value: 'proportional', label: t('按比例', 'proportional') }, { value: 'stepwise', label: t('分档', 'stepwise') }]} />
        {item.scale === 'stepwise' && <InputNumber min={1} max={20} value={item.steps} onChange={(v) => onChange({ steps: v ?? 4 })} addonAfter={t('档', 'steps')} style={{ width: 100 }} />}
      </Space>
    );
  if (item.kind === 'deduct')
    return (
      <Space size={4}>
        <Select value={item.event} onChange={(v) => onChange({ event: v })} style={{ width: 200 }} options={DEDUCT_EVENTS.map((e) => ({ value: e.value, label: e.zh }))} />
        <span>{t('每次扣', 'minus')}</span>
        <InputNumber min={0.5} step={0.5} value={item.perEvent} onChange={(v) => onChange({ perEvent: v ?? 1 })} style={{ width: 80 }} />
        <span>{t('分', 'pts')}</span>
      </Space>
    );
  return <Input placeholder={t('评分说明（考核组查看什么）', 'What the scorer checks')} value={item.guide ?? ''} onChange={(e) => onChange({ guide: e.target.value })} />;
}
