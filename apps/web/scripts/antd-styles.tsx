// Build step: antd's CSS-in-JS styles of the components this app uses, rendered once on the
// server and written to src/generated/antd.css (imported first by main.tsx). The file ends with
// the cssinjs cache map (`.data-ant-cssinjs-cache-path{content:…}`): in the browser antd finds each
// component's style there and skips generating, serialising and injecting it at run time — which
// was about a third of the dashboard's start-up work. A component missing here still gets its style
// generated at run time as before, so the catalogue below is a speed list, not a correctness one.
// The hash in the class names differs between development and production builds; the file matches
// the build it is made for (NODE_ENV, default production), and a mismatch only loses the speed-up.
//
//   NODE_ENV=production tsx scripts/antd-styles.tsx   (npm run build runs it first; dev: NODE_ENV=development)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import {
  Alert,
  App,
  Badge,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  ConfigProvider,
  Dropdown,
  Empty,
  Form,
  Input,
  Layout,
  Menu,
  Modal,
  Pagination,
  Popconfirm,
  Popover,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { renderToString } from 'react-dom/server';
import { THEME } from '../src/theme';

// antd reads NODE_ENV when its modules load (imports come first), so it is set by the caller.
if (process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'development') throw new Error('set NODE_ENV=production (or development) for scripts/antd-styles.tsx');
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated', 'antd.css');

const rows = [
  { key: 'a', name: '第一支部', temperature: 41.6 },
  { key: 'b', name: '第二支部', temperature: 62 },
];

/**
 * The components of the first screens (sign-in, the shell, the dashboard, the notification centre
 * and the secretary's page), in the states they use: the styles come from rendering. Heavier ones
 * used only on a few admin screens (date picker, upload, steps, tree, descriptions, progress…) are
 * left to run time, keeping this render-blocking stylesheet small.
 */
function Catalogue() {
  return (
    <App>
      <Layout>
        <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light">
          <Menu mode="inline" selectedKeys={['a']} items={[{ key: 'a', label: 'a' }, { key: 'b', label: <Badge count={3} size="small" /> }]} />
        </Layout.Sider>
        <Layout>
          <Layout.Header>
            <Space wrap size="small">
              <Tag color="red">tag</Tag>
              <Select value="a" options={[{ value: 'a', label: 'a' }]} loading style={{ minWidth: 150 }} />
              <Select mode="tags" value={['1']} />
              <Select showSearch allowClear size="small" />
              <Tooltip title="t" open>
                <Button size="small">b</Button>
              </Tooltip>
              <Dropdown menu={{ items: [{ key: 'a', label: 'a', danger: true }] }} open>
                <Button type="text">u</Button>
              </Dropdown>
            </Space>
          </Layout.Header>
          <Layout.Content>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6} xl={14}>
                <Card size="small" title="t" extra={<Button size="small">x</Button>} loading={false}>
                  <Statistic title="s" value="1 / 2" />
                </Card>
                <Card size="small" loading />
              </Col>
            </Row>
            <Alert type="error" showIcon title="e" action={<Typography.Link>r</Typography.Link>} />
            <Alert type="info" showIcon title="i" description="d" />
            <Alert type="warning" showIcon title="w" />
            <Alert type="success" title="s" />
            <Skeleton active paragraph={{ rows: 2 }} />
            <Skeleton.Node active style={{ width: 10, height: 10 }} />
            <Skeleton.Button active />
            <Skeleton.Input active />
            <Empty />
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            <Spin />
            <Table
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={{ pageSize: 1, size: 'small' }}
              scroll={{ x: true }}
              columns={[
                { title: 'n', dataIndex: 'name', filters: [{ text: 'a', value: 'a' }], onFilter: () => true },
                { title: 't', dataIndex: 'temperature', sorter: (a, b) => a.temperature - b.temperature },
              ]}
            />
            <Table size="small" dataSource={[]} columns={[{ title: 'x' }]} loading pagination={false} />
            <Pagination total={50} size="small" />
            <Tabs activeKey="a" items={[{ key: 'a', label: 'a', children: 'a' }, { key: 'b', label: 'b' }]} />
            <Typography.Title level={5}>t</Typography.Title>
            <Typography.Paragraph type="secondary">p</Typography.Paragraph>
            <Typography.Text type="danger" code strong>
              t
            </Typography.Text>
            <Space.Compact block>
              <Input />
            </Space.Compact>
            <Form layout="vertical">
              <Form.Item label="l" name="a" rules={[{ required: true }]} extra="e" validateStatus="error" help="h">
                <Input placeholder="p" />
              </Form.Item>
              <Form.Item label="w" validateStatus="warning" help="w">
                <Input.Password />
              </Form.Item>
              <Form.Item valuePropName="checked">
                <Checkbox>c</Checkbox>
              </Form.Item>
              <Input.TextArea />
              <Checkbox.Group options={['a', 'b']} />
              <Radio.Group value="a" optionType="button" size="small" options={['a', 'b']} />
              <Radio value="a">a</Radio>
            </Form>
            <Breadcrumb items={[{ title: 'a' }, { title: 'b' }]} />
            <Badge status="processing" />
            <Badge count={5} overflowCount={99} />
            <Result status="info" title="r" subTitle="s" />
            <Popover content="c" open>
              <span>p</span>
            </Popover>
            <Popconfirm title="c" open>
              <Button danger>d</Button>
            </Popconfirm>
            <Modal open title="m">
              m
            </Modal>
          </Layout.Content>
        </Layout>
      </Layout>
    </App>
  );
}

const cache = createCache();
renderToString(
  <StyleProvider cache={cache}>
    <ConfigProvider locale={zhCN} theme={THEME}>
      <Catalogue />
    </ConfigProvider>
  </StyleProvider>,
);
// Component styles only: the theme's CSS variables stay runtime-registered (they are small and
// change with the theme), so the file never disagrees with the tokens in force.
const css = extractStyle(cache, { plain: true, types: ['style'] });
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `/* generated by scripts/antd-styles.tsx (NODE_ENV=${process.env.NODE_ENV}) — do not edit */\n${css}\n`);
const paths = (/data-ant-cssinjs-cache-path\{content:"([^"]*)"/.exec(css)?.[1] ?? '').split(';').filter(Boolean);
console.log(`antd styles: ${paths.length} component styles, ${(css.length / 1024).toFixed(0)} KB → ${OUT}`);
