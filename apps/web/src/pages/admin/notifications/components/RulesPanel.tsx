import { Alert, App, Button, Checkbox, Col, Form, InputNumber, Row, Select, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, ok } from '../../../../api/client';
import type { ReminderRules } from '../../../../api/types';
import { useReminderRules } from '../../../../hooks/queries';
import { useI18n } from '../../../../i18n/i18n';
import { describeOffset, describeRules, parseOffsets } from '../rules';

type Values = Omit<ReminderRules, 'offsets'> & { offsets: string[] };
const toValues = (r: ReminderRules): Values => ({ ...r, offsets: r.offsets.map(String) });

const EVENTS: [keyof ReminderRules['events'], string, string][] = [
  ['extracted', '报告抽取完成：请支部书记核对数字', 'Report extracted: ask the secretary to check the figures'],
  ['extractionFailed', '抽取失败：原因和怎么办', 'Extraction failed: the reason and what to do'],
  ['cold', '单位偏冷：告知支部书记及原因', 'Unit cold: tell its secretary why'],
  ['declining', '单位降温：告知支部书记及原因', 'Unit declining: tell its secretary why'],
];

/** When reminders go out relative to the due day, escalation, and which event notifications are sent. */
export default function RulesPanel() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const answer = useReminderRules();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const offsets = Form.useWatch('offsets', form) ?? [];
  const escalate = Form.useWatch('escalate', form) ?? false;
  const catchUpDays = Form.useWatch('catchUpDays', form) ?? 0;
  const parsed = parseOffsets(offsets, t);

  useEffect(() => {
    if (answer.data) form.setFieldsValue(toValues(answer.data.rules));
  }, [answer.data, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const p = parseOffsets(v.offsets, t);
    if ('error' in p) return;
    const rules: ReminderRules = { offsets: p.offsets, escalate: v.escalate, catchUpDays: v.catchUpDays, events: v.events, flagWindowDays: v.flagWindowDays };
    setSaving(true);
    try {
      const r = await ok(api.PUT('/api/reminders/rules', { body: rules }));
      form.setFieldsValue(toValues(r.rules));
      void message.success(t('提醒规则已保存，下次扫描起生效', 'Saved; applies from the next scan'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  if (answer.loading) return <Skeleton active />;
  if (answer.error) return <Alert type="error" showIcon title={answer.error.message} />;
  return (
    <Form form={form} layout="vertical" data-testid="rules-form" style={{ maxWidth: 880 }}>
      <Form.Item
        name="offsets"
        label={t('提醒节点（相对截止日的天数：负数为截止前，0 为当天，正数为逾期后）', 'Reminder days (relative to the due day: negative before, 0 on it, positive after)')}
        rules={[
          {
            validator: (_, v: string[] | undefined) => {
              const r = parseOffsets(v ?? [], t);
              return 'error' in r ? Promise.reject(new Error(r.error)) : Promise.resolve();
            },
          },
        ]}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', '，', ' ', '、']}
          open={false}
          suffixIcon={null}
          aria-label={t('提醒节点', 'Reminder days')}
          data-testid="rules-offsets"
          labelRender={({ value }) => {
            const n = Number(value);
            return Number.isInteger(n) ? `${String(value)}（${describeOffset(n, t)}）` : String(value);
          }}
        />
      </Form.Item>
      {'offsets' in parsed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="rules-summary"
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {describeRules({ offsets: parsed.offsets, escalate, catchUpDays: catchUpDays ?? 0 }, t).map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="escalate" label={t('最后一次提醒时告知上级单位领导', 'At the last reminder, tell the parent unit’s leaders')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="catchUpDays" label={t('补发天数', 'Catch-up days')} rules={[{ required: true }, { type: 'integer', min: 0, max: 30, message: t('0 到 30 的整数', 'A whole number from 0 to 30') }]} extra={t('服务中断时，错过当天的提醒在几天内补发', 'A reminder missed while the service was down is sent up to this many days later')}>
            <InputNumber min={0} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="flagWindowDays" label={t('预警通知时限（天）', 'Flag window (days)')} rules={[{ required: true }, { type: 'integer', min: 0, max: 3650, message: t('0 到 3650 的整数', 'A whole number from 0 to 3650') }]} extra={t('只为截止不超过这么多天的周期发送偏冷/降温通知', 'Cold/declining notices only for periods due at most this long ago')}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('事件通知', 'Event notifications')}</Typography.Title>
      {EVENTS.map(([k, zh, en]) => (
        <Form.Item key={k} name={['events', k]} valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>{lang === 'zh' ? zh : en}</Checkbox>
        </Form.Item>
      ))}
      <div style={{ height: 16 }} />
      <Space>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rules-save">
          {t('保存', 'Save')}
        </Button>
        <Button onClick={() => answer.data && form.setFieldsValue(toValues(answer.data.defaults))}>{t('恢复默认（保存后生效）', 'Defaults (then save)')}</Button>
      </Space>
    </Form>
  );
}
