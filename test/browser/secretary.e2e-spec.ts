// A branch secretary uploads a .docx, watches it reach "extracted", corrects a number and sees
// the totals change — in headless Chromium against the real built app, api, database, Redis and
// worker.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { Client } from '../support/http';
import { WorkerProcess } from '../support/worker-process';
import { choose, launch, openTab, screenshot, signIn } from './browser';
import { DOCS, OPEN_PERIOD, seedBureau } from './seed';

describe('secretary in the browser', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness();
    worker = await WorkerProcess.start(h.env);
    await seedBureau(h.url, ADMIN_PASSWORD);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await h?.close();
  });

  it('uploads a .docx, follows it to extracted, corrects a figure and sees the total change, adds a missed one from the text', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 1280, height: 900 });
    await signIn(page, 'sec-school-1', PASSWORD);
    await page.waitForURL(/\/my-unit/);
    await page.getByText('本期还没有上报，请在上方上传报告。').waitFor();

    // drag-and-drop area: its file input takes the document
    await page.getByTestId('upload-dragger').locator('input[type=file]').setInputFiles(join(DOCS, 'report-sample.docx'));
    await page.getByTestId('upload-progress').waitFor();
    await page.locator('[data-testid=report-status][data-status=extracted]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('report-status').textContent()).toContain('已抽取');

    // the figures and their totals appear
    const totals = page.getByTestId('totals');
    const sessions = totals.locator('tr[data-metric="study.sessions"]');
    await sessions.waitFor();
    expect(await sessions.getByTestId('total-value').textContent()).toBe('22');

    // correct 22 → 24 on the figure's own row
    const row = page.getByTestId('mentions').locator('tr').filter({ has: page.getByTestId('figure-evidence').filter({ hasText: '集中学习２２次' }) });
    await row.getByRole('button', { name: /更\s*正/ }).click();
    const pop = page.locator('.ant-popover:visible');
    await pop.getByLabel('正确数值').fill('24');
    await pop.getByRole('button', { name: '保存更正' }).click();
    await sessions.getByTestId('total-value').filter({ hasText: '24' }).waitFor();
    expect(await row.textContent()).toContain('已更正');
    expect(await row.textContent()).toContain('原 22');

    // and confirm another one
    const lecture = page.getByTestId('mentions').locator('tr').filter({ has: page.getByTestId('figure-evidence').filter({ hasText: '党课' }) });
    await lecture.getByRole('button', { name: /确\s*认/ }).click();
    await lecture.getByText('已确认').waitFor();
    await screenshot(page, 'secretary-review');

    // add a number the extractor missed by selecting it in the text
    await page.getByTestId('report-text').evaluate((box) => {
      const phrase = '４个党小组';
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + phrase.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        box.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error('phrase not found');
    });
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('４个党小组').waitFor();
    expect(await modal.getByLabel('数值').inputValue()).toBe('4');
    await choose(page, modal.getByLabel('指标'), '宣讲/报告会', '宣讲');
    await modal.getByRole('button', { name: /补\s*录/ }).click();
    await modal.waitFor({ state: 'detached' });
    await totals.locator('tr[data-metric="propaganda.lectures"]').getByTestId('total-value').filter({ hasText: '4' }).waitFor();
    expect(await page.getByTestId('report-text').locator('mark', { hasText: '４个党小组' }).count()).toBe(1);

    // the same totals come back from the api (the correction was stored, not just drawn)
    const sec = await new Client(h.url).login('sec-school-1', PASSWORD);
    const list = await sec.get<{ id: number }[]>(`/api/reports?unitCode=school-1&periodCode=${OPEN_PERIOD.code}&latest=true`);
    const mentions = await sec.get<{ key: string; value: number; state: string }[]>(`/api/reports/${list.body[0].id}/mentions`);
    expect(mentions.body.find((m) => m.key === 'study.sessions')).toMatchObject({ value: 24, state: 'corrected' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works on a 375 px phone screen', async () => {
    const { page, errors, context } = await openTab(browser, h.url, { width: 375, height: 740 });
    await signIn(page, 'sec-school-1', PASSWORD);
    await page.getByTestId('report-text').locator('mark').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'secretary-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
