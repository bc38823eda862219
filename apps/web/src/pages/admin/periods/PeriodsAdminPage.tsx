import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { usePeriod, type Period } from '../../../layout/period';

interface PeriodForm {
  code: string;
  name?: string;
  range: [Dayjs, Dayjs];
  dueOn: Dayjs;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

export default function PeriodsAdminPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { periods } = usePeriod();
  const [editing, setEditing] = useState<Period | 'new' | null>(null);
  const [form] = Form.useForm<PeriodForm>();
  const open = (p: Period | 'new') => {
    setEditing(p);
    form.resetFields();
    if (p !== 'new') form.setFieldsValue({ code: p.code, name: p.name, range: [dayjs(p.startsOn), dayjs(p.endsOn)], dueOn: dayjs(p.dueOn) });
  };
  const submit = async () => {
    const v = await form.validateFields();
    const body = { name: v.name || undefined, startsOn: iso(v.range[0]), endsOn: iso(v.range[1]), dueOn: iso(v.dueOn) };
    try {
      if (editing === 'new') await ok(api.POST('/api/periods', { body: { code: v.code, ...body } }));
      else if (editing) await ok(api.PATCH('/api/periods/{code}', { params: { path: { code: editing.code } }, body }));
      void message.success(t('已保存', 'Saved'));
      setEditing(null);
      periods.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  // Closing freezes a period's expected units, temperatures and flags; reopening re-aggregates it.
  const setClosed = async (p: Period, close: boolean) => {
    try {
      if (close) await ok(api.POST('/api/periods/{code}/close', { params: { path: { code: p.code } } }));
      else await ok(api.POST('/api/periods/{code}/reopen', { params: { path: { code: p.code } } }));
      void message.success(close ? t('已关闭，本期数据已冻结', 'Closed: its figures are frozen') : t('已重新开放，将按当前设置重新计算', 'Reopened: it is recomputed'));
      periods.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('报告周期与截止日期', 'Periods and due dates')} extra={<Button type="primary" size="small" onClick={() => open('new')}>{t('新建周期', 'New period')}</Button>}>
      {periods.error && <Alert type="error" showIcon title={periods.error.message} />}
      <Table<Period>
        size="small"
        rowKey="code"
        loading={periods.loading}
        dataSource={[...(periods.data ?? [])].sort((a, b) => b.startsOn.localeCompare(a.startsOn))}
        scroll={{ x: true }}
        columns={[
          { title: t('代码', 'Code'), dataIndex: 'code' },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('起止', 'From – to'), key: 'range', render: (_: unknown, p) => `${p.startsOn} ~ ${p.endsOn}` },
          { title: t('截止日期', 'Due'), dataIndex: 'dueOn', render: (d: string, p) => <>{d} {p.overdue ? <Tag color="red">{t('已截止', 'closed')}</Tag> : <Tag color="green">{t('进行中', 'open')}</Tag>}</> },
          { title: t('状态', 'State'), key: 'closed', render: (_: unknown, p) => (p.closedAt ? <Tag color="default">{t('已关闭（数据冻结）', 'Closed (frozen)')}</Tag> : null) },
          {
            title: '',
            key: 'edit',
            render: (_: unknown, p) => (
              <Space>
                <Button size="small" disabled={Boolean(p.closedAt)} onClick={() => open(p)}>
                  {t('编辑', 'Edit')}
                </Button>
                {p.closedAt ? (
                  <Popconfirm title={t('重新开放后，本期会按当前的单位、指标和权重重新计算。继续？', 'Reopen? The period is recomputed with today’s units, metrics and weights.')} onConfirm={() => void setClosed(p, false)}>
                    <Button size="small">{t('重新开放', 'Reopen')}</Button>
                  </Popconfirm>
                ) : (
                  <Popconfirm title={t('关闭后，本期应报单位、温度和提示都冻结，不能再上传或核对。继续？', 'Close? Expected units, temperatures and flags are frozen; no more uploads or reviews.')} onConfirm={() => void setClosed(p, true)}>
                    <Button size="small">{t('关闭', 'Close')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('新建周期', 'New period') : t('编辑周期', 'Edit period')} onOk={() => void submit()} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('代码（如 2026-H1、2026-Q3、2026）', 'Code (e.g. 2026-H1, 2026-Q3, 2026)')} rules={[{ required: true }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="name" label={t('名称（如 2026年上半年）', 'Name')}>
            <Input />
          </Form.Item>
          <Form.Item name="range" label={t('起止日期', 'From – to')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('报送截止日期', 'Reports due by')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
