import '../../test-setup';
import { App as AntApp } from 'antd';
import { render, screen, waitFor } from '@testing-library/react';
import { api } from '../../api/client';
import type { MailSettings } from '../../api/types';
import { userEvent } from '../../test-user';
import { MailSettingsCard } from './MailSettingsCard';

jest.setTimeout(60_000);

const reply = (data: unknown, status = 200) => ({ data: status < 400 ? data : undefined, error: status >= 400 ? data : undefined, response: { ok: status < 400, status } as Response });
const server = { host: 'smtp.example.gov.cn', port: 465, secure: true, username: 'noreply@example.gov.cn', passwordSet: true, from: '某局意识形态工作 <noreply@example.gov.cn>' };
let settings: MailSettings;
let put: jest.SpyInstance;
let post: jest.SpyInstance;
let testAnswer: unknown;

beforeEach(() => {
  settings = { source: 'stored', editable: true, effective: server, stored: { ...server, updatedAt: '2026-07-01T00:00:00Z' }, problem: null };
  testAnswer = { ok: true, reason: null };
  jest.spyOn(api, 'GET').mockImplementation(((path: string) => (path === '/api/admin/mail' ? Promise.resolve(reply(settings)) : Promise.reject(new Error(path)))) as never);
  put = jest.spyOn(api, 'PUT').mockImplementation((() => Promise.resolve(reply(settings))) as never);
  post = jest.spyOn(api, 'POST').mockImplementation((() => Promise.resolve(reply(testAnswer))) as never);
});
afterEach(() => jest.restoreAllMocks());

const body = (spy: jest.SpyInstance) => (spy.mock.calls.at(-1) as [string, { body: unknown }])[1].body;

it('shows the stored server, never a password, and keeps it when saved with the password left empty', async () => {
  render(<AntApp><MailSettingsCard /></AntApp>);
  await waitFor(() => expect(screen.getByTestId('mail-host')).toHaveValue('smtp.example.gov.cn'));
  expect(screen.getByTestId('mail-password')).toHaveValue('');
  expect(screen.getByText('已设置；留空则不修改')).toBeInTheDocument();
  await userEvent.click(screen.getByTestId('mail-save'));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
  expect(body(put)).toEqual({ host: 'smtp.example.gov.cn', port: 465, secure: true, username: 'noreply@example.gov.cn', from: '某局意识形态工作 <noreply@example.gov.cn>' });

  await userEvent.type(screen.getByTestId('mail-password'), 'New-Secret-1');
  await userEvent.click(screen.getByTestId('mail-save'));
  await waitFor(() => expect(put).toHaveBeenCalledTimes(2));
  expect(body(put)).toMatchObject({ password: 'New-Secret-1' });
});

it('sends a test mail and shows the server’s reason when it fails', async () => {
  render(<AntApp><MailSettingsCard defaultTo="it@example.gov.cn" /></AntApp>);
  await userEvent.click(await screen.findByTestId('mail-test'));
  await waitFor(() => expect(post).toHaveBeenCalledWith('/api/admin/mail/test', { body: { to: 'it@example.gov.cn' } }));
  expect(await screen.findByTestId('mail-test-result')).toHaveTextContent('测试邮件已发出，请到 it@example.gov.cn 查收');

  testAnswer = { ok: false, reason: '用户名或密码被邮件服务器拒绝（认证失败）：请检查用户名、密码' };
  await userEvent.click(screen.getByTestId('mail-test'));
  await waitFor(() => expect(screen.getByTestId('mail-test-result')).toHaveTextContent('测试邮件发送失败'));
  expect(screen.getByTestId('mail-test-result')).toHaveTextContent('用户名或密码被邮件服务器拒绝');
});

it('is read-only when SMTP_URL in the environment wins', async () => {
  settings = { source: 'env', editable: false, effective: { ...server, host: 'mail.env.gov.cn' }, stored: null, problem: null };
  render(<AntApp><MailSettingsCard /></AntApp>);
  expect(await screen.findByTestId('mail-env')).toHaveTextContent('SMTP_URL');
  await waitFor(() => expect(screen.getByTestId('mail-host')).toHaveValue('mail.env.gov.cn'));
  expect(screen.getByTestId('mail-host')).toBeDisabled();
  expect(screen.queryByTestId('mail-save')).toBeNull();
});

it('cannot test before anything is saved', async () => {
  settings = { source: 'none', editable: true, effective: null, stored: null, problem: null };
  render(<AntApp><MailSettingsCard /></AntApp>);
  expect(await screen.findByText('保存设置后即可发送测试邮件。')).toBeInTheDocument();
  expect(screen.getByTestId('mail-test')).toBeDisabled();
  await userEvent.click(screen.getByTestId('mail-save'));
  expect(await screen.findByText('请填写邮件服务器地址，例如 smtp.example.gov.cn')).toBeInTheDocument();
  expect(put).not.toHaveBeenCalled();
});
