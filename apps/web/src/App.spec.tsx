import './test-setup';
import { act, render, screen, waitFor } from '@testing-library/react';
import { api } from './api/client';
import { App } from './App';
import { sessionStore } from './session/session';
import { userEvent } from './test-user';

jest.setTimeout(30_000);

// The shell is under test here, not the screens (they have their own specs): a stub stands in
// for the secretary's page the sign-in lands on.
jest.mock('./pages/secretary/MyUnitPage', () => ({ __esModule: true, default: () => <p>my unit page</p> }));

const USER = { id: 3, username: 'sec-school-1', displayName: '一中书记', role: 'secretary' as const, unitCode: 'school-1', unitName: '一中党总支', unitLevel: 2, mustChangePassword: false };
const UNIT = { code: 'school-1', name: '一中党总支', parentCode: 'edu', level: 2, depth: 0, memberCount: 85, pathCodes: ['bureau', 'edu', 'school-1'] };

const okReply = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });
const errReply = (status: number, message: string) => ({ error: { statusCode: status, error: 'x', message }, response: { ok: false, status } as Response });

beforeEach(() => {
  sessionStore.end('signed_out');
  sessionStore.takeEndReason();
  window.history.pushState({}, '', '/');
  jest.spyOn(api, 'GET').mockImplementation(((path: string) => {
    switch (path) {
      case '/api/periods':
        return Promise.resolve(okReply([]));
      case '/api/units/{code}':
        return Promise.resolve(okReply(UNIT));
      case '/api/units':
        return Promise.resolve(okReply([UNIT]));
      default:
        return Promise.resolve(errReply(404, 'Cannot GET'));
    }
  }) as never);
});

afterEach(() => jest.restoreAllMocks());

it('signs in in Chinese and shows the user’s unit and scope in the shell', async () => {
  const post = jest.spyOn(api, 'POST').mockResolvedValue(okReply({ accessToken: 't', expiresIn: 3600, user: USER }) as never);
  render(<App />);
  expect(await screen.findByRole('button', { name: /登\s*录/ })).toBeInTheDocument();
  await userEvent.type(screen.getByLabelText('用户名'), 'sec-school-1');
  await userEvent.type(screen.getByLabelText('密码'), 'Branch-Pass-2026');
  await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
  expect(post).toHaveBeenCalledWith('/api/auth/login', { body: { username: 'sec-school-1', password: 'Branch-Pass-2026' } });
  const scope = await screen.findByTestId('user-scope');
  expect(scope).toHaveTextContent('支部书记');
  expect(scope).toHaveTextContent('一中党总支');
  expect(scope).toHaveTextContent('范围：本单位');
  expect(window.location.pathname).toBe('/my-unit');
  expect(screen.getByRole('menuitem', { name: '本单位报告' })).toBeInTheDocument();
  expect(screen.queryByRole('menuitem', { name: '用户' })).toBeNull();
});

it('a user whose password an admin set must replace it before any screen opens', async () => {
  const post = jest.spyOn(api, 'POST').mockResolvedValue(okReply({ accessToken: 't', expiresIn: 3600, user: { ...USER, mustChangePassword: true } }) as never);
  const put = jest
    .spyOn(api, 'PUT')
    .mockResolvedValueOnce(errReply(400, '密码太常见或太容易猜到，请换一个') as never)
    .mockResolvedValueOnce(okReply({ accessToken: 't2', expiresIn: 3600, user: USER }) as never);
  render(<App />);
  await userEvent.type(await screen.findByLabelText('用户名'), 'sec-school-1');
  await userEvent.type(screen.getByLabelText('密码'), 'Branch-Pass-2026');
  await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
  expect(post).toHaveBeenCalled();
  expect(await screen.findByTestId('first-password-why')).toHaveTextContent('您的密码由管理员设置');
  expect(window.location.pathname).toBe('/change-password');
  // Going anywhere else comes back here.
  act(() => window.history.pushState({}, '', '/my-unit'));
  await userEvent.type(screen.getByLabelText('管理员给您的密码'), 'Branch-Pass-2026');
  await userEvent.type(screen.getByLabelText('新密码'), 'Password123');
  await userEvent.type(screen.getByLabelText('再次输入新密码'), 'Password123');
  await userEvent.click(screen.getByRole('button', { name: /保存并继续/ }));
  expect(await screen.findByRole('alert')).toHaveTextContent('密码太常见');
  expect(sessionStore.get()?.user.mustChangePassword).toBe(true);
  await userEvent.clear(screen.getByLabelText('新密码'));
  await userEvent.clear(screen.getByLabelText('再次输入新密码'));
  await userEvent.type(screen.getByLabelText('新密码'), 'Own-Choice-2027!');
  await userEvent.type(screen.getByLabelText('再次输入新密码'), 'Own-Choice-2027!');
  await userEvent.click(screen.getByRole('button', { name: /保存并继续/ }));
  expect(await screen.findByText('my unit page')).toBeInTheDocument();
  expect(put).toHaveBeenLastCalledWith('/api/auth/password', { body: { currentPassword: 'Branch-Pass-2026', newPassword: 'Own-Choice-2027!' } });
  expect(sessionStore.get()).toMatchObject({ token: 't2', user: { mustChangePassword: false } });
});

it('shows the api’s message when sign-in fails', async () => {
  jest.spyOn(api, 'POST').mockResolvedValue(errReply(401, '用户名或密码错误') as never);
  render(<App />);
  await userEvent.type(await screen.findByLabelText('用户名'), 'x');
  await userEvent.type(screen.getByLabelText('密码'), 'y');
  await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
  expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
});

it('an expired session sends the user back to the login page with the reason', async () => {
  jest.spyOn(api, 'POST').mockResolvedValue(okReply({ accessToken: 't', expiresIn: 3600, user: USER }) as never);
  render(<App />);
  await userEvent.type(await screen.findByLabelText('用户名'), 'sec-school-1');
  await userEvent.type(screen.getByLabelText('密码'), 'p');
  await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
  await screen.findByTestId('user-scope');
  act(() => sessionStore.end('expired'));
  await waitFor(() => expect(window.location.pathname).toBe('/login'));
  expect(await screen.findByTestId('login-notice')).toHaveTextContent('登录已过期或失效，请重新登录');
});

it('switches to English', async () => {
  render(<App />);
  await userEvent.click(await screen.findByRole('button', { name: 'English' }));
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  expect(screen.getByLabelText('Username')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: '中文' }));
});
