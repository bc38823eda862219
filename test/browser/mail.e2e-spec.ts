// The bureau's administrator sets up e-mail in the browser (#18): 通知与提醒 → 邮件服务器, saves the
// SMTP server, sends a test mail that reaches a real (in-process) SMTP server, and reads why a
// wrong password fails; the password is never shown again.
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { startSmtp, type FakeSmtp } from '../support/smtp';
import { launch, openTab, screenshot, signIn } from './browser';

const USER = 'noreply@tc.example.gov.cn';
const SECRET = 'Smtp-Browser-Pass-7';

describe('e-mail settings in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let smtp: FakeSmtp;

  beforeAll(async () => {
    smtp = await startSmtp({ user: USER, secret: SECRET });
    h = await startHarness({ SMTP_URL: '', MAIL_FROM: '' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await smtp?.close();
  });

  it('saves the server, sends a test mail, and explains a refused password', async () => {
    const { page, errors, context } = await openTab(browser, h.url);
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/admin/notifications?tab=mail');
    const card = page.getByTestId('mail-settings');
    await card.getByText('尚未设置邮件服务器').waitFor();

    await page.getByTestId('mail-host').fill('127.0.0.1');
    await page.getByRole('switch').click(); // SSL/TLS off: the port follows (465 → 587)
    expect(await page.getByTestId('mail-port').inputValue()).toBe('587');
    await page.getByTestId('mail-port').fill(String(smtp.port));
    await page.getByTestId('mail-username').fill(USER);
    await page.getByTestId('mail-password').fill(SECRET);
    await page.getByTestId('mail-from').fill('某局意识形态工作 <noreply@tc.example.gov.cn>');
    await page.getByTestId('mail-save').click();
    await page.getByText('已设置；留空则不修改').waitFor();
    expect(await page.getByTestId('mail-password').inputValue()).toBe('');

    await page.getByTestId('mail-test-to').fill('it@example.gov.cn');
    await page.getByTestId('mail-test').click();
    await page.getByTestId('mail-test-result').filter({ hasText: '测试邮件已发出，请到 it@example.gov.cn 查收' }).waitFor();
    expect(smtp.received.map(({ to, user }) => ({ to, user }))).toEqual([{ to: ['it@example.gov.cn'], user: USER }]);
    await screenshot(page, 'mail-settings');

    await page.getByTestId('mail-password').fill('Wrong-Pass-000');
    await page.getByTestId('mail-save').click();
    await page.getByText('邮件设置已保存').last().waitFor();
    await page.getByTestId('mail-test').click();
    const failed = page.getByTestId('mail-test-result').filter({ hasText: '测试邮件发送失败' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('用户名或密码被邮件服务器拒绝');
    expect(await page.content()).not.toContain('Wrong-Pass-000');
    expect(errors).toEqual([]);
    await context.close();
  });
});
