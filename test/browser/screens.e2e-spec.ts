// The screens pass (#16, #13.4) in headless Chromium against the real built app, api, worker:
// a hostile unit name stays text in every chart's tooltip; the audit log reads in Chinese with
// filters and export; times in Chinese form; queue states in Chinese.
// SCREENS_SHOTS=/dir SCREENS_TAG=before|after also saves each screen there for a review.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, type Harness } from '../support/harness';
import { Client } from '../support/http';
import { WorkerProcess } from '../support/worker-process';
import { openTab, pickPeriod, screenshot, signIn } from './browser';
import { PERIOD, startSeededStack, stopSeededStack } from './seed';

const HOSTILE = '二中<img src=x onerror=window.__pwned=1><meta http-equiv=refresh content=0;url=//x>';

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `screens-${name}`);
  const dir = process.env.SCREENS_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${process.env.SCREENS_TAG ?? 'after'}-${name}.png`), fullPage: true });
}

describe('screens in the browser', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let browser: Browser;
  let admin: Client;

  beforeAll(async () => {
    ({ h, worker, browser, admin } = await startSeededStack());
    const r = await admin.patch('/api/units/school-2', { name: HOSTILE });
    if (r.status !== 200) throw new Error(`rename: ${r.status} ${JSON.stringify(r.body)}`);
  });

  afterAll(() => stopSeededStack({ h, worker, browser }));

  it('keeps a hostile unit name as text in the heatmap and org-tree tooltips (#13.4)', async () => {
    // Tall enough that each chart is wholly on screen: the mouse only hovers what is in view.
    const { page, errors, context } = await openTab(browser, h.url, { width: 1440, height: 2600 });
    await signIn(page, 'leader', PASSWORD);
    await pickPeriod(page, PERIOD.name);
    const start = new URL(page.url());
    let shown = 0;
    for (const [tab, chart] of [
      ['单位×指标热力图', 'heatmap-chart'],
      ['组织树', 'tree-chart'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      const box = page.locator(`[data-testid=${chart}][data-painted=true]`);
      await box.waitFor({ timeout: 30_000 });
      await box.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const b = (await box.boundingBox())!;
      // Sweep the chart: every tooltip it shows is read as it is.
      let found = false;
      for (let y = 0.02; y < 1 && !found; y += 0.04)
        for (let x = 0.02; x < 1 && !found; x += 0.06) {
          await page.mouse.move(b.x + b.width * x, b.y + b.height * y);
          const text = await box.evaluate((el) => [...el.querySelectorAll('div')].filter((d) => d.style.zIndex === '9999999').map((d) => (d.style.display === 'none' ? '' : d.textContent)).join(''));
          if (text.includes('<img src=x')) {
            shown++;
            found = true;
            await shot(page, `hostile-${chart}`);
          }
        }
      expect(await page.evaluate(() => document.querySelectorAll('meta[http-equiv], img[src="x"]').length)).toBe(0);
    }
    expect(shown).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(new URL(page.url())).toMatchObject({ host: start.host, pathname: start.pathname });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the audit log in Chinese with names, readable detail, times in Chinese form, filters and export (#16.3)', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 1440, height: 1000 });
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/admin/audit');
    const table = page.locator('.ant-table-tbody');
    await table.getByText('上传报告').first().waitFor();
    await shot(page, 'audit-log');
    const text = (await table.textContent()) ?? '';
    expect(text).not.toMatch(/auth\.login|report\.status|user #\d|\{"/);
    expect(text).toContain('登录');
    expect(text).toMatch(/报告 · 一中党总支 · 2025年下半年 第1版/);
    expect(text).toMatch(/状态：(排队中|抽取中) → (抽取中|已抽取)/);
    const when = await table.locator('tr.ant-table-row td:first-child').first().textContent();
    expect(when).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    await page.getByRole('searchbox', { name: '操作人' }).fill('sec-hospital');
    await page.getByRole('searchbox', { name: '操作人' }).press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row td:nth-child(2)')].every((td) => td.textContent === 'sec-hospital'));
    const actions = await table.locator('tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    // The bureau's people replaced their administrator-set passwords at first sign-in (#13).
    expect(new Set(actions)).toEqual(new Set(['登录', '修改密码', '上传报告']));
    await shot(page, 'audit-log-filtered');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(xlsx.suggestedFilename()).toBe('审计日志.xlsx');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows times in Chinese form and queue states in Chinese (#16.3)', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 1440, height: 1000 });
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/admin/queues');
    await page.getByText('正常').first().waitFor();
    expect(await page.locator('.ant-descriptions').textContent()).not.toMatch(/\bok\b|\bup\b/);
    await shot(page, 'queues');
    await page.goto('/admin/users');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const body = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(body).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(body).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}|[AP]M/);
    await shot(page, 'users-times');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains 温度 and 衰减指数 and takes a unit’s temperature apart into its five parts (#16.1)', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 1440, height: 1000 });
    await signIn(page, 'leader', PASSWORD);
    await pickPeriod(page, PERIOD.name);
    await page.getByTestId('help-icon-gapIndex').click();
    await page.getByTestId('help-gapIndex').filter({ hasText: '1 − 最底层温度中位数 ÷ 最顶层温度中位数' }).waitFor();
    await shot(page, 'help-gap-index');
    await page.keyboard.press('Escape');
    await page.goto(`/units/school-1?period=${PERIOD.code}`);
    await page.getByTestId('unit-temperature').waitFor();
    const table = page.getByTestId('temperature-breakdown');
    await table.waitFor();
    const names = await table.locator('tr.ant-table-row td:first-child').allTextContents();
    expect(names).toEqual(['广度', '强度', '具体度', '及时性', '原创性']);
    expect(await page.getByTestId('component-breadth').textContent()).toMatch(/^\d \/ \d 类指标有工作数字/);
    expect(await page.getByTestId('component-specificity').textContent()).toMatch(/每千字 [\d.]+ 个量化事实/);
    expect(await page.getByTestId('component-timeliness').textContent()).toMatch(/逾期 \d+ 天提交|按时提交/);
    await page.getByTestId('help-icon-temperature').first().hover();
    await page.getByTestId('help-temperature').first().filter({ hasText: '广度' }).waitFor();
    await shot(page, 'unit-breakdown');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone (375 px): no horizontal scrolling on the leader’s, secretary’s and admin’s main pages (#16.6)', async () => {
    const pages: [string, string, string, string][] = [
      ['leader', PASSWORD, `/dashboard?period=${PERIOD.code}`, 'level-chart'],
      ['sec-school-1', PASSWORD, `/my-unit?period=${PERIOD.code}`, 'unit-name'],
      ['admin', ADMIN_PASSWORD, `/dashboard?period=${PERIOD.code}`, 'level-chart'],
      ['admin', ADMIN_PASSWORD, '/admin/units', 'user-scope'],
      ['admin', ADMIN_PASSWORD, '/admin/audit', 'audit-filters'],
    ];
    for (const [who, password, path, ready] of pages) {
      const { page, errors, context } = await openTab(browser, h.url, { width: 375, height: 812 });
      await signIn(page, who, password);
      await page.goto(path);
      await page.getByTestId(ready).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const wide = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
      await shot(page, `phone-${who}-${path.split('?')[0].replaceAll('/', '_')}`);
      expect({ path, ...wide }).toEqual({ path, scroll: wide.view, view: 375 });
      // the warnings are cards on a phone, each unit's name on one line
      if (ready === 'level-chart') expect(await page.getByTestId('flagged-unit-card').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('大屏: renders the wall at 1920×1080 with data, rotates its panels and refreshes itself (#16.7)', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 1920, height: 1080 });
    await signIn(page, 'leader', PASSWORD);
    await pickPeriod(page, PERIOD.name);
    const [wall] = await Promise.all([context.waitForEvent('page'), page.getByTestId('open-wall').click()]);
    await wall.waitForURL(/\/wall\?period=2025-H2/);
    await wall.close();

    const gets: string[] = [];
    page.on('request', (r) => r.url().includes('/api/dashboard/gap') && gets.push(r.url()));
    await page.goto(`/wall?period=${PERIOD.code}&rotate=3&refresh=3`);
    await page.locator('[data-testid=wall-chart-level][data-painted=true]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('wall-period').textContent()).toBe(PERIOD.name);
    expect(await page.getByTestId('wall-received').textContent()).toMatch(/^3 \/ \d+$/);
    expect(await page.getByTestId('wall-coldest').locator('li').count()).toBeGreaterThan(0);
    await shot(page, 'wall-level');
    // rotates to the flagged units with their reasons
    await page.locator('[data-testid=wall][data-panel=flagged]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('wall-panel-flagged').textContent()).toMatch(/逾期报送|偏冷|未报送/);
    await shot(page, 'wall-flagged');
    // refreshes itself: the data is fetched again without a reload
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=wall]')?.getAttribute('data-loads')) >= 3, undefined, { timeout: 20_000 });
    expect(gets.length).toBeGreaterThanOrEqual(3);
    // dark and readable from across a room
    const look = await page.getByTestId('wall').evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, h1: parseFloat(getComputedStyle(el.querySelector('h1')!).fontSize) }));
    expect(look.bg).toBe('rgb(11, 18, 32)');
    expect(look.h1).toBeGreaterThanOrEqual(36);
    const wide = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(wide).toEqual({ w: 1920, h: 1080 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('大屏 link: an admin issues a read-only link, a wall with no login shows the data, revoking stops it (#16.7)', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 1440, height: 1000 });
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await pickPeriod(page, PERIOD.name);
    await page.getByTestId('wall-links').click();
    await page.getByLabel('大屏位置').fill('三楼党组会议室');
    await page.getByTestId('wall-issue').click();
    const link = (await page.getByTestId('wall-issued').textContent())!.trim();
    expect(link).toMatch(/\/wall\/link#[A-Za-z0-9_-]{40,}$/);
    await shot(page, 'wall-link-issued');

    const wallTab = await openTab(browser, h.url, { width: 1920, height: 1080 });
    const url = new URL(link);
    await wallTab.page.goto(`/wall/link?period=${PERIOD.code}&refresh=2${url.hash}`);
    await wallTab.page.locator('[data-testid=wall-chart-level][data-painted=true]').waitFor({ timeout: 30_000 });
    expect(await wallTab.page.getByTestId('wall-received').textContent()).toMatch(/^3 \/ \d+$/);
    expect(wallTab.page.url()).not.toContain('/login');
    await shot(wallTab.page, 'wall-by-link');

    await page.getByRole('button', { name: /撤\s*销/ }).first().click();
    await page.getByText('已撤销「三楼党组会议室」').waitFor();
    await wallTab.page.getByText('向管理员索取新链接').waitFor({ timeout: 15_000 });
    expect(wallTab.errors).toEqual([]);
    await wallTab.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });
});
