// Notifications in the browser, against the real built app, api, worker, MariaDB and Redis: a
// secretary's upload is extracted by the worker, which notifies her; she sees it in the
// notification centre with the unread badge, marks it read and opens it. An administrator adds a
// unit's group chat (a local receiver stands in for the robot), sends a test message and finds it
// delivered in the delivery log.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { Client } from '../support/http';
import { WorkerProcess } from '../support/worker-process';
import { choose, launch, openTab, screenshot, signIn } from './browser';
import { DOCS, OPEN_PERIOD, seedBureau, upload, waitExtracted } from './seed';

interface Item {
  id: number;
  kind: string;
  reportId: number | null;
  readAt: string | null;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('notifications in the browser', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl = '';
  const hits: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    // a local receiver is a private address; quiet hours would hold deliveries made at night
    h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: 'true', QUIET_HOURS: 'off' });
    worker = await WorkerProcess.start(h.env);
    await seedBureau(h.url, ADMIN_PASSWORD);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await h?.close();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  });

  it('a secretary sees the "extracted" notification after an upload, marks it read and opens it', async () => {
    const sec = await new Client(h.url).login('sec-school-1', PASSWORD);
    const id = await upload(sec, 'school-1', OPEN_PERIOD.code, '一中总支报告.docx', readFileSync(join(DOCS, 'report-sample.docx')));
    expect((await waitExtracted(sec, id)).status).toBe('extracted');
    // the worker writes the notification right after the extraction
    await until('the extracted notification', async () => {
      const list = await sec.get<{ items: Item[] }>('/api/notifications');
      return list.body.items.find((n) => n.kind === 'extracted' && n.reportId === id);
    });

    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'sec-school-1', PASSWORD);
    const menuItem = page.getByRole('menuitem', { name: /我的通知/ });
    await menuItem.locator('.ant-badge-count').filter({ hasText: '1' }).waitFor();
    await menuItem.click();
    await page.waitForURL(/\/notifications/);

    const item = page.locator('[data-testid=notification][data-kind=extracted]');
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.textContent()).toContain('核对');
    expect(await page.getByTestId('notifications-unread').textContent()).toContain('1');
    await screenshot(page, 'notifications-unread');

    await item.getByRole('button', { name: '标为已读' }).click();
    await page.locator('[data-testid=notification][data-kind=extracted][data-read=true]').waitFor();
    // the menu's badge goes, and the api agrees
    await menuItem.locator('.ant-badge-count').waitFor({ state: 'detached' });
    const unread = await sec.get<{ unread: number; items: Item[] }>('/api/notifications?unread=true');
    expect(unread.body.unread).toBe(0);

    // the notification opens its report
    await item.getByTestId('notification-open').click();
    await page.waitForURL(new RegExp(`/reports/${id}$`));
    await page.getByTestId('report-text').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an administrator adds a unit’s group chat, sends a test message and finds it delivered in the log', async () => {
    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/admin/notifications');
    await page.getByTestId('channel-add').click();
    const form = page.getByTestId('channel-form');
    await choose(page, form.getByRole('combobox', { name: '单位' }), '二中党支部（school-2）', 'school-2');
    await form.getByTestId('channel-name').fill('二中党支部工作群');
    await choose(page, form.getByRole('combobox', { name: '类型' }), '通用 Webhook');
    await form.getByTestId('webhook-url').fill(`${receiverUrl}/group/school-2`);
    await form.getByTestId('webhook-secret').fill('group-secret-0123456789');
    await page.getByRole('button', { name: /保\s*存/ }).click();

    const row = page.getByTestId('channels').locator('tr').filter({ hasText: '二中党支部工作群' });
    await row.waitFor();
    // the secret is never shown, only its hint
    expect(await row.textContent()).toContain('grou…6789');
    expect(await page.content()).not.toContain('group-secret-0123456789');

    await row.getByRole('button', { name: '发送测试' }).click();
    await until('the test message at the receiver', async () => (hits.some((u) => u.startsWith('/group/school-2')) ? true : undefined));

    await page.getByRole('tab', { name: '发送记录' }).click();
    const delivered = page.getByTestId('deliveries').locator('[data-testid=delivery][data-status=delivered]');
    await until('the delivered test in the log', async () => {
      await page.getByRole('button', { name: /刷\s*新/ }).click();
      return (await delivered.count()) > 0 ? true : undefined;
    });
    await screenshot(page, 'admin-delivery-log');

    await page.getByRole('tab', { name: '提醒规则' }).click();
    expect(await page.getByTestId('rules-summary').textContent()).toContain('截止前 7 天');
    expect(errors).toEqual([]);
    await context.close();
  });
});
