// The unit tree: add, rename, move (new parent), member counts, delete; import from .xlsx/.csv
// (checked first, with a per-row error report) and the template and export downloads.
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Popconfirm, Row, Select, Skeleton, Space, Tree, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError, download, ok } from '../../../api/client';
import { ImportReport } from './components/ImportReport';
import { LevelNamesCard } from './components/LevelNamesCard';
import { importUnits, type ImportOutcome } from './import';
import { useUnits, useUnitTree, type UnitTreeNode } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';

interface TreeData {
  key: string;
  title: string;
  children: TreeData[];
}

function toTree(n: UnitTreeNode): TreeData {
  return { key: n.code, title: `${n.name} · ${n.memberCount}`, children: n.children.map(toTree) };
}

export default function UnitsAdminPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tree = useUnitTree();
  const units = useUnits();
  const [selected, setSelected] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [editForm] = Form.useForm<{ code: string; name: string; memberCount: number; parentCode: string | null; activeFrom: string }>();
  const [addForm] = Form.useForm<{ code: string; name: string; memberCount: number; activeFrom?: string }>();
  const dateRule = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('请按 YYYY-MM-DD 填写，如 2026-01-01', 'Use YYYY-MM-DD, e.g. 2026-01-01') };
  const data = useMemo(() => (tree.data ?? []).map(toTree), [tree.data]);
  const unit = units.data?.find((u) => u.code === selected);
  const reload = () => {
    tree.reload();
    units.reload();
  };
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));

  const runImport = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    const o = await importUnits(file, dryRun);
    setOutcome(o);
    setBusy(false);
    if (!dryRun && o.ok) {
      void message.success(t('导入完成', 'Imported'));
      reload();
    }
  };

  const save = async () => {
    if (!unit) return;
    const v = await editForm.validateFields();
    try {
      await ok(
        api.PATCH('/api/units/{code}', {
          params: { path: { code: unit.code } },
          body: {
            ...(v.code && v.code !== unit.code ? { code: v.code } : {}),
            name: v.name,
            memberCount: v.memberCount,
            ...(v.activeFrom && v.activeFrom !== unit.activeFrom ? { activeFrom: v.activeFrom } : {}),
            ...(v.parentCode && v.parentCode !== unit.parentCode ? { parentCode: v.parentCode } : {}),
          },
        }),
      );
      void message.success(t('已保存', 'Saved'));
      if (v.code && v.code !== unit.code) setSelected(v.code);
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const add = async () => {
    const v = await addForm.validateFields();
    try {
      await ok(api.POST('/api/units', { body: { code: v.code, name: v.name, memberCount: v.memberCount, parentCode: selected, ...(v.activeFrom ? { activeFrom: v.activeFrom } : {}) } }));
      void message.success(t('已添加', 'Added'));
      addForm.resetFields();
      reload();
    } catch (e) {
      fail(e);
    }
  };

  const remove = async () => {
    if (!unit) return;
    try {
      await ok(api.DELETE('/api/units/{code}', { params: { path: { code: unit.code } } }));
      setSelected(null);
      reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('组织架构（单位 · 党员数）', 'Units (name · members)')}
          extra={
            <Button size="small" onClick={() => void download('/api/units/export.xlsx', '组织架构.xlsx').catch(fail)}>
              {t('导出', 'Export')}
            </Button>
          }
        >
          {tree.loading ? (
            <Skeleton active />
          ) : tree.error ? (
            <Alert type="error" showIcon title={tree.error.message} />
          ) : data.length ? (
            <Tree
              treeData={data}
              defaultExpandAll
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                const code = (keys[0] as string | undefined) ?? null;
                setSelected(code);
                const u = units.data?.find((x) => x.code === code);
                if (u) editForm.setFieldsValue({ code: u.code, name: u.name, memberCount: u.memberCount, parentCode: u.parentCode, activeFrom: u.activeFrom });
              }}
              data-testid="unit-tree"
            />
          ) : (
            <Empty description={t('还没有单位，请导入或添加。', 'No units yet: import or add some.')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('从 Excel / CSV 导入', 'Import from Excel / CSV')}>
            <Typography.Paragraph type="secondary">
              {t(
                '列：单位代码、单位名称、上级代码、党员数、启用日期（可选；英文表头 code、name、parentCode、memberCount、activeFrom 也可）。根单位不填上级代码；首次导入时，文件中唯一不填上级的一行会成为根单位。已存在的代码会被更新；任何一行有误时不写入任何数据。',
                'Columns: 单位代码, 单位名称, 上级代码, 党员数, 启用日期 (optional; or code, name, parentCode, memberCount, activeFrom). The root has no parent code; on the first import the one row without a parent becomes the root. Existing codes are updated; nothing is written when any row is bad.',
              )}{' '}
              <Typography.Link onClick={() => void download('/api/units/import/template.xlsx', '单位导入模板.xlsx').catch(fail)}>{t('下载模板', 'Download the template')}</Typography.Link>
            </Typography.Paragraph>
            <Space wrap>
              <Upload
                accept=".xlsx,.csv"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  setOutcome(null);
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  setOutcome(null);
                }}
                fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
              >
                <Button data-testid="import-choose">{t('选择文件', 'Choose file')}</Button>
              </Upload>
              <Button disabled={!file} loading={busy} onClick={() => void runImport(true)}>
                {t('检查', 'Check')}
              </Button>
              <Button type="primary" disabled={!file || (outcome !== null && !outcome.ok)} loading={busy} onClick={() => void runImport(false)} data-testid="import-run">
                {t('导入', 'Import')}
              </Button>
            </Space>
            {outcome && (
              <div style={{ marginTop: 12 }}>
                <ImportReport outcome={outcome} />
              </div>
            )}
          </Card>
          <Card size="small" title={unit ? t(`编辑：${unit.name}（${unit.code}）`, `Edit: ${unit.name} (${unit.code})`) : t('编辑单位', 'Edit unit')}>
            {unit ? (
              <Form form={editForm} layout="vertical">
                <Form.Item
                  name="code"
                  label={t('单位代码（可修改，报告和历史数据随单位保留）', 'Code (may change; reports and history stay with the unit)')}
                  rules={[{ required: true }, { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, message: t('只能包含字母、数字和 - _ .，最长 64 位', 'Letters, digits and - _ . only, up to 64') }]}
                >
                  <Input data-testid="unit-code" />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name="name" label={t('名称', 'Name')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name="memberCount" label={t('党员数', 'Members')} rules={[{ required: true }]}>
                      <InputNumber min={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  name="activeFrom"
                  label={t('启用日期（只在截止日期已启用的期次里要求报送）', 'Active from (expected only in periods due on or after it)')}
                  rules={[{ required: true }, dateRule]}
                >
                  <Input placeholder="2026-01-01" data-testid="unit-active-from" />
                </Form.Item>
                {unit.parentCode !== null && (
                  <Form.Item name="parentCode" label={t('上级单位（修改即移动，下级随之移动）', 'Parent (changing it moves the whole subtree)')}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={(units.data ?? []).filter((u) => u.code !== unit.code && !u.pathCodes.includes(unit.code)).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
                    />
                  </Form.Item>
                )}
                <Space>
                  <Button type="primary" onClick={() => void save()}>
                    {t('保存', 'Save')}
                  </Button>
                  <Popconfirm title={t('删除该单位？它已有的报告和历史数据会保留；此后的期次不再要求它报送。须先移走下级单位和用户。', 'Delete this unit? Its reports and history are kept; later periods no longer expect it. Move its sub-units and users first.')} onConfirm={() => void remove()}>
                    <Button danger>{t('删除', 'Delete')}</Button>
                  </Popconfirm>
                </Space>
              </Form>
            ) : (
              <Typography.Text type="secondary">{t('在左侧选择一个单位。', 'Select a unit on the left.')}</Typography.Text>
            )}
          </Card>
          <LevelNamesCard />
          <Card size="small" title={unit ? t(`添加下级单位到：${unit.name}`, `Add a sub-unit under ${unit.name}`) : t('添加单位', 'Add a unit')}>
            {unit ? (
              <Form form={addForm} layout="inline" style={{ rowGap: 8 }}>
                <Form.Item name="code" rules={[{ required: true, message: t('请输入代码', 'Code required') }]}>
                  <Input placeholder={t('代码，如 school-3', 'Code, e.g. school-3')} />
                </Form.Item>
                <Form.Item name="name" rules={[{ required: true, message: t('请输入名称', 'Name required') }]}>
                  <Input placeholder={t('名称', 'Name')} />
                </Form.Item>
                <Form.Item name="memberCount" initialValue={0}>
                  <InputNumber min={0} placeholder={t('党员数', 'Members')} />
                </Form.Item>
                <Form.Item name="activeFrom" rules={[dateRule]} tooltip={t('留空即今天', 'Empty: today')}>
                  <Input placeholder={t('启用日期（留空即今天）', 'Active from (empty: today)')} />
                </Form.Item>
                <Button onClick={() => void add()}>{t('添加', 'Add')}</Button>
              </Form>
            ) : (
              <Typography.Text type="secondary">{t('先在左侧选择上级单位。', 'Select the parent on the left first.')}</Typography.Text>
            )}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
