import '../../../test-setup';
import { App as AntApp } from 'antd';
import { render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../api/client';
import type { NotificationPreferences } from '../../../api/types';
import { PreferencesCard } from './PreferencesCard';
import { userEvent } from '../../../test-user';

jest.setTimeout(60_000);

const reply = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });
const SECRET = 'SECabcd0123456789wxyz';
let prefs: NotificationPreferences;
let put: jest.SpyInstance;

beforeEach(() => {
  prefs = {
    inApp: true,
    email: { enabled: true, address: 'sec@example.gov.cn', active: true },
    webhook: { id: 3, type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=ab…yz', secretSet: true, secretHint: 'SECa…wxyz', enabled: true },
    quietHours: '22:00-07:00',
  };
  jest.spyOn(api, 'GET').mockImplementation(((path: string) => (path === '/api/notifications/preferences' ? Promise.resolve(reply(prefs)) : Promise.reject(new Error(path)))) as never);
  put = jest.spyOn(api, 'PUT').mockImplementation((() => Promise.resolve(reply(prefs))) as never);
});
afterEach(() => jest.restoreAllMocks());

const body = (call = -1) => (put.mock.calls.at(call) as [string, { body: unknown }])[1].body;

it('shows the secret’s hint only, and saving without touching it keeps URL and secret', async () => {
  render(<AntApp><PreferencesCard /></AntApp>);
  const summary = await screen.findByTestId('webhook-summary');
  expect(summary).toHaveTextContent('钉钉');
  expect(summary).toHaveTextContent('已设置（SECa…wxyz）');
  expect(screen.getByText('免打扰时段：22:00-07:00（期间的邮件和机器人消息顺延到时段结束后发送）')).toBeInTheDocument();

  await userEvent.click(screen.getByRole('button', { name: '修 改' }));
  expect(screen.getByTestId('webhook-secret')).toHaveValue('');
  await userEvent.click(screen.getByRole('button', { name: '保 存' }));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
  expect(body()).toEqual({ webhook: { type: 'dingtalk', enabled: true } });
});

it('sends a new secret only when one is typed, and "" to remove it', async () => {
  render(<AntApp><PreferencesCard /></AntApp>);
  await userEvent.click(await screen.findByRole('button', { name: '修 改' }));
  await userEvent.type(screen.getByTestId('webhook-secret'), SECRET);
  await userEvent.click(screen.getByRole('button', { name: '保 存' }));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
  expect(body()).toEqual({ webhook: { type: 'dingtalk', secret: SECRET, enabled: true } });

  await userEvent.click(await screen.findByRole('button', { name: '修 改' }));
  await userEvent.click(screen.getByTestId('webhook-clear-secret'));
  await userEvent.click(screen.getByRole('button', { name: '保 存' }));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(2));
  expect(body()).toEqual({ webhook: { type: 'dingtalk', secret: '', enabled: true } });
});

it('refuses a DingTalk secret that is not one, and a first robot without an address', async () => {
  prefs.webhook = null;
  render(<AntApp><PreferencesCard /></AntApp>);
  await userEvent.click(await screen.findByRole('button', { name: '添 加' }));
  await userEvent.click(screen.getByRole('button', { name: '保 存' }));
  expect(await screen.findByText('请填写机器人或 Webhook 地址')).toBeInTheDocument();

  // pick DingTalk, paste an address and a secret that is not a DingTalk one
  await userEvent.click(screen.getByRole('combobox'));
  await userEvent.click(await screen.findByText('钉钉群机器人'));
  await userEvent.type(screen.getByTestId('webhook-url'), 'https://oapi.dingtalk.com/robot/send?access_token=t0123');
  await userEvent.type(screen.getByTestId('webhook-secret'), 'not-a-ding-secret');
  await userEvent.click(screen.getByRole('button', { name: '保 存' }));
  expect(await screen.findByText('钉钉“加签”密钥以 SEC 开头')).toBeInTheDocument();
  expect(put).not.toHaveBeenCalled();

  await userEvent.clear(screen.getByTestId('webhook-secret'));
  await userEvent.type(screen.getByTestId('webhook-secret'), SECRET);
  await userEvent.click(screen.getByRole('button', { name: '保 存' }));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
  expect(body()).toEqual({ webhook: { type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t0123', secret: SECRET, enabled: true } });
});

it('switches e-mail off, and removes the robot', async () => {
  render(<AntApp><PreferencesCard /></AntApp>);
  await userEvent.click(await screen.findByRole('switch', { name: '接收邮件提醒' }));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
  expect(body()).toEqual({ email: false });
  await userEvent.click(screen.getByRole('button', { name: '移 除' }));
  await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(2));
  expect(body()).toEqual({ webhook: null });
});
