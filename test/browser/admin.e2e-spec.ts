// An administrator imports units from an .xlsx: a file with a bad row is refused with a per-row
// error report and writes nothing; the corrected file imports and the units appear in the tree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { Client } from '../support/http';
import { launch, openTab, screenshot, signIn } from './browser';

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('units');
  ws.addRow(['code', 'name', 'parentCode', 'memberCount']);
  for (const r of rows) ws.addRow(r);
  const path = join(mkdtempSync(join(tmpdir(), 'tc-import-')), 'units.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

describe('admin in the browser', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('imports units from an .xlsx, with a per-row error report for a bad file', async () => {
    const bad = await xlsx([
      ['transport', '交通运输局党委', 'bureau', 60],
      ['port', '港航中心党支部', 'nowhere', 18],
      ['road', '公路中心党支部', 'transport', -3],
    ]);
    const good = await xlsx([
      ['transport', '交通运输局党委', 'bureau', 60],
      ['port', '港航中心党支部', 'transport', 18],
      ['road', '公路中心党支部', 'transport', 23],
    ]);
    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('menuitem', { name: '组织架构' }).click();
    await page.getByTestId('unit-tree').getByText('局党组').waitFor();

    // a bad file: every bad row is named, nothing is written
    await page.locator('input[type=file][accept=".xlsx,.csv"]').setInputFiles(bad);
    await page.getByRole('button', { name: /检\s*查/ }).click();
    const report = page.getByTestId('import-report');
    await report.getByRole('table').waitFor();
    expect(await report.textContent()).toContain('未导入任何数据');
    const rows = await report.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3/);
    expect(rows[1]).toMatch(/^4/);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await screenshot(page, 'admin-import-errors');
    const admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    expect((await admin.get<unknown[]>('/api/units')).body).toHaveLength(1);

    // the corrected file: check, then import; the tree shows the new units with member counts
    await page.locator('input[type=file][accept=".xlsx,.csv"]').setInputFiles(good);
    await page.getByRole('button', { name: /检\s*查/ }).click();
    await report.filter({ hasText: '检查通过：将新增 3 个单位' }).waitFor();
    await page.getByTestId('import-run').click();
    await report.filter({ hasText: '导入完成：新增 3 个单位' }).waitFor();
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('交通运输局党委 · 60').waitFor();
    await tree.getByText('港航中心党支部 · 18').waitFor();
    await tree.getByText('公路中心党支部 · 23').waitFor();
    await screenshot(page, 'admin-import-done');
    const units = (await admin.get<{ code: string; parentCode: string; level: number }[]>('/api/units')).body;
    expect(units.find((u) => u.code === 'port')).toMatchObject({ parentCode: 'transport', level: 2 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a token the api no longer accepts sends the user back to the login page with the reason', async () => {
    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('thermocline.session')!) as { token: string };
      sessionStorage.setItem('thermocline.session', JSON.stringify({ ...s, token: `${s.token}x` }));
    });
    await page.goto('/admin/users');
    await page.waitForURL(/\/login$/);
    expect(await page.getByTestId('login-notice').textContent()).toContain('登录已过期或失效，请重新登录');
    // signing in again returns to the page the user was on
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/admin\/users$/);
    await screenshot(page, 'admin-after-relogin');
    expect(errors).toEqual([]);
    await context.close();
  });
});
