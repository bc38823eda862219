import { App, Form, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { firstNumber } from '../highlight';

/** Adds a figure the extractor missed, from a phrase selected in the report text. */
export function AddMentionModal({
  reportId,
  selection,
  metricKeys,
  label,
  onClose,
}: {
  reportId: number;
  selection: { start: number; end: number; text: string };
  metricKeys: readonly string[];
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
          <Select showSearch optionFilterProp="label" options={metricKeys.map((k) => ({ value: k, label: label(k) }))} data-testid="add-metric" />
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
