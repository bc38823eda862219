import '../../../../test-setup';
import { App as AntApp } from 'antd';
import { render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../../api/client';
import type { Channel } from '../../../../api/types';
import { ChannelForm } from './ChannelForm';
import { userEvent } from '../../../../test-user';

jest.setTimeout(60_000);

const reply = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });
const UNITS = [
  { code: 'school-1', name: '一中党总支' },
  { code: 'school-2', name: '二中党支部' },
];
const CHANNEL: Channel = {
  id: 7,
  unitCode: 'school-1',
  unitName: '一中党总支',
  name: '一中钉钉群',
  type: 'dingtalk',
  url: 'https://oapi.dingtalk.com/robot/send?access_token=di…89',
  secretSet: true,
  secretHint: 'SECd…6789',
  events: ['reminder', 'flag'],
  enabled: true,
  lastDelivery: null,
  failedCount: 0,
  updatedAt: '2026-07-01T00:00:00Z',
};

let post: jest.SpyInstance;
let patch: jest.SpyInstance;
const saved = jest.fn();
beforeEach(() => {
  post = jest.spyOn(api, 'POST').mockResolvedValue(reply({ ...CHANNEL, id: 8 }) as never);
  patch = jest.spyOn(api, 'PATCH').mockResolvedValue(reply(CHANNEL) as never);
  saved.mockReset();
});
afterEach(() => jest.restoreAllMocks());

const ok = () => screen.getByRole('button', { name: '保 存' });

it('a new group chat needs a unit, a name, a robot address that fits its kind, and one kind of message', async () => {
  render(<AntApp><ChannelForm editing="new" units={UNITS} onClose={jest.fn()} onSaved={saved} /></AntApp>);
  await screen.findByTestId('channel-form');
  await userEvent.click(ok());
  expect(await screen.findByText('请选择单位')).toBeInTheDocument();
  expect(screen.getByText('请填写群名称，如“一中党总支工作群”')).toBeInTheDocument();
  expect(screen.getByText('请填写机器人或 Webhook 地址')).toBeInTheDocument();

  await userEvent.click(screen.getByRole('combobox', { name: '单位' }));
  await userEvent.click(await screen.findByText('二中党支部（school-2）'));
  await userEvent.type(screen.getByTestId('channel-name'), '二中党支部工作群');
  // WeCom is the default kind: an address without its key is refused
  await userEvent.type(screen.getByTestId('webhook-url'), 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send');
  await userEvent.click(screen.getByRole('checkbox', { name: '截止提醒' }));
  await userEvent.click(screen.getByRole('checkbox', { name: '逾期上报领导' }));
  await userEvent.click(ok());
  expect(await screen.findByText('企业微信机器人地址应含 key=…（在群机器人“Webhook 地址”中复制）')).toBeInTheDocument();
  expect(await screen.findByText('至少选择一类消息')).toBeInTheDocument();
  expect(post).not.toHaveBeenCalled();

  await userEvent.type(screen.getByTestId('webhook-url'), '?key=693a91f6-7xxx');
  await userEvent.click(screen.getByRole('checkbox', { name: '偏冷/降温预警' }));
  await userEvent.click(ok());
  await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
  expect(post).toHaveBeenCalledWith('/api/notification-channels', {
    body: { unitCode: 'school-2', name: '二中党支部工作群', type: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx', events: ['flag'], enabled: true },
  });
  await waitFor(() => expect(saved).toHaveBeenCalled());
});

it('an unusual host only warns: the chat is still saved', async () => {
  render(<AntApp><ChannelForm editing="new" units={UNITS} onClose={jest.fn()} onSaved={saved} /></AntApp>);
  await screen.findByTestId('channel-form');
  await userEvent.click(screen.getByRole('combobox', { name: '单位' }));
  await userEvent.click(await screen.findByText('一中党总支（school-1）'));
  await userEvent.type(screen.getByTestId('channel-name'), '一中群');
  await userEvent.type(screen.getByTestId('webhook-url'), 'https://wecom-proxy.example.gov.cn/send?key=k1');
  await userEvent.click(ok());
  expect(await screen.findByText('这不是常见的机器人地址（通常为 qyapi.weixin.qq.com），请确认')).toBeInTheDocument();
  await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
});

it('editing keeps the stored address and secret unless changed, and sends only what changed', async () => {
  render(<AntApp><ChannelForm editing={CHANNEL} units={UNITS} onClose={jest.fn()} onSaved={saved} /></AntApp>);
  await screen.findByTestId('channel-form');
  expect(screen.getByText('已设置（SECd…6789），留空不变')).toBeInTheDocument();
  expect(screen.getByTestId('webhook-secret')).toHaveValue('');
  await userEvent.clear(screen.getByTestId('channel-name'));
  await userEvent.type(screen.getByTestId('channel-name'), '一中党总支钉钉群');
  await userEvent.click(ok());
  await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
  expect(patch).toHaveBeenLastCalledWith('/api/notification-channels/{id}', { params: { path: { id: 7 } }, body: { name: '一中党总支钉钉群' } });
});

it('editing: a new DingTalk secret must be one; removing it sends ""', async () => {
  const { unmount } = render(<AntApp><ChannelForm editing={CHANNEL} units={UNITS} onClose={jest.fn()} onSaved={saved} /></AntApp>);
  await screen.findByTestId('channel-form');
  await userEvent.type(screen.getByTestId('webhook-secret'), 'plain-secret');
  await userEvent.click(ok());
  expect(await screen.findByText('钉钉“加签”密钥以 SEC 开头')).toBeInTheDocument();
  expect(patch).not.toHaveBeenCalled();
  await userEvent.clear(screen.getByTestId('webhook-secret'));
  await userEvent.click(screen.getByTestId('webhook-clear-secret'));
  expect(screen.getByTestId('webhook-secret')).toBeDisabled();
  await userEvent.click(ok());
  await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
  expect(patch).toHaveBeenLastCalledWith('/api/notification-channels/{id}', { params: { path: { id: 7 } }, body: { secret: '' } });
  unmount();
});
