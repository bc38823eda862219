import '../../test-setup';
import { App as AntApp } from 'antd';
import { render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { api } from '../../api/client';
import type { Notification } from '../../api/types';
import { appLink, markAllRead, markOneRead } from './feed';
import NotificationsPage, { PAGE_SIZE } from './NotificationsPage';
import { userEvent } from '../../test-user';

jest.setTimeout(30_000);

const n = (id: number, extra: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'extracted',
  stage: `extracted:r${id}`,
  title: `报告 ${id} 已抽取`,
  body: '请核对数字。',
  link: `/reports/${id}`,
  unitCode: 'school-1',
  unitName: '一中党总支',
  periodCode: '2026-H1',
  periodName: '2026年上半年',
  reportId: id,
  createdAt: '2026-07-01T08:00:00Z',
  readAt: null,
  deliveries: [],
  ...extra,
});
const reply = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });

function renderPage() {
  return render(
    <AntApp>
      <MemoryRouter initialEntries={['/notifications']}>
        <Routes>
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/reports/:id" element={<p>report page</p>} />
        </Routes>
      </MemoryRouter>
    </AntApp>,
  );
}

let get: jest.SpyInstance;
let post: jest.SpyInstance;
beforeEach(() => {
  // page 1: 40, 39 (read); page 2: 38 with a failed e-mail; then the end
  get = jest.spyOn(api, 'GET').mockImplementation(((path: string, init: { params: { query: { before?: number; unread?: string } } }) => {
    if (path !== '/api/notifications') return Promise.reject(new Error(path));
    const q = init.params.query;
    if (q.before === undefined) return Promise.resolve(reply({ items: [n(40), n(39, { readAt: '2026-07-01T09:00:00Z' })], unread: 7, nextBefore: 39 }));
    if (q.before === 39)
      return Promise.resolve(
        reply({
          items: [
            n(38, {
              kind: 'overdue',
              title: '已逾期 1 天',
              link: '/my-unit?period=2026-H1',
              deliveries: [
                { id: 5, channel: 'email', status: 'failed', attempts: 1, lastError: '550 mailbox unavailable', notBefore: null, deliveredAt: null },
                { id: 6, channel: 'wecom', status: 'delivered', attempts: 2, lastError: null, notBefore: null, deliveredAt: '2026-07-01T08:01:00Z' },
              ],
            }),
          ],
          unread: 7,
          nextBefore: null,
        }),
      );
    return Promise.reject(new Error(`before=${q.before}`));
  }) as never);
  post = jest.spyOn(api, 'POST').mockResolvedValue(reply({ updated: 1 }) as never);
});
afterEach(() => jest.restoreAllMocks());

it('shows the api’s unread count, pages on with nextBefore, and shows a failed delivery with its error', async () => {
  renderPage();
  await screen.findByText('报告 40 已抽取');
  expect(screen.getByTestId('notifications-unread')).toHaveTextContent('7');
  expect(get).toHaveBeenLastCalledWith('/api/notifications', { params: { query: { limit: PAGE_SIZE, before: undefined, unread: undefined } } });
  // The period as people read it, not its code (issue 15 item 8).
  expect(screen.getAllByTestId('notification')[0]).toHaveTextContent('一中党总支 · 2026年上半年');
  expect(screen.getAllByTestId('notification')[0]).not.toHaveTextContent('2026-H1');

  await userEvent.click(screen.getByTestId('load-more'));
  await screen.findByText('已逾期 1 天');
  expect(get).toHaveBeenLastCalledWith('/api/notifications', { params: { query: { limit: PAGE_SIZE, before: 39, unread: undefined } } });
  expect(screen.getAllByTestId('notification').map((e) => e.getAttribute('data-kind'))).toEqual(['extracted', 'extracted', 'overdue']);
  // nextBefore null: the end
  expect(screen.queryByTestId('load-more')).toBeNull();

  const failed = screen.getAllByTestId('delivery').find((e) => e.getAttribute('data-status') === 'failed')!;
  expect(failed).toHaveTextContent('邮件 · 发送失败');
  expect(failed).toHaveTextContent('550 mailbox unavailable');
  expect(screen.getAllByTestId('delivery').find((e) => e.getAttribute('data-status') === 'delivered')).toHaveTextContent('企业微信 · 已送达');
});

it('marks one read (badge down by one), then all read, without reloading the pages', async () => {
  renderPage();
  await screen.findByText('报告 40 已抽取');
  const first = screen.getAllByTestId('notification')[0];
  await userEvent.click(within(first).getByRole('button', { name: '标为已读' }));
  expect(post).toHaveBeenCalledWith('/api/notifications/{id}/read', { params: { path: { id: '40' } } });
  await waitFor(() => expect(screen.getByTestId('notifications-unread')).toHaveTextContent('6'));
  expect(screen.getAllByTestId('notification')[0]).toHaveAttribute('data-read', 'true');

  await userEvent.click(screen.getByRole('button', { name: '全部标为已读' }));
  expect(post).toHaveBeenCalledWith('/api/notifications/read-all');
  await waitFor(() => expect(screen.queryByTestId('notifications-unread')).not.toHaveTextContent(/\d/));
  expect(get).toHaveBeenCalledTimes(1);
});

it('opening a notification marks it read and goes to its page', async () => {
  renderPage();
  await userEvent.click(await screen.findByText('报告 40 已抽取'));
  await screen.findByText('report page');
  expect(post).toHaveBeenCalledWith('/api/notifications/{id}/read', { params: { path: { id: '40' } } });
});

it('the unread filter asks for unread ones only, from the newest again', async () => {
  renderPage();
  await screen.findByText('报告 40 已抽取');
  await userEvent.click(screen.getByText('未读'));
  await waitFor(() => expect(get).toHaveBeenLastCalledWith('/api/notifications', { params: { query: { limit: PAGE_SIZE, before: undefined, unread: 'true' } } }));
});

describe('feed helpers', () => {
  const feed = { items: [n(2), n(1, { readAt: 'x' })], last: { items: [], unread: 3, nextBefore: null } };
  it('marking read counts down once, and not for one already read', () => {
    const a = markOneRead(feed, 2, 'now');
    expect(a.last.unread).toBe(2);
    expect(a.items[0].readAt).toBe('now');
    expect(markOneRead(a, 2, 'later')).toBe(a);
    expect(markOneRead(feed, 1, 'now')).toBe(feed);
  });
  it('mark all read', () => {
    const a = markAllRead(feed, 'now');
    expect(a.last.unread).toBe(0);
    expect(a.items.map((x) => x.readAt)).toEqual(['now', 'x']);
  });
  it('follows only links inside the app', () => {
    expect(appLink('/reports/12')).toBe('/reports/12');
    expect(appLink('/my-unit?period=2026-H1')).toBe('/my-unit?period=2026-H1');
    expect(appLink('https://evil.example')).toBeNull();
    expect(appLink('//evil.example/x')).toBeNull();
    expect(appLink('/\\evil.example')).toBeNull();
    expect(appLink(null)).toBeNull();
  });
});
