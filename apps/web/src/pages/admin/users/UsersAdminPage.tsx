import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError, ok } from '../../../api/client';
import { useUnits, useUsers, type User } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import { ROLE_LABEL, type Role } from '../../../layout/nav';
import { formatTime } from '../../../i18n/time';

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  email?: string;
  password?: string;
  disabled?: boolean;
}

export default function UsersAdminPage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const users = useUsers();
  const units = useUnits();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [form] = Form.useForm<UserForm>();
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }));
  const roleOptions = (['secretary', 'leader', 'admin'] as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r][lang] }));

  const open = (u: User | 'new') => {
    setEditing(u);
    form.resetFields();
    if (u !== 'new') form.setFieldsValue({ ...u, email: u.email ?? undefined, password: undefined });
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await ok(api.POST('/api/users', { body: { username: v.username, displayName: v.displayName, role: v.role, unitCode: v.unitCode, email: v.email || null, password: v.password ?? '' } }));
      else if (editing)
        await ok(
          api.PATCH('/api/users/{username}', {
            params: { path: { username: editing.username } },
            body: { displayName: v.displayName, role: v.role, unitCode: v.unitCode, email: v.email || null, disabled: v.disabled, ...(v.password ? { password: v.password } : {}) },
          }),
        );
      void message.success(t('已保存', 'Saved'));
      setEditing(null);
      users.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Card size="small" title={t('用户', 'Users')} extra={<Button type="primary" size="small" onClick={() => open('new')}>{t('新建用户', 'New user')}</Button>}>
      {users.error && <Alert type="error" showIcon title={users.error.message} />}
      <Table<User>
        size="small"
        rowKey="username"
        loading={users.loading}
        dataSource={users.data ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: Role) => ROLE_LABEL[r]?.[lang] ?? r, filters: roleOptions.map((o) => ({ text: o.label, value: o.value })), onFilter: (v, u) => u.role === v },
          { title: t('单位', 'Unit'), dataIndex: 'unitName' },
          { title: t('状态', 'Status'), dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="red">{t('已停用', 'disabled')}</Tag> : <Tag color="green">{t('正常', 'active')}</Tag>) },
          { title: t('最近登录', 'Last sign-in'), dataIndex: 'lastLoginAt', render: (s: string | null) => (s ? formatTime(s) : '—') },
          { title: '', key: 'edit', render: (_: unknown, u) => <Button size="small" onClick={() => open(u)}>{t('编辑', 'Edit')}</Button> },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('新建用户', 'New user') : t('编辑用户', 'Edit user')} onOk={() => void submit()} onCancel={() => setEditing(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select options={roleOptions} />
            </Form.Item>
          </Space.Compact>
          <Form.Item name="unitCode" label={t('所属单位（决定可见范围）', 'Unit (sets the scope)')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={unitOptions} />
          </Form.Item>
          <Form.Item name="email" label={t('邮箱（接收提醒）', 'E-mail (for reminders)')}>
            <Input type="email" />
          </Form.Item>
          <Form.Item
            name="password"
            label={editing === 'new' ? t('初始密码', 'Initial password') : t('重置密码（留空不变）', 'Reset password (blank keeps it)')}
            rules={editing === 'new' ? [{ required: true }] : []}
            extra={t('至少 10 位，含大写字母、小写字母、数字、符号中的至少三类', 'At least 10 characters of three kinds (upper, lower, digit, symbol)')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="disabled" label={t('停用', 'Disabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
