// The administrator names each level of the tree (局党组 / 党委 / 党支部 …); an empty field keeps
// the name taken from the units' own names. The dashboard and the Excel export show these words.
import { App, Button, Card, Form, Input, Skeleton, Space } from 'antd';
import { useEffect } from 'react';
import { api, ApiError, ok } from '../../../../api/client';
import { useLevelNames } from '../../../../hooks/queries';
import { useI18n } from '../../../../i18n/i18n';

export function LevelNamesCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const levels = useLevelNames();
  const [form] = Form.useForm<{ names: string[] }>();
  useEffect(() => {
    if (levels.data) form.setFieldsValue({ names: levels.data.map((l) => (l.custom ? l.name : '')) });
  }, [levels.data, form]);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await ok(api.PUT('/api/units/levels', { body: { names: v.names.map((n) => n ?? '') } }));
      void message.success(t('已保存层级名称', 'Level names saved'));
      levels.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('层级名称（看板、Excel 和通报中显示）', 'Level names (dashboard, Excel, bulletin)')} data-testid="level-names">
      {levels.loading && !levels.data ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="inline" style={{ rowGap: 8 }}>
          {(levels.data ?? []).map((l, i) => (
            <Form.Item key={l.level} name={['names', i]} label={t(`第 ${l.level + 1} 层`, `Level ${l.level}`)} rules={[{ max: 20, message: t('最长 20 个字', 'At most 20 characters') }]}>
              <Input placeholder={l.defaultName} style={{ width: 140 }} />
            </Form.Item>
          ))}
          <Space>
            <Button onClick={() => void save()}>{t('保存', 'Save')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
