// First run (#18) in the browser: a fresh installation with no secrets sends the first visitor to
// the setup wizard; a wrong code is refused and sent back to its screen; closing the browser
// mid-way resumes with what was typed (the password asked again); then the optional screens
// import the unit list and open the first period, the e-mail screen is skipped, and the
// administrator lands in the app.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type Harness } from '../support/harness';
import { Client } from '../support/http';
import { launch, openTab, screenshot } from './browser';

const PASSWORD = 'Wizard-Admin-2026!';

describe('setup wizard in the browser', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness({ NODE_ENV: 'production', ADMIN_PASSWORD: '', JWT_SECRET: '' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function adminScreen(page: Page, typePassword: boolean) {
    await page.getByText('创建系统的第一位管理员').waitFor();
    if (typePassword) {
      await page.getByLabel('密码', { exact: true }).fill('weakpass');
      await page.getByTestId('password-strength').and(page.locator('[data-score="1"]')).waitFor();
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByTestId('password-strength').and(page.locator('[data-score="4"]')).waitFor();
      await page.getByLabel('确认密码').fill(PASSWORD);
    }
    await page.getByRole('button', { name: '下一步' }).click();
  }

  it('walks a first visitor from the setup code to the signed-in app', async () => {
    const { page, errors, context } = await openTab(browser, h.url);
    // anywhere, signed out: to the wizard
    await page.goto('/login');
    await page.waitForURL(/\/setup$/);

    // a wrong code gets as far as the server, which sends the visitor back to the code screen
    await page.getByLabel('初始设置码').fill('WRNG-CODE-2222');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('用户名').fill('wang.ming');
    await page.getByLabel('姓名').fill('王明');
    await adminScreen(page, true);
    await page.getByLabel('本局名称').fill('县教育局党委');
    await page.getByLabel('单位代码').fill('jyj');
    await page.getByLabel('党员数').fill('35');
    await screenshot(page, 'setup-bureau');

    // the browser closes here: a new tab of the same profile resumes, the password asked again
    await page.close();
    const again = await context.newPage();
    again.on('pageerror', (e) => errors.push(e.message));
    await again.goto('/');
    await again.waitForURL(/\/setup$/);
    await again.getByText('已恢复上次填写的内容').waitFor();
    expect(await again.getByLabel('用户名').inputValue()).toBe('wang.ming');
    expect(await again.getByLabel('姓名').inputValue()).toBe('王明');
    expect(await again.getByLabel('密码', { exact: true }).inputValue()).toBe('');
    await adminScreen(again, true);
    expect(await again.getByLabel('本局名称').inputValue()).toBe('县教育局党委');
    expect(await again.getByLabel('单位代码').inputValue()).toBe('jyj');
    await again.getByRole('button', { name: '完成设置' }).click();
    await again.getByRole('alert').filter({ hasText: '初始设置码不正确' }).waitFor();
    expect((await new Client(h.url).get('/api/setup')).body).toEqual({ needed: true });

    // the right code: through the screens again (the password is still in this tab's memory)
    await again.getByLabel('初始设置码').fill(String(h.setupCode).toLowerCase());
    await again.getByRole('button', { name: '下一步' }).click();
    await adminScreen(again, false);
    await again.getByRole('button', { name: '完成设置' }).click();
    await again.getByText('导入单位名单（可选）').waitFor();
    expect((await new Client(h.url).get('/api/setup')).body).toEqual({ needed: false });

    // optional: the unit list (checked, then imported) and the suggested first period
    const csv = join(mkdtempSync(join(tmpdir(), 'tc-setup-')), 'units.csv');
    writeFileSync(csv, 'code,name,parentCode,memberCount\nschool-1,县第一中学党总支,jyj,48\nschool-2,县第二中学党支部,jyj,21\n');
    await again.locator('input[type=file][accept=".xlsx,.csv"]').setInputFiles(csv);
    await again.getByRole('button', { name: /检\s*查/ }).click();
    const report = again.getByTestId('import-report');
    await report.filter({ hasText: '检查通过：将新增 2 个单位' }).waitFor();
    await again.getByTestId('setup-import-run').click();
    await report.filter({ hasText: '导入完成：新增 2 个单位' }).waitFor();
    await again.getByRole('button', { name: '创建期次' }).click();
    await again.getByText(/已创建期次 \d{4}-H[12]/).first().waitFor();
    await screenshot(again, 'setup-optional');
    await again.getByRole('button', { name: '下一步' }).click();
    // optional: the e-mail server — nothing stored yet, so no test mail; skipped
    const mail = again.getByTestId('setup-mail');
    await mail.getByText('邮件（可选）').waitFor();
    await mail.getByText('保存设置后即可发送测试邮件。').waitFor();
    expect(await again.getByTestId('mail-test').isDisabled()).toBe(true);
    await again.getByTestId('setup-mail-skip').click();
    await again.getByText('设置完成').waitFor();
    await screenshot(again, 'setup-done');
    await again.getByRole('button', { name: '进入系统' }).click();
    await again.waitForURL(/\/dashboard/);
    await again.getByTestId('user-scope').waitFor();

    const admin = await new Client(h.url).login('wang.ming', PASSWORD);
    const units = (await admin.get<{ code: string; parentCode: string | null }[]>('/api/units')).body;
    expect(units.map((u) => u.code).sort()).toEqual(['jyj', 'school-1', 'school-2']);
    expect((await admin.get<unknown[]>('/api/periods')).body).toHaveLength(1);
    expect(await again.evaluate(() => localStorage.getItem('thermocline.setup'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
