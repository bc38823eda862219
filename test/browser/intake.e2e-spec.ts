// A clerk drops a zip of reports named 附件1.docx, 新建文档.docx … and one loose file on the 批量收文
// page, checks the proposed units, corrects one, confirms, and watches every report reach 已抽取 —
// in headless Chromium against the real built app, api, MariaDB, Redis and worker.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { Client } from '../support/http';
import { createIntakeBureau, intakeText, intakeZip } from '../support/intake';
import { WorkerProcess } from '../support/worker-process';
import { choose, launch, openTab, pickPeriod, screenshot, signIn } from './browser';

describe('bulk intake in the browser', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness({ WORKER_LOCK_MS: '4000' });
    worker = await WorkerProcess.start(h.env);
    const admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createIntakeBureau(admin);
    expect((await admin.post('/api/periods', { code: '2026-H1', name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2099-07-10' })).status).toBe(201);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await h?.close();
  });

  it('drops a zip and a file, checks and corrects the units, confirms, and follows each report to extracted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-intake-'));
    const zipPath = join(dir, '各支部上报材料.zip');
    writeFileSync(zipPath, intakeZip().zip);
    const loose = join(dir, '微信文件.txt');
    writeFileSync(loose, `${intakeText('09.txt')}\n（微信转来）`);

    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('menuitem', { name: '批量收文' }).click();
    await pickPeriod(page, '2026年上半年');
    await page.locator('input[type=file][accept=".docx,.doc,.pdf,.txt,.zip"]').setInputFiles([zipPath, loose]);
    await page.getByTestId('intake-files').filter({ hasText: '已选 2 个文件' }).waitFor();
    await page.getByRole('button', { name: /识别单位/ }).click();

    const table = page.getByTestId('intake-table');
    await table.locator('tbody tr', { hasText: '新建文档.docx' }).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(15);
    // By the file cell exactly: other rows' notes name this file too.
    const row = (name: string) => table.locator('tbody tr.ant-table-row').filter({ has: page.getByText(name, { exact: true }) });
    // The abbreviated signature found its unit; the 繁體 report too; the copy and the stranger say so.
    expect(await row('新建文档.docx').textContent()).toContain('市公路事业发展中心养护科党支部');
    expect(await row('報告.txt').textContent()).toContain('交通技工学校党总支');
    expect(await row('材料上报(1).docx').textContent()).toContain('重复文件');
    expect(await row('附件2.txt').textContent()).toContain('未能确定单位');
    expect(await row('修改稿.txt').textContent()).toContain('同一单位多份');

    // The second draft of 公交一公司 was really for the metro branch: the clerk corrects it.
    await choose(page, row('修改稿.txt').locator('.ant-select'), '地铁运营分公司党支部', '地铁');
    await screenshot(page, 'intake-proposals');
    await page.getByTestId('intake-confirm').filter({ hasText: '确认导入 13 份' }).click();

    await page.getByText('已导入 13 份报告').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=intake-table] tbody tr.ant-table-row').length === 15);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=intake-table] tbody tr.ant-table-row')].filter((r) => r.textContent?.includes('已抽取')).length === 13, undefined, { timeout: 60_000 });
    expect(await row('附件2.txt').textContent()).toContain('未导入');
    expect(await row('修改稿.txt').textContent()).toContain('地铁运营分公司党支部');
    await screenshot(page, 'intake-confirmed');

    const admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    const metro = (await admin.get<{ originalName: string; version: number }[]>('/api/reports?unitCode=transit-metro&periodCode=2026-H1')).body;
    expect(metro.map((r) => r.originalName).sort()).toEqual(['修改稿.txt', '新建文本文档.txt']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
